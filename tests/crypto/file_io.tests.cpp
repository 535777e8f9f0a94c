#include <catch2/catch_test_macros.hpp>

#include <sys/stat.h>

#include "safehold/crypto/file_io.hpp"
#include "test_util.hpp"

using namespace safehold::io;
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
