#include <catch2/catch_test_macros.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "safehold/base/file_io.hpp"
#include "safehold/base/no_replace.hpp"
#include "test_util.hpp"

using namespace safehold::base;
namespace fs = std::filesystem;

namespace {
std::size_t entries_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}
}  // namespace

TEST_CASE("atomic writer publishes only on commit", "[io][file]") {
  safehold::test::TempDir dir;
  const auto dest = dir / "key";
  {
    auto w = AtomicFileWriter::create(dest);
    REQUIRE(w);
    REQUIRE(w->write(safehold::test::as_bytes("new content")));
    REQUIRE_FALSE(fs::exists(dest));
    REQUIRE(w->commit());
  }
  REQUIRE(safehold::test::read_file(dest) ==
          std::vector<std::uint8_t>{'n', 'e', 'w', ' ', 'c', 'o', 'n', 't', 'e', 'n', 't'});
  struct stat st {};
  REQUIRE(::stat(dest.c_str(), &st) == 0);
  REQUIRE((st.st_mode & 0777) == 0600);
  REQUIRE(entries_in(dir.path()) == 1);
}

TEST_CASE("atomic writer abandoned leaves the old file and no temporary", "[io][file]") {
  safehold::test::TempDir dir;
  const auto dest = dir / "key";
  REQUIRE(write_file_atomically(dest, safehold::test::as_bytes("old")));
  {
    auto w = AtomicFileWriter::create(dest);
    REQUIRE(w);
    REQUIRE(w->write(safehold::test::as_bytes("half-writ")));
    // destroyed without commit: as if cancelled or failed
  }
  REQUIRE(safehold::test::read_file(dest) == std::vector<std::uint8_t>{'o', 'l', 'd'});
  REQUIRE(entries_in(dir.path()) == 1);
}

TEST_CASE("a no-replace writer killed mid-write leaves nothing beside the destination", "[io][file]") {
  // What a report or export writes is plaintext: a process killed with
  // SIGKILL (no destructor runs) must not leave a hidden temporary holding
  // part of it. The child writes, tells the parent, and is killed mid-write.
  safehold::test::TempDir dir;
  const auto dest = dir / "report.pdf";
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto w = AtomicFileWriter::create(dest, 0600, Publish::no_replace);
    if (w && w->write(safehold::test::as_bytes("MARKERPLAINTEXT half a report"))) {
      const char one = 1;
      (void)!::write(ready[1], &one, 1);
    }
    for (;;) ::pause();
  }
  ::close(ready[1]);
  char got = 0;
  const bool written = ::read(ready[0], &got, 1) == 1;
  ::close(ready[0]);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(written);
  CHECK(WIFSIGNALED(status));
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("a no-replace writer never overwrites a file that appeared while it wrote", "[io][file]") {
  safehold::test::TempDir dir;
  const auto dest = dir / "bundle.age";
  auto w = AtomicFileWriter::create(dest, 0600, Publish::no_replace);
  REQUIRE(w);
  REQUIRE(w->write(safehold::test::as_bytes("ours")));
  // Someone else's file takes the name between the writer's start and commit.
  REQUIRE(write_file_atomically(dest, safehold::test::as_bytes("theirs")));
  auto c = w->commit();
  REQUIRE_FALSE(c);
  REQUIRE(c.error() == FileError::exists);
  REQUIRE(safehold::test::read_file(dest) == std::vector<std::uint8_t>{'t', 'h', 'e', 'i', 'r', 's'});
  REQUIRE(entries_in(dir.path()) == 1);  // our temporary is gone

  // With the name free, the same kind of writer publishes normally...
  const auto fresh = dir / "fresh.age";
  auto w2 = AtomicFileWriter::create(fresh, 0600, Publish::no_replace);
  REQUIRE(w2);
  REQUIRE(w2->write(safehold::test::as_bytes("ours")));
  REQUIRE(w2->commit());
  REQUIRE(safehold::test::read_file(fresh) == std::vector<std::uint8_t>{'o', 'u', 'r', 's'});
  // ...while the default writer replaces, as the key file needs.
  auto w3 = AtomicFileWriter::create(dest);
  REQUIRE(w3);
  REQUIRE(w3->write(safehold::test::as_bytes("new")));
  REQUIRE(w3->commit());
  REQUIRE(safehold::test::read_file(dest) == std::vector<std::uint8_t>{'n', 'e', 'w'});
  REQUIRE(entries_in(dir.path()) == 2);
}

TEST_CASE("the no-replace fallbacks (hard link, copy) never replace and never leave two names", "[io][file]") {
  for (auto move : {&move_by_link, &move_by_copy}) {
    safehold::test::TempDir dir;
    const auto from = dir / ".tmp";
    const auto taken = dir / "taken";
    const auto free_name = dir / "free";
    // The mode checked below needs a known umask: process hardening (tested
    // in this same executable, in random order) leaves 077 behind.
    struct KnownUmask {
      mode_t old = ::umask(022);
      ~KnownUmask() { ::umask(old); }
    } const known_umask;
    REQUIRE(write_file_atomically(from, safehold::test::as_bytes("ours"), 0640));
    REQUIRE(write_file_atomically(taken, safehold::test::as_bytes("theirs")));

    CHECK(move(from, taken) == EEXIST);
    CHECK(safehold::test::read_file(taken) == std::vector<std::uint8_t>{'t', 'h', 'e', 'i', 'r', 's'});
    CHECK(fs::exists(from));  // left for the caller to remove

    REQUIRE(move(from, free_name) == 0);
    CHECK_FALSE(fs::exists(from));
    CHECK(safehold::test::read_file(free_name) == std::vector<std::uint8_t>{'o', 'u', 'r', 's'});
    struct stat st {};
    REQUIRE(::stat(free_name.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(st.st_nlink == 1);
    CHECK(entries_in(dir.path()) == 2);

    CHECK(move(dir / "missing", dir / "other") == ENOENT);
    CHECK_FALSE(fs::exists(dir / "other"));
  }
}

TEST_CASE("small-file reader enforces its limit and reports missing files", "[io][file]") {
  safehold::test::TempDir dir;
  REQUIRE(write_file_atomically(dir / "f", safehold::test::as_bytes("12345")));
  REQUIRE(read_small_file(dir / "f", 5));
  REQUIRE_FALSE(read_small_file(dir / "f", 4));
  auto missing = read_small_file(dir / "nope", 10);
  REQUIRE_FALSE(missing);
  REQUIRE(missing.error() == FileError::not_found);
  REQUIRE_FALSE(FileSource::open(dir.path()));  // a folder is not a file
}
