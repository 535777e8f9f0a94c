#include "attachment_rows.hpp"

#include <algorithm>

#include "audit_log.hpp"

namespace safehold::storage::detail {
namespace {

constexpr const char* kSelect =
    "SELECT id, evidence_id, case_id, size, sha256, created_at, file_name, file_key FROM attachments ";

expected<std::optional<AttachmentRow>, StorageError> query_one(VaultState& s, const std::string& where,
                                                               std::string_view arg) {
  auto st = s.db.prepare(kSelect + where);
  if (!st) return unexpected(st.error());
  st->bind(1, arg);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<AttachmentRow>();
  AttachmentRow r;
  r.info.id = st->text(0);
  r.info.evidence_id = st->text(1);
  r.info.case_id = st->text(2);
  r.info.size = static_cast<std::uint64_t>(st->integer(3));
  const auto hash = st->blob_view(4);
  const auto key = st->blob_view(7);
  if (hash.size() != 32 || key.size() != 32) {
    return unexpected(make_error(VaultError::database_corrupt, "attachment " + r.info.id));
  }
  std::copy(hash.begin(), hash.end(), r.info.sha256.begin());
  r.info.created_at = st->text(5);
  r.file_name = st->text(6);
  r.key = crypto::SecretBuffer::copy_of(key);
  return std::optional<AttachmentRow>(std::move(r));
}

}  // namespace

expected<std::optional<AttachmentRow>, StorageError> find_attachment(VaultState& s, std::string_view id) {
  return query_one(s, "WHERE id = ?1", id);
}

expected<std::optional<AttachmentRow>, StorageError> find_attachment_of(VaultState& s, std::string_view evidence_id) {
  return query_one(s, "WHERE evidence_id = ?1", evidence_id);
}

expected<void, StorageError> insert_attachment(VaultState& s, const AttachmentRow& r) {
  auto st = s.db.prepare(
      "INSERT INTO attachments (id, evidence_id, case_id, file_name, file_key, size, sha256, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!st) return unexpected(st.error());
  st->bind(1, r.info.id).bind(2, r.info.evidence_id).bind(3, r.info.case_id).bind(4, r.file_name);
  st->bind_blob(5, r.key.span()).bind(6, static_cast<std::int64_t>(r.info.size)).bind_blob(7, r.info.sha256);
  st->bind(8, r.info.created_at);
  return st->run();
}

expected<void, StorageError> shred_attachment(VaultState& s, const AttachmentRow& r) {
  auto st = s.db.prepare("DELETE FROM attachments WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, r.info.id);
  if (auto x = st->run(); !x) return x;
  AuditEvent ev{AuditAction::attachment_deleted, "attachment", r.info.id, r.info.case_id, "", r.info.evidence_id,
                r.info.sha256};
  if (auto e = append_audit(s, ev); !e) return unexpected(e.error());
  // Only after the row is gone for good may the file go (a rollback keeps both).
  s.remove_on_commit.push_back(s.attachments_dir() / r.file_name);
  return {};
}

expected<void, StorageError> shred_attachment_of(VaultState& s, std::string_view evidence_id) {
  auto row = find_attachment_of(s, evidence_id);
  if (!row) return unexpected(row.error());
  if (!*row) return {};
  return shred_attachment(s, **row);
}

}  // namespace safehold::storage::detail
