#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <cstring>

#include "bundle_fixtures.hpp"
#include "safehold/core/bundle/tar_reader.hpp"
#include "safehold/core/bundle/tar_writer.hpp"
#include "stream_faults.hpp"
#include "test_util.hpp"

using namespace safehold::core::bundle;
using safehold::test::quote;
using safehold::test::run;
namespace base = safehold::base;

namespace {

struct Item {
  std::string path;
  std::vector<std::uint8_t> bytes;
};

std::vector<std::uint8_t> write_tar(const std::vector<Item>& items,
                                    std::int64_t mtime = 1795881600) {
  base::VectorSink sink;
  TarWriter w(sink, mtime);
  for (const auto& it : items) {
    REQUIRE(w.begin_entry(it.path, it.bytes.size()));
    // Uneven pieces, to exercise partial blocks.
    std::span<const std::uint8_t> rest(it.bytes);
    while (!rest.empty()) {
      const std::size_t n = std::min<std::size_t>(rest.size(), 7777);
      REQUIRE(w.write(rest.first(n)));
      rest = rest.subspan(n);
    }
    REQUIRE(w.end_entry());
  }
  REQUIRE(w.finish());
  return std::move(sink.bytes());
}

Result<std::vector<Item>> read_tar(base::ByteSource& src) {
  TarReader r(src);
  std::vector<Item> out;
  for (;;) {
    auto e = r.next();
    if (!e) return safehold::unexpected(e.error());
    if (!*e) return out;
    Item item{(*e)->path, {}};
    for (;;) {
      auto piece = r.read();
      if (!piece) return safehold::unexpected(piece.error());
      if (piece->empty()) break;
      item.bytes.insert(item.bytes.end(), piece->begin(), piece->end());
    }
    if (item.bytes.size() != (*e)->size) return fail(BundleError::malformed_tar, "size");
    out.push_back(std::move(item));
  }
}

Result<std::vector<Item>> read_tar(std::span<const std::uint8_t> bytes) {
  base::SpanSource src(bytes);
  return read_tar(src);
}

BundleError read_error(std::span<const std::uint8_t> bytes) {
  auto r = read_tar(bytes);
  REQUIRE_FALSE(r);
  UNSCOPED_INFO(describe(r.error()));
  return r.error().code;
}

std::vector<Item> sample_items() {
  return {{"manifest.json", safehold::test::pseudo_random_bytes(1000, 1)},
          {"SHA256SUMS", {}},
          {"attachments/" + random_uuid4(), safehold::test::pseudo_random_bytes(300000, 2)},
          {"audit/" + random_uuid4() + "/" + std::string(64, 'x'),
           safehold::test::pseudo_random_bytes(512, 3)}};
}

// Builds an archive with GNU tar in `dir` from `args` (after `cd dir`).
std::vector<std::uint8_t> gnu_tar(const safehold::test::TempDir& dir, const std::string& args) {
  REQUIRE(run("cd " + quote(dir.path()) + " && tar " + args + " -cf out.tar") == 0);
  return safehold::test::read_file(dir / "out.tar");
}

}  // namespace

TEST_CASE("tar: what we write reads back entry for entry", "[bundle][tar]") {
  const auto items = sample_items();
  const auto bytes = write_tar(items);
  auto back = read_tar(bytes);
  REQUIRE(back);
  REQUIRE(back->size() == items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    CHECK((*back)[i].path == items[i].path);
    CHECK((*back)[i].bytes == items[i].bytes);
  }
}

TEST_CASE("tar: output is reproducible and ends right after the end marker", "[bundle][tar]") {
  const auto items = sample_items();
  const auto a = write_tar(items);
  CHECK(a == write_tar(items));
  CHECK(a != write_tar(items, 0));  // the mtime is the only varying header field
  // Entries: 512-byte header + data padded to 512; then exactly 1024 zeros.
  std::size_t expected = 1024;
  for (const auto& it : items) expected += 512 + (it.bytes.size() + 511) / 512 * 512;
  CHECK(a.size() == expected);
  CHECK(std::all_of(a.end() - 1024, a.end(), [](auto b) { return b == 0; }));
}

TEST_CASE("tar: GNU tar lists and extracts our archive with normalised headers",
          "[bundle][tar][interop]") {
  safehold::test::TempDir dir;
  const auto items = sample_items();
  safehold::test::write_file(dir / "b.tar", write_tar(items));
  const std::string listing =
      safehold::test::run_output("tar --numeric-owner --utc -tvf " + quote(dir / "b.tar"));
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = listing.find("-rw-r--r-- 0/0", at)) != std::string::npos; ++at) {
    ++lines;
  }
  CHECK(lines == items.size());
  CHECK(listing.find("2026-11-28 16:00") != std::string::npos);
  REQUIRE(run("mkdir " + quote(dir / "x") + " && tar -xf " + quote(dir / "b.tar") + " -C " +
              quote(dir / "x")) == 0);
  for (const auto& it : items) CHECK(safehold::test::read_file(dir / "x" / it.path) == it.bytes);
}

TEST_CASE("tar: archives made by GNU tar are read (ustar, pax, padded records)",
          "[bundle][tar][interop]") {
  safehold::test::TempDir dir;
  const std::string audit_dir = "audit/" + random_uuid4();
  std::filesystem::create_directories(dir / audit_dir);
  const auto content = safehold::test::pseudo_random_bytes(70000, 9);
  safehold::test::write_file(dir / "manifest.json", content);
  safehold::test::write_file(dir / (audit_dir + "/" + std::string(64, 'y')), content);
  const std::string files = "manifest.json " + audit_dir + "/" + std::string(64, 'y');
  for (const std::string& args : std::vector<std::string>{
           "--format=pax --no-recursion --owner=0 --group=0 --numeric-owner --mode=0644 "
           "--mtime=@0 --pax-option=delete=atime,delete=ctime " +
               files,
           "--format=pax --no-recursion " + files,  // pax headers with atime/ctime
           "--format=ustar --no-recursion " + files}) {
    INFO(args);
    const auto bytes = gnu_tar(dir, args);
    CHECK(bytes.size() % 10240 == 0);
    auto back = read_tar(bytes);
    REQUIRE(back);
    REQUIRE(back->size() == 2);
    CHECK((*back)[0].path == "manifest.json");
    CHECK((*back)[1].bytes == content);
  }
}

TEST_CASE("tar: other dialects and entry types are refused", "[bundle][tar][interop]") {
  safehold::test::TempDir dir;
  safehold::test::write_file(dir / "f", safehold::test::pseudo_random_bytes(10, 1));
  REQUIRE(run("cd " + quote(dir.path()) +
              " && ln -s f link && ln f hard && mkdir d && mkfifo fifo && "
              "truncate -s 1M sparse && printf x | dd of=sparse bs=1 seek=500000 conv=notrunc "
              "2>/dev/null") == 0);
  CHECK(read_error(gnu_tar(dir, "--format=gnu f")) == BundleError::malformed_tar);
  CHECK(read_error(gnu_tar(dir, "--format=v7 f")) == BundleError::malformed_tar);
  CHECK(read_error(gnu_tar(dir, "--format=pax link")) == BundleError::unsafe_path);
  CHECK(read_error(gnu_tar(dir, "--format=pax f hard")) == BundleError::unsafe_path);
  CHECK(read_error(gnu_tar(dir, "--format=pax --no-recursion d")) == BundleError::unsafe_path);
  CHECK(read_error(gnu_tar(dir, "--format=pax fifo")) == BundleError::unsafe_path);
  CHECK(read_error(gnu_tar(dir, "--format=pax --sparse sparse")) == BundleError::malformed_tar);
}

TEST_CASE("tar: the end marker and what follows it", "[bundle][tar]") {
  const auto good = write_tar(sample_items());
  REQUIRE(read_tar(good));
  auto t = good;
  t.resize(t.size() - 1024);  // no marker at all (libarchive alone would accept this)
  CHECK(read_error(t) == BundleError::malformed_tar);
  t = good;
  t.resize(t.size() - 512);  // half a marker
  CHECK(read_error(t) == BundleError::malformed_tar);
  t = good;
  t.insert(t.end(), 9216, 0);  // record padding: fine
  CHECK(read_tar(t));
  t.push_back(1);  // a non-zero byte after the marker
  CHECK(read_error(t) == BundleError::malformed_tar);
  t = good;
  t.insert(t.end(), 1 << 20, 0);  // more zeros than allowed
  CHECK(read_error(t) == BundleError::malformed_tar);
  t = good;
  t.insert(t.end(), good.begin(), good.end());  // a concatenated second archive
  CHECK(read_error(t) == BundleError::malformed_tar);
}

TEST_CASE("tar: cut or garbled archives are malformed", "[bundle][tar]") {
  const auto good = write_tar(sample_items());
  for (const std::size_t cut : {std::size_t{0}, std::size_t{100}, std::size_t{512},
                                std::size_t{2000}, good.size() / 2, good.size() - 1025}) {
    INFO(cut);
    CHECK(read_error(std::span(good).first(cut)) == BundleError::malformed_tar);
  }
  auto t = good;
  t[148] ^= 1;  // header checksum field
  CHECK(read_error(t) == BundleError::malformed_tar);
  CHECK(read_error(safehold::test::pseudo_random_bytes(20000, 5)) == BundleError::malformed_tar);
}

TEST_CASE("tar: errors of the source win over what libarchive makes of them", "[bundle][tar]") {
  const auto good = write_tar(sample_items());
  for (const std::size_t at :
       {std::size_t{0}, std::size_t{700}, std::size_t{200000}, good.size() - 10}) {
    INFO(at);
    safehold::test::FailingSource corrupt(good, at, base::IoError::corrupt);
    auto r = read_tar(corrupt);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == BundleError::tampered);
    safehold::test::FailingSource cut(good, at, base::IoError::truncated);
    r = read_tar(cut);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == BundleError::truncated);
  }
}

TEST_CASE("tar writer: declared sizes are enforced and sink errors surface", "[bundle][tar]") {
  base::VectorSink sink;
  {
    TarWriter w(sink, 0);
    REQUIRE(w.begin_entry("manifest.json", 3));
    const std::uint8_t four[4] = {1, 2, 3, 4};
    auto r = w.write(four);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == BundleError::source_mismatch);
    REQUIRE(w.write(std::span(four).first(2)));
    r = w.end_entry();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == BundleError::source_mismatch);
  }
  // Abandoned: the header and the two bytes, no padding, no end marker.
  CHECK(sink.bytes().size() == 512 + 2);
  safehold::test::FailingSink full(5000, base::IoError::disk_full);
  TarWriter w(full, 0);
  REQUIRE(w.begin_entry("manifest.json", 100000));
  const auto data = safehold::test::pseudo_random_bytes(100000);
  const auto r = w.write(data);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == BundleError::disk_full);
}

namespace {

// Rewrites byte `at` of the header block starting at `header` and fixes the
// header checksum, as a hand-made archive would have it.
void patch_header(std::vector<std::uint8_t>& t, std::size_t header, std::size_t at,
                  std::uint8_t value) {
  t[header + at] = value;
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < 512; ++i) {
    sum += (i >= 148 && i < 156) ? std::uint32_t{' '} : t[header + i];
  }
  char field[8];
  std::snprintf(field, sizeof field, "%06o", sum);
  std::copy_n(field, 6, t.begin() + static_cast<std::ptrdiff_t>(header + 148));
  t[header + 154] = 0;
  t[header + 155] = ' ';
}

// Offsets of the header blocks whose typeflag is `flag` (a crude scan that is
// right for the small archives below: no content block looks like a header).
std::vector<std::size_t> headers_with_flag(const std::vector<std::uint8_t>& t, char flag) {
  std::vector<std::size_t> out;
  for (std::size_t at = 0; at + 512 <= t.size(); at += 512) {
    if (std::memcmp(&t[at + 257], "ustar", 5) == 0 && t[at + 156] == flag) out.push_back(at);
  }
  return out;
}

}  // namespace

// Regression (issue 10, finding 14): libarchive reads these typeflags as
// regular files and ignores the ustar version; section 3.1 refuses them.
TEST_CASE("tar: typeflags other than 0 and ustar versions other than 00 are refused",
          "[bundle][tar][regression]") {
  const auto good = write_tar(sample_items());
  REQUIRE(read_tar(good));
  const auto files = headers_with_flag(good, '0');
  REQUIRE(files.size() == 4);
  for (const std::uint8_t flag : {std::uint8_t{'7'}, std::uint8_t{0}, std::uint8_t{'S'},
                                  std::uint8_t{'Z'}, std::uint8_t{'q'}}) {
    INFO("typeflag " << int{flag});
    for (const std::size_t header : {files[0], files[1], files[3]}) {
      auto t = good;
      patch_header(t, header, 156, flag);
      CHECK(read_error(t) == BundleError::unsafe_path);
    }
  }
  auto t = good;
  patch_header(t, 0, 264, '1');  // version "01"
  CHECK(read_error(t) == BundleError::malformed_tar);
  t = good;
  patch_header(t, 0, 263, ' ');  // version " 0"
  CHECK(read_error(t) == BundleError::malformed_tar);
}

TEST_CASE("tar: after a pax header only a regular file (typeflag 0, ustar 00) is read",
          "[bundle][tar][regression]") {
  safehold::test::TempDir dir;
  safehold::test::write_file(dir / "manifest.json", safehold::test::pseudo_random_bytes(700, 4));
  safehold::test::write_file(dir / "SHA256SUMS", safehold::test::pseudo_random_bytes(70, 5));
  // Without the delete= options GNU tar writes a pax `x` header (atime, ctime)
  // before each entry.
  const auto good = gnu_tar(dir, "--format=pax --no-recursion manifest.json SHA256SUMS");
  REQUIRE(read_tar(good));
  const auto pax = headers_with_flag(good, 'x');
  REQUIRE(pax.size() == 2);
  const std::size_t second_file = pax[1] + 1024;  // x header, its data, the file's header
  REQUIRE(good[second_file + 156] == '0');
  for (const std::uint8_t flag : {std::uint8_t{'7'}, std::uint8_t{0}, std::uint8_t{'S'}}) {
    INFO("typeflag " << int{flag});
    auto t = good;
    patch_header(t, second_file, 156, flag);
    CHECK(read_error(t) == BundleError::unsafe_path);
  }
  auto t = good;
  patch_header(t, second_file, 264, '1');
  CHECK(read_error(t) == BundleError::malformed_tar);
  t = good;
  patch_header(t, pax[1], 264, '1');  // the pax header's own version
  CHECK(read_error(t) == BundleError::malformed_tar);
}
