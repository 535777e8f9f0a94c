#pragma once
// Internal: streaming an attachment into its encrypted file, and back out.
#include <filesystem>
#include <memory>

#include "attachment_rows.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/storage/attachments.hpp"

namespace safehold::storage::detail {

StorageError from_io_error(base::IoError e);
StorageError from_file_error(base::FileError e);

// Encrypts everything `content` yields into a new file `file` (header, then
// STREAM under `key`) through an AtomicFileWriter, hashing the plaintext on
// the way; the file is durable (fsynced, renamed, folder fsynced) when this
// returns. Constant memory. Fills row.info.size and row.info.sha256.
[[nodiscard]] expected<void, StorageError> write_attachment_file(const std::filesystem::path& file,
                                                                 AttachmentRow& row, base::ByteSource& content,
                                                                 std::uint64_t size_hint,
                                                                 const OperationHooks& hooks);

// Opens an attachment file for reading. attachment_corrupt if the file is
// missing or its header is not ours.
[[nodiscard]] expected<std::unique_ptr<AttachmentReader>, StorageError> open_attachment_file(
    const std::filesystem::path& file, AttachmentRow row);

}  // namespace safehold::storage::detail
