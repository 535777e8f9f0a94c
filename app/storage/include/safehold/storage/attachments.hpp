#pragma once
// Attachments: the content of evidence items (photos, scans, audio, multi-GB
// video) stored as encrypted files under attachments/, each under its own
// random key kept in the database (docs/storage.md "Attachments").
//
// Import streams in constant memory: SHA-256 and encryption in 64 KiB chunks,
// file made durable first, key row committed after; a crash leaves at most an
// orphan file that the next unlock removes. Deleting removes the key row
// first (crypto-shredding), then the file.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "safehold/base/byte_io.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/audit.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

struct AttachmentInfo {
  std::string id;
  std::string evidence_id;
  std::string case_id;
  std::uint64_t size = 0;  // plaintext bytes
  Hash32 sha256{};         // of the plaintext, computed on arrival
  std::string created_at;
};

// Progress and cancellation for long operations. Both optional; called from
// the thread doing the work, about every 64 KiB.
struct OperationHooks {
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;  // total 0 = unknown
  std::function<bool()> cancel_requested;
};

// Plaintext of one attachment, decrypted and authenticated chunk by chunk.
// Reaching the end also checks the SHA-256 recorded at import: a mismatch,
// like any damaged chunk, fails the read with base::IoError::corrupt, so a
// consumer that reads to the end has verified the whole content.
class AttachmentReader : public base::ByteSource {
 public:
  ~AttachmentReader() override = default;
  virtual const AttachmentInfo& info() const noexcept = 0;
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class AttachmentStore {
 public:
  explicit AttachmentStore(detail::VaultState* state) noexcept : s_(state) {}

  // Stores `content` as the content of evidence item `evidence_id` (one
  // attachment per evidence item: attachment_exists otherwise), and writes
  // size and sha256 into the evidence record's fields when the model has
  // them. `size_hint` feeds progress only. Errors: not_found, not_allowed
  // (not an evidence item), attachment_exists, cancelled, disk_full, io_failed.
  [[nodiscard]] expected<AttachmentInfo, StorageError> import(std::string_view evidence_id,
                                                              base::ByteSource& content,
                                                              std::uint64_t size_hint = 0,
                                                              const OperationHooks& hooks = {});
  [[nodiscard]] expected<AttachmentInfo, StorageError> import_file(std::string_view evidence_id,
                                                                   const std::filesystem::path& file,
                                                                   const OperationHooks& hooks = {});

  [[nodiscard]] expected<AttachmentInfo, StorageError> info(std::string_view attachment_id);
  [[nodiscard]] expected<std::optional<AttachmentInfo>, StorageError> for_evidence(
      std::string_view evidence_id);

  // Opens the content for reading (audited as attachment_read).
  [[nodiscard]] expected<std::unique_ptr<AttachmentReader>, StorageError> get(
      std::string_view attachment_id);
  // Writes a plaintext copy to `destination` through a temporary file that is
  // renamed only after the whole content verified (audited as
  // attachment_exported). The copy is outside the vault's protection: only on
  // the user's explicit request. An existing file at `destination` is
  // refused (already_exists), even one created while the copy was written,
  // unless `publish` is Publish::replace (the CLI's --force).
  [[nodiscard]] expected<void, StorageError> export_plaintext(std::string_view attachment_id,
                                                              const std::filesystem::path& destination,
                                                              const OperationHooks& hooks = {},
                                                              base::Publish publish = base::Publish::no_replace);
  // Crypto-shreds: the key row goes in a transaction, then the file.
  [[nodiscard]] expected<void, StorageError> remove(std::string_view attachment_id);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
