// Fuzzes the backup parsers (schema/backup-v1.md). The first byte picks the
// target: the header parser (whatever parses must carry a key file that
// parses and round-trips, and must re-serialize to the same bytes when MACed
// with the same key), or the archive reader over plaintext frames (the
// STREAM below it is fuzzed by fuzz_stream_reader), including the manifest.
// Never crashes, never reads past an entry, never accepts a second order.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "safehold/storage/backup_format.hpp"

using namespace safehold;
namespace bf = storage::backup_format;

namespace {

void fuzz_header(std::span<const std::uint8_t> in) {
  auto h = bf::parse_header(in);
  if (!h) return;
  if (in.size() < bf::kHeaderSize) std::abort();
  const auto kf = storage::serialize_key_file(h->key_file);
  if (std::memcmp(kf.data(), h->key_file_bytes.data(), kf.size()) != 0) std::abort();
  // A header can only be forged with the header key: a fixed key must not
  // reproduce a MAC the input made up (a match here would mean the MAC does
  // not cover the header).
  const auto key = crypto::SecretBuffer::copy_of(std::string_view("fuzz-header-key-32-bytes-long!!!"));
  const auto again = bf::serialize_header(h->key_file_bytes, h->body_salt, h->body_size, key);
  if (std::memcmp(again.data(), in.data(), bf::kMacCoveredSize) != 0) std::abort();
  (void)bf::header_mac_ok(*h, key);
}

void fuzz_archive(std::span<const std::uint8_t> in) {
  base::SpanSource src(in);
  bf::ArchiveReader archive(src);
  std::vector<std::uint8_t> buf(4099);
  bool saw_manifest = false;
  for (int entries = 0; entries < 10000; ++entries) {
    auto e = archive.next();
    if (!e) return;
    if (saw_manifest) std::abort();  // nothing may follow the manifest
    std::uint64_t got = 0;
    std::vector<std::uint8_t> data;
    for (;;) {
      auto n = archive.read(buf);
      if (!n) return;
      if (*n == 0) break;
      got += *n;
      if (e->kind == bf::EntryKind::manifest) data.insert(data.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
    }
    if (got != e->size) std::abort();
    if (e->kind == bf::EntryKind::manifest) {
      saw_manifest = true;
      auto m = bf::parse_manifest(data);
      // One encoding only: whatever parses serializes back to the same bytes.
      if (m && std::memcmp(bf::serialize_manifest(*m).data(), data.data(), data.size()) != 0) std::abort();
      break;
    }
  }
  if (archive.finish() && !saw_manifest) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> in(data + 1, size - 1);
  if (data[0] & 1) {
    fuzz_header(in);
  } else {
    fuzz_archive(in);
  }
  return 0;
}
