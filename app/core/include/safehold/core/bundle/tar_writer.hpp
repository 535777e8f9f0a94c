#pragma once
// Writes the bundle's tar (schema/bundle-v1.md section 3) on libarchive:
// pax restricted (plain ustar headers unless a size needs a pax record),
// regular files only, normalised headers (mode 0644, uid/gid 0, no names,
// one fixed mtime), no block padding after the end-of-archive marker. The
// output is a pure function of the entries.
#include <cstdint>
#include <span>
#include <string_view>

#include "safehold/core/bundle/error.hpp"
#include "safehold/base/byte_io.hpp"

struct archive;

namespace safehold::core::bundle {

class TarWriter {
 public:
  TarWriter(base::ByteSink& out, std::int64_t mtime);
  TarWriter(const TarWriter&) = delete;  // libarchive holds a pointer to this
  TarWriter& operator=(const TarWriter&) = delete;
  ~TarWriter();

  // Starts a regular-file entry of exactly `size` bytes.
  [[nodiscard]] Result<void> begin_entry(std::string_view path, std::uint64_t size);
  // Appends bytes to the current entry; never more than its size in total.
  [[nodiscard]] Result<void> write(std::span<const std::uint8_t> data);
  // Ends the entry; fails (source_mismatch) unless exactly `size` bytes came.
  [[nodiscard]] Result<void> end_entry();
  // Writes the end-of-archive marker. No entry may follow.
  [[nodiscard]] Result<void> finish();

 private:
  [[nodiscard]] unexpected<BundleFailure> archive_failure();
  static long write_callback(struct archive*, void* self, const void* data, std::size_t size);

  base::ByteSink& out_;
  std::int64_t mtime_;
  struct archive* archive_ = nullptr;
  std::uint64_t entry_size_ = 0;
  std::uint64_t entry_written_ = 0;
  bool in_entry_ = false;
  bool sink_failed_ = false;
  bool abandoned_ = false;
  base::IoError sink_error_ = base::IoError::write_failed;
};

}  // namespace safehold::core::bundle
