#include "safehold/core/bundle/tar_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <new>
#include <type_traits>

#include "io_errors.hpp"
#include "safehold/core/bundle/limits.hpp"

static_assert(std::is_same_v<la_ssize_t, long>, "TarReader::read_callback returns long");

namespace safehold::core::bundle {
namespace {

constexpr std::size_t kBufferSize = 64 * 1024;
constexpr std::uint64_t kEndMarkerSize = 1024;
constexpr std::uint64_t kBlock = 512;
// The raw headers of an entry are checked from a copy of the most recent
// bytes: libarchive reads at most one source chunk past the headers, and a
// pax extended header larger than kMaxPaxData is refused (v1 needs at most a
// `path` and a `size` record), so the headers always fit in this window.
constexpr std::uint64_t kMaxPaxData = 16 * 1024;
constexpr std::size_t kWindowSize = 4 * kBufferSize;

// Octal number field of a ustar header (NUL- or space-terminated); nullopt
// for anything else (base-256 sizes are not needed for a pax header's data).
std::optional<std::uint64_t> octal_field(std::span<const std::uint8_t> f) {
  std::uint64_t v = 0;
  std::size_t i = 0;
  for (; i < f.size() && f[i] >= '0' && f[i] <= '7'; ++i) {
    if (v > (std::uint64_t{1} << 60)) return std::nullopt;
    v = v * 8 + (f[i] - '0');
  }
  if (i == 0) return std::nullopt;
  for (; i < f.size(); ++i) {
    if (f[i] != 0 && f[i] != ' ') return std::nullopt;
  }
  return v;
}

}  // namespace

TarReader::TarReader(base::ByteSource& in)
    : in_(in), buffer_(kBufferSize), window_(kWindowSize) {
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
  // Only the last kWindowSize bytes can matter; copy them into the ring.
  const std::size_t skip = chunk.size() > kWindowSize ? chunk.size() - kWindowSize : 0;
  for (std::size_t i = skip; i < chunk.size();) {
    const auto at = static_cast<std::size_t>((consumed_ + i) % kWindowSize);
    const std::size_t n = std::min(chunk.size() - i, kWindowSize - at);
    std::copy_n(chunk.begin() + static_cast<std::ptrdiff_t>(i), n,
                window_.begin() + static_cast<std::ptrdiff_t>(at));
    i += n;
  }
  consumed_ += chunk.size();
}

std::optional<std::array<std::uint8_t, 512>> TarReader::raw_block(std::uint64_t at) const {
  if (at + kBlock > consumed_ || consumed_ - at > kWindowSize) return std::nullopt;
  std::array<std::uint8_t, 512> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = window_[static_cast<std::size_t>((at + i) % kWindowSize)];
  }
  return out;
}

// libarchive reads a typeflag it does not know, `7` (contiguous), NUL (old
// regular file) and others as regular files, and ignores the ustar version;
// section 3.1 allows only typeflag `0`, optionally after one pax `x` header,
// and version `00`. So the raw header blocks of each entry are checked here.
Result<void> TarReader::check_raw_headers(std::uint64_t at, const std::string& where) const {
  auto block = raw_block(at);
  if (!block) return fail(BundleError::malformed_tar, where + ": header out of reach");
  const auto is_ustar_00 = [](const std::array<std::uint8_t, 512>& b) {
    static constexpr std::uint8_t magic[8] = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
    return std::equal(std::begin(magic), std::end(magic), b.begin() + 257);
  };
  if (!is_ustar_00(*block)) return fail(BundleError::malformed_tar, where + ": not ustar 00");
  if ((*block)[156] == 'x') {
    const auto size = octal_field(std::span(*block).subspan(124, 12));
    if (!size || *size > kMaxPaxData) return fail(BundleError::malformed_tar, where + ": pax");
    at += kBlock + (*size + kBlock - 1) / kBlock * kBlock;
    block = raw_block(at);
    if (!block) return fail(BundleError::malformed_tar, where + ": header out of reach");
    if (!is_ustar_00(*block)) return fail(BundleError::malformed_tar, where + ": not ustar 00");
  }
  if ((*block)[156] != '0') return fail(BundleError::unsafe_path, where + ": not a regular file");
  return {};
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
  const la_int64_t header_at = archive_read_header_position(archive_);
  if (header_at < 0) return fail(BundleError::malformed_tar, where);
  if (auto r = check_raw_headers(static_cast<std::uint64_t>(header_at), where); !r) {
    return unexpected(r.error());
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
