#include "attachment_io.hpp"

#include <vector>

#include "safehold/crypto/sha256.hpp"
#include "safehold/crypto/stream.hpp"
#include "safehold/storage/attachment_file.hpp"

namespace safehold::storage::detail {
namespace {

class FileAttachmentReader final : public AttachmentReader {
 public:
  FileAttachmentReader(base::FileSource file, AttachmentRow row)
      : info_(std::move(row.info)), file_(std::move(file)), stream_(row.key.span(), file_) {}

  const AttachmentInfo& info() const noexcept override { return info_; }

  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    if (failed_) return unexpected(base::IoError::corrupt);
    auto n = stream_.read(out);
    if (!n) return n;
    if (*n == 0) {
      if (!out.empty() && !verified_) {
        const Hash32 got = hash_.finish();
        verified_ = true;
        // The stream authenticated, so a mismatch means the row and the file
        // do not belong together: refuse rather than hand over other content.
        if (count_ != info_.size || !crypto::equal_constant_time(got, info_.sha256)) {
          failed_ = true;
          return unexpected(base::IoError::corrupt);
        }
      }
      return n;
    }
    hash_.update(out.first(*n));
    count_ += *n;
    return n;
  }

 private:
  AttachmentInfo info_;
  base::FileSource file_;            // must precede stream_, which reads from it
  crypto::StreamReader stream_;
  crypto::Sha256 hash_;  // the SHA-NI one: libsodium's portable SHA-256 was half the export's CPU
  std::uint64_t count_ = 0;
  bool verified_ = false;
  bool failed_ = false;
};

}  // namespace

StorageError from_io_error(base::IoError e) {
  switch (e) {
    case base::IoError::disk_full: return make_error(VaultError::disk_full);
    case base::IoError::cancelled: return make_error(VaultError::cancelled);
    case base::IoError::corrupt:
    case base::IoError::truncated: return make_error(VaultError::attachment_corrupt);
    default: return make_error(VaultError::io_failed, base::describe(e));
  }
}

StorageError from_file_error(base::FileError e) {
  switch (e) {
    case base::FileError::disk_full: return make_error(VaultError::disk_full);
    case base::FileError::permission_denied: return make_error(VaultError::permission_denied);
    case base::FileError::not_found: return make_error(VaultError::not_found, "file");
    case base::FileError::exists: return make_error(VaultError::already_exists, "the output file exists");
    default: return make_error(VaultError::io_failed, base::describe(e));
  }
}

expected<void, StorageError> write_attachment_file(const std::filesystem::path& file, AttachmentRow& row,
                                                   base::ByteSource& content, std::uint64_t size_hint,
                                                   const OperationHooks& hooks) {
  auto writer = base::AtomicFileWriter::create(file, 0600);
  if (!writer) return unexpected(from_file_error(writer.error()));
  const auto header = attachment_header();
  if (auto w = writer->write(header); !w) return unexpected(from_io_error(w.error()));
  crypto::StreamWriter sealer(row.key.span(), *writer);
  crypto::Sha256 hash;
  // Plaintext passes through guarded memory, never an ordinary heap buffer.
  crypto::SecretBuffer buf(crypto::kStreamChunkSize);
  std::uint64_t done = 0;
  for (;;) {
    if (hooks.cancel_requested && hooks.cancel_requested()) return unexpected(make_error(VaultError::cancelled));
    auto n = content.read(buf.span());
    if (!n) return unexpected(from_io_error(n.error()));
    if (*n == 0) break;
    const auto chunk = buf.span().first(*n);
    hash.update(chunk);
    if (auto w = sealer.write(chunk); !w) return unexpected(from_io_error(w.error()));
    done += *n;
    if (hooks.progress) hooks.progress(done, size_hint);
  }
  if (auto f = sealer.finish(); !f) return unexpected(from_io_error(f.error()));
  if (hooks.cancel_requested && hooks.cancel_requested()) return unexpected(make_error(VaultError::cancelled));
  if (auto c = writer->commit(); !c) return unexpected(from_file_error(c.error()));
  row.info.size = done;
  row.info.sha256 = hash.finish();
  return {};
}

expected<std::unique_ptr<AttachmentReader>, StorageError> open_attachment_file(const std::filesystem::path& path,
                                                                               AttachmentRow row) {
  auto file = base::FileSource::open(path);
  if (!file) {
    return unexpected(file.error() == base::FileError::not_found
                          ? make_error(VaultError::attachment_corrupt, "file missing for attachment " + row.info.id)
                          : from_file_error(file.error()));
  }
  std::array<std::uint8_t, kAttachmentHeaderSize> header{};
  auto n = file->read_full(header);
  if (!n) return unexpected(from_io_error(n.error()));
  if (auto h = parse_attachment_header(std::span(header).first(*n)); !h) {
    return unexpected(make_error(VaultError::attachment_corrupt, describe(h.error())));
  }
  return std::unique_ptr<AttachmentReader>(new FileAttachmentReader(std::move(*file), std::move(row)));
}

}  // namespace safehold::storage::detail
