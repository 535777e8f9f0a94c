#pragma once
// Reads the bundle's tar (schema/bundle-v1.md section 3) on libarchive, from a
// byte source, in constant memory. It refuses what the spec forbids at the tar
// level: dialects other than ustar/pax and ustar versions other than `00`
// (malformed_tar), any typeflag but `0` (after an optional pax `x` header:
// unsafe_path), sparse entries (malformed_tar), a missing
// end-of-archive marker or non-zero bytes after it (malformed_tar). Path
// grammar, order and sizes are the bundle reader's business.
//
// Errors of the source (the age layer: tampered, truncated) take precedence
// over whatever libarchive makes of the damaged stream.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "safehold/core/bundle/error.hpp"
#include "safehold/base/byte_io.hpp"

struct archive;

namespace safehold::core::bundle {

struct TarEntry {
  std::size_t number = 0;  // 1-based position in the archive (for messages)
  std::string path;        // as stored; not yet checked against the grammar
  std::uint64_t size = 0;
};

class TarReader {
 public:
  explicit TarReader(base::ByteSource& in);
  TarReader(const TarReader&) = delete;  // libarchive holds a pointer to this
  TarReader& operator=(const TarReader&) = delete;
  ~TarReader();

  // The next entry, or nullopt once the end-of-archive marker and the zero
  // bytes after it have been read and the source is exhausted (so a decrypting
  // source has checked its final chunk too). Skips unread data of the
  // previous entry.
  [[nodiscard]] Result<std::optional<TarEntry>> next();

  // The next piece of the current entry's data; empty at the entry's end. The
  // span stays valid until the next call.
  [[nodiscard]] Result<std::span<const std::uint8_t>> read();

  // Bytes taken from the source so far.
  std::uint64_t consumed() const noexcept { return consumed_; }

 private:
  static long read_callback(struct archive*, void* self, const void** buffer);
  [[nodiscard]] long fill(const void** buffer);
  [[nodiscard]] unexpected<BundleFailure> failure(BundleError fallback, std::string detail = {});
  [[nodiscard]] Result<void> finish_at_end_marker();
  void scan(std::span<const std::uint8_t> chunk) noexcept;
  [[nodiscard]] std::optional<std::array<std::uint8_t, 512>> raw_block(std::uint64_t at) const;
  [[nodiscard]] Result<void> check_raw_headers(std::uint64_t at, const std::string& where) const;

  base::ByteSource& in_;
  struct archive* archive_ = nullptr;
  std::vector<std::uint8_t> buffer_;
  std::vector<std::uint8_t> window_;  // ring of the last bytes read, for check_raw_headers
  std::uint64_t consumed_ = 0;
  std::uint64_t nonzero_end_ = 0;  // offset just past the last non-zero byte seen
  std::optional<base::IoError> source_error_;
  std::size_t entries_ = 0;
  std::uint64_t entry_offset_ = 0;  // data bytes of the current entry delivered
  bool opened_ = false;
  bool at_end_ = false;
};

}  // namespace safehold::core::bundle
