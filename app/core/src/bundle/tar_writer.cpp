#include "safehold/core/bundle/tar_writer.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <new>
#include <string>
#include <type_traits>

#include "io_errors.hpp"

static_assert(std::is_same_v<la_ssize_t, long>, "TarWriter::write_callback returns long");

namespace safehold::core::bundle {
namespace {

struct EntryDeleter {
  void operator()(archive_entry* e) const noexcept { archive_entry_free(e); }
};

}  // namespace

TarWriter::TarWriter(base::ByteSink& out, std::int64_t mtime) : out_(out), mtime_(mtime) {
  archive_ = archive_write_new();
  if (archive_ == nullptr) throw std::bad_alloc();
  // Block size 0: no blocking, every write goes straight to the sink and the
  // archive ends right after the end-of-archive marker.
  if (archive_write_set_format_pax_restricted(archive_) != ARCHIVE_OK ||
      archive_write_set_bytes_per_block(archive_, 0) != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block(archive_, 1) != ARCHIVE_OK ||
      archive_write_open2(archive_, this, nullptr, &TarWriter::write_callback, nullptr, nullptr) !=
          ARCHIVE_OK) {
    archive_write_free(archive_);
    throw std::bad_alloc();  // only fails on allocation
  }
}

TarWriter::~TarWriter() {
  // Abandoned without finish(): close so libarchive frees its buffers (after
  // a failure, free() alone leaks them), but let nothing more reach the sink,
  // so the output stays visibly incomplete (no padding, no end marker).
  if (archive_ != nullptr) {
    abandoned_ = true;
    archive_write_close(archive_);
    archive_write_free(archive_);
  }
}

long TarWriter::write_callback(struct archive* a, void* self_ptr, const void* data,
                               std::size_t size) {
  auto* self = static_cast<TarWriter*>(self_ptr);
  if (self->abandoned_) return -1;
  auto r = self->out_.write({static_cast<const std::uint8_t*>(data), size});
  if (!r) {
    self->sink_failed_ = true;
    self->sink_error_ = r.error();
    archive_set_error(a, EIO, "sink failed");
    return -1;
  }
  return static_cast<long>(size);
}

unexpected<BundleFailure> TarWriter::archive_failure() {
  if (sink_failed_) return fail(from_write_error(sink_error_));
  return fail(BundleError::write_failed, "tar");
}

Result<void> TarWriter::begin_entry(std::string_view path, std::uint64_t size) {
  if (in_entry_) return fail(BundleError::write_failed, "tar entry not ended");
  std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
  if (!entry) throw std::bad_alloc();
  const std::string p(path);
  archive_entry_set_pathname(entry.get(), p.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_uid(entry.get(), 0);
  archive_entry_set_gid(entry.get(), 0);
  archive_entry_set_mtime(entry.get(), mtime_, 0);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
  if (archive_write_header(archive_, entry.get()) != ARCHIVE_OK) return archive_failure();
  entry_size_ = size;
  entry_written_ = 0;
  in_entry_ = true;
  return {};
}

Result<void> TarWriter::write(std::span<const std::uint8_t> data) {
  if (!in_entry_ || data.size() > entry_size_ - entry_written_) {
    return fail(BundleError::source_mismatch, "more bytes than declared");
  }
  while (!data.empty()) {
    const la_ssize_t n = archive_write_data(archive_, data.data(), data.size());
    if (n <= 0) return archive_failure();
    entry_written_ += static_cast<std::uint64_t>(n);
    data = data.subspan(static_cast<std::size_t>(n));
  }
  return {};
}

Result<void> TarWriter::end_entry() {
  if (!in_entry_ || entry_written_ != entry_size_) {
    return fail(BundleError::source_mismatch, "fewer bytes than declared");
  }
  in_entry_ = false;
  if (archive_write_finish_entry(archive_) != ARCHIVE_OK) return archive_failure();
  return {};
}

Result<void> TarWriter::finish() {
  if (in_entry_) return fail(BundleError::write_failed, "tar entry not ended");
  const int rc = archive_write_close(archive_);
  archive_write_free(archive_);
  archive_ = nullptr;
  if (rc != ARCHIVE_OK) return archive_failure();
  return {};
}

}  // namespace safehold::core::bundle
