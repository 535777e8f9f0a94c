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
