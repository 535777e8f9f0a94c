// BundleLedger::receive_attachment: evidence content arriving in a bundle,
// re-encrypted under a fresh file key as it streams (constant memory). The
// file is durable before its key row exists; the row joins the open Batch,
// which removes the file again if it rolls back. A crash before the commit
// leaves an orphan file that the next unlock removes.
#include <unistd.h>

#include <optional>

#include "attachment_io.hpp"
#include "audit_log.hpp"
#include "bundle_ledger_rows.hpp"
#include "record_rows.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/crypto/stream.hpp"
#include "safehold/storage/attachment_file.hpp"
#include "safehold/storage/bundle_ledger.hpp"
#include "util.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
using detail::AttachmentRow;
using detail::VaultAccess;

namespace {

class VaultIncomingAttachment final : public IncomingAttachment {
 public:
  VaultIncomingAttachment(detail::VaultState* s, AttachmentRow row, fs::path file, base::AtomicFileWriter writer)
      : s_(s), row_(std::move(row)), file_(std::move(file)), writer_(std::move(writer)),
        sealer_(row_.key.span(), *writer_) {}

  expected<void, base::IoError> write(std::span<const std::uint8_t> data) override {
    if (done_) return unexpected(base::IoError::write_failed);
    hash_.update(data);
    size_ += data.size();
    return sealer_.write(data);
  }

  expected<AttachmentInfo, StorageError> finish() override {
    if (done_) return unexpected(make_error(VaultError::internal, "attachment already finished"));
    done_ = true;
    if (auto f = sealer_.finish(); !f) return unexpected(detail::from_io_error(f.error()));
    if (auto c = writer_->commit(); !c) return unexpected(detail::from_file_error(c.error()));
    row_.info.size = size_;
    row_.info.sha256 = hash_.finish();
    row_.info.created_at = detail::utc_now();
    VaultAccess a(s_);
    if (!a.ok()) {
      ::unlink(file_.c_str());
      return unexpected(a.error());
    }
    auto& s = a.state();
    auto tx = detail::WriteTransaction::begin(s);
    if (!tx) {
      ::unlink(file_.c_str());
      return unexpected(tx.error());
    }
    tx->on_rollback_remove(file_);
    if (auto i = detail::insert_attachment(s, row_); !i) return unexpected(i.error());
    detail::AuditEvent ev{AuditAction::attachment_imported, "attachment", row_.info.id, row_.info.case_id, "",
                          row_.info.evidence_id, row_.info.sha256};
    if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
    if (auto c = tx->commit(); !c) return unexpected(c.error());
    return row_.info;
  }

 private:
  detail::VaultState* s_;
  AttachmentRow row_;
  fs::path file_;
  std::optional<base::AtomicFileWriter> writer_;  // must precede sealer_, which writes to it
  crypto::StreamWriter sealer_;
  crypto::Sha256 hash_;
  std::uint64_t size_ = 0;
  bool done_ = false;
};

}  // namespace

expected<std::unique_ptr<IncomingAttachment>, StorageError> BundleLedger::receive_attachment(
    std::string_view evidence_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return unexpected(r.error());
  auto evidence = detail::load_record(s, evidence_id);
  if (!evidence) return unexpected(evidence.error());
  if (evidence->entity != "evidence_item") {
    return unexpected(make_error(VaultError::not_allowed, "record " + evidence->id + " is not an evidence item"));
  }
  auto existing = detail::find_attachment_of(s, evidence_id);
  if (!existing) return unexpected(existing.error());
  if (*existing) return unexpected(make_error(VaultError::attachment_exists, "evidence " + evidence->id));
  AttachmentRow row;
  row.info.id = detail::new_uuid_v4();
  row.info.evidence_id = evidence->id;
  row.info.case_id = evidence->case_id;
  row.file_name = detail::random_hex(16);
  row.key = crypto::SecretBuffer::random(crypto::kStreamKeySize);
  const fs::path file = s.attachments_dir() / row.file_name;
  auto writer = base::AtomicFileWriter::create(file, 0600);
  if (!writer) return unexpected(detail::from_file_error(writer.error()));
  if (auto w = writer->write(attachment_header()); !w) return unexpected(detail::from_io_error(w.error()));
  return std::unique_ptr<IncomingAttachment>(
      new VaultIncomingAttachment(&s, std::move(row), file, std::move(*writer)));
}

}  // namespace safehold::storage
