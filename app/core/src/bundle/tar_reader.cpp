#include "safehold/core/bundle/tar_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <new>
#include <type_traits>

#include "io_errors.hpp"
#include "safehold/core/bundle/limits.hpp"

static_assert(std::is_same_v<la_ssize_t, long>, "TarReader::read_callback returns long");

namespace safehold::core::bundle {
namespace {

constexpr std::size_t kBufferSize = 64 * 1024;
constexpr std::uint64_t kEndMarkerSize = 1024;

}  // namespace

TarReader::TarReader(io::ByteSource& in) : in_(in), buffer_(kBufferSize) {
  archive_ = archive_read_new();
  if (archive_ == nullptr) throw std::bad_alloc();
  // Only the tar format, no decompression filters, no concatenated archives.
  if (archive_read_support_format_tar(archive_) != ARCHIVE_OK) {
    archive_read_free(archive_);
    throw std::bad_alloc();
  }
}

TarReader::~TarReader() {
  if (archive_ != nullptr) archive_read_free(archive_);
}

long TarReader::read_callback(struct archive*, void* self, const void** buffer) {
  return static_cast<TarReader*>(self)->fill(buffer);
}

long TarReader::fill(const void** buffer) {
  auto n = in_.read(buffer_);
  if (!n) {
    source_error_ = n.error();
    archive_set_error(archive_, EIO, "source failed");
    return -1;
  }
  const std::span<const std::uint8_t> chunk(buffer_.data(), *n);
  scan(chunk);
  *buffer = buffer_.data();
  return static_cast<long>(*n);
}

void TarReader::scan(std::span<const std::uint8_t> chunk) noexcept {
  for (std::size_t i = chunk.size(); i-- > 0;) {
    if (chunk[i] != 0) {
      nonzero_end_ = consumed_ + i + 1;
      break;
    }
  }
  consumed_ += chunk.size();
}

unexpected<BundleFailure> TarReader::failure(BundleError fallback, std::string detail) {
  if (source_error_) return fail(from_read_error(*source_error_));
  return fail(fallback, std::move(detail));
}

Result<std::optional<TarEntry>> TarReader::next() {
  if (at_end_) return std::optional<TarEntry>{};
  if (!opened_) {
    // Opening reads the first block to recognise the format.
    opened_ = true;
    if (archive_read_open(archive_, this, nullptr, &TarReader::read_callback, nullptr) !=
        ARCHIVE_OK) {
      return failure(BundleError::malformed_tar, "entry 1");
    }
  }
  archive_entry* e = nullptr;
  const int rc = archive_read_next_header(archive_, &e);
  if (rc == ARCHIVE_EOF) {
    if (auto r = finish_at_end_marker(); !r) return unexpected(r.error());
    at_end_ = true;
    return std::optional<TarEntry>{};
  }
  const std::string where = "entry " + std::to_string(entries_ + 1);
  if (rc != ARCHIVE_OK) return failure(BundleError::malformed_tar, where);
  ++entries_;
  const int format = archive_format(archive_);
  if (format != ARCHIVE_FORMAT_TAR_USTAR && format != ARCHIVE_FORMAT_TAR_PAX_INTERCHANGE) {
    return fail(BundleError::malformed_tar, where + ": not ustar/pax");
  }
  if (archive_entry_hardlink(e) != nullptr || archive_entry_filetype(e) != AE_IFREG) {
    return fail(BundleError::unsafe_path, where + ": not a regular file");
  }
  if (archive_entry_sparse_count(e) > 0)
    return fail(BundleError::malformed_tar, where + ": sparse");
  const char* path = archive_entry_pathname(e);
  if (path == nullptr) return fail(BundleError::unsafe_path, where);
  if (!archive_entry_size_is_set(e) || archive_entry_size(e) < 0) {
    return fail(BundleError::malformed_tar, where + ": size");
  }
  entry_offset_ = 0;
  return std::optional<TarEntry>{
      TarEntry{entries_, path, static_cast<std::uint64_t>(archive_entry_size(e))}};
}

Result<std::span<const std::uint8_t>> TarReader::read() {
  const void* block = nullptr;
  std::size_t size = 0;
  la_int64_t offset = 0;
  const int rc = archive_read_data_block(archive_, &block, &size, &offset);
  if (rc == ARCHIVE_EOF) return std::span<const std::uint8_t>{};
  if (rc != ARCHIVE_OK) return failure(BundleError::malformed_tar, "entry data");
  // No holes: every block starts where the previous one ended.
  if (offset < 0 || static_cast<std::uint64_t>(offset) != entry_offset_) {
    return fail(BundleError::malformed_tar, "entry data offset");
  }
  entry_offset_ += size;
  return std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(block), size);
}

Result<void> TarReader::finish_at_end_marker() {
  // libarchive stops at the first zero block; from there to the end of the
  // source there must be the two-block marker and nothing but zeros.
  const la_int64_t marker = archive_read_header_position(archive_);
  if (marker < 0) return fail(BundleError::malformed_tar, "end marker");
  const auto marker_at = static_cast<std::uint64_t>(marker);
  for (;;) {
    if (consumed_ - marker_at > kMaxTarTail)
      return fail(BundleError::malformed_tar, "trailing data");
    auto n = in_.read(buffer_);
    if (!n) return fail(from_read_error(n.error()));
    if (*n == 0) break;
    scan({buffer_.data(), *n});
  }
  if (consumed_ < marker_at + kEndMarkerSize) return fail(BundleError::malformed_tar, "end marker");
  if (nonzero_end_ > marker_at) return fail(BundleError::malformed_tar, "trailing data");
  return {};
}

}  // namespace safehold::core::bundle
