// AttachmentStore: import, read, plaintext export and deletion of evidence
// content (docs/storage.md "Attachments").
#include "safehold/storage/attachments.hpp"

#include <unistd.h>

#include "attachment_io.hpp"
#include "safehold/crypto/stream.hpp"
#include "audit_log.hpp"
#include "record_owner.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "util.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
using detail::AttachmentRow;
using detail::VaultAccess;

namespace {

// The evidence record, checked to be one and to have no content yet.
expected<Record, StorageError> evidence_without_content(detail::VaultState& s, std::string_view evidence_id) {
  auto r = detail::load_record(s, evidence_id);
  if (!r) return unexpected(r.error());
  if (r->entity != "evidence_item") {
    return unexpected(make_error(VaultError::not_allowed, "record " + r->id + " is not an evidence item"));
  }
  auto existing = detail::find_attachment_of(s, evidence_id);
  if (!existing) return unexpected(existing.error());
  if (*existing) return unexpected(make_error(VaultError::attachment_exists, "evidence " + r->id));
  return r;
}

// A custody event written by the vault itself (chain of custody of the content).
expected<void, StorageError> add_custody_event(detail::VaultState& s, const Record& evidence, const char* action,
                                               bool hash_verified) {
  Record ev;
  ev.id = detail::new_uuid_v4();
  ev.entity = "custody_event";
  ev.case_id = evidence.case_id;
  ev.created_at = ev.updated_at = detail::utc_now();
  ev.fields = {{"evidence", evidence.id}, {"at", ev.created_at}, {"action", action}};
  if (!s.owner_name.empty()) ev.fields["actor"] = s.owner_name;
  if (hash_verified) ev.fields["hash_verified"] = true;
  return detail::store_record(s, ev, {});
}

expected<void, StorageError> commit_import(detail::VaultState& s, const AttachmentRow& row, const fs::path& file) {
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  tx->on_rollback_remove(file);
  auto evidence = evidence_without_content(s, row.info.evidence_id);  // again: things may have changed meanwhile
  if (!evidence) return unexpected(evidence.error());
  // Adding content rewrites the evidence record: its owner's to do.
  if (auto o = detail::require_own_record(s, *evidence, "changed"); !o) return o;
  if (auto i = detail::insert_attachment(s, row); !i) return i;
  detail::AuditEvent ev{AuditAction::attachment_imported, "attachment", row.info.id, row.info.case_id, "",
                        row.info.evidence_id, row.info.sha256};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  // The evidence record carries size and hash "computed on arrival".
  Record updated = *evidence;
  updated.fields["size"] = row.info.size;
  updated.fields["sha256"] = detail::to_hex(row.info.sha256);
  updated.updated_at = detail::utc_now();
  if (auto u = detail::store_record(s, updated, {detail::WriteKind::update, true, {}}); !u) return u;
  if (auto c = add_custody_event(s, *evidence, "hashed", false); !c) return c;
  return tx->commit();
}

}  // namespace

expected<AttachmentInfo, StorageError> AttachmentStore::import(std::string_view evidence_id, base::ByteSource& content,
                                                               std::uint64_t size_hint, const OperationHooks& hooks) {
  AttachmentRow row;
  fs::path file;
  {
    VaultAccess a(s_);
    if (!a.ok()) return unexpected(a.error());
    auto evidence = evidence_without_content(a.state(), evidence_id);
    if (!evidence) return unexpected(evidence.error());
    row.info.id = detail::new_uuid_v4();
    row.info.evidence_id = evidence->id;
    row.info.case_id = evidence->case_id;
    row.file_name = detail::random_hex(16);
    row.key = crypto::SecretBuffer::random(32);
    file = a.state().attachments_dir() / row.file_name;
  }
  // The long part runs without holding the vault, so other threads (the GUI)
  // keep working; the file is durable before its key row is committed.
  if (auto w = detail::write_attachment_file(file, row, content, size_hint, hooks); !w) return unexpected(w.error());
  VaultAccess a(s_);
  if (!a.ok()) {
    ::unlink(file.c_str());
    return unexpected(a.error());
  }
  row.info.created_at = detail::utc_now();
  if (auto c = commit_import(a.state(), row, file); !c) return unexpected(c.error());
  return row.info;
}

expected<AttachmentInfo, StorageError> AttachmentStore::import_file(std::string_view evidence_id, const fs::path& path,
                                                                    const OperationHooks& hooks) {
  auto src = base::FileSource::open(path);
  if (!src) return unexpected(detail::from_file_error(src.error()));
  return import(evidence_id, *src, src->size(), hooks);
}

expected<AttachmentInfo, StorageError> AttachmentStore::info(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto row = detail::find_attachment(a.state(), id);
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "attachment " + std::string(id)));
  return (*row)->info;
}

expected<std::optional<AttachmentInfo>, StorageError> AttachmentStore::for_evidence(std::string_view evidence_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto row = detail::find_attachment_of(a.state(), evidence_id);
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<AttachmentInfo>();
  return std::optional<AttachmentInfo>((*row)->info);
}

expected<std::unique_ptr<AttachmentReader>, StorageError> AttachmentStore::get(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto row = detail::find_attachment(s, id);
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "attachment " + std::string(id)));
  const AttachmentInfo info = (*row)->info;
  const fs::path file = s.attachments_dir() / (*row)->file_name;  // before the row is moved from
  auto reader = detail::open_attachment_file(file, std::move(**row));
  if (!reader) return unexpected(reader.error());
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  detail::AuditEvent ev{AuditAction::attachment_read, "attachment", info.id, info.case_id, "", info.evidence_id,
                        info.sha256};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return reader;
}

expected<void, StorageError> AttachmentStore::export_plaintext(std::string_view id, const fs::path& destination,
                                                               const OperationHooks& hooks,
                                                               base::Publish publish) {
  std::unique_ptr<AttachmentReader> reader;
  {
    VaultAccess a(s_);
    if (!a.ok()) return unexpected(a.error());
    auto row = detail::find_attachment(a.state(), id);
    if (!row) return unexpected(row.error());
    if (!*row) return unexpected(make_error(VaultError::not_found, "attachment " + std::string(id)));
    const fs::path file = a.state().attachments_dir() / (*row)->file_name;  // before the row is moved from
    auto r = detail::open_attachment_file(file, std::move(**row));
    if (!r) return unexpected(r.error());
    reader = std::move(*r);
  }
  auto writer = base::AtomicFileWriter::create(destination, 0600, publish);
  if (!writer) return unexpected(detail::from_file_error(writer.error()));
  crypto::SecretBuffer buf(crypto::kStreamChunkSize);
  std::uint64_t done = 0;
  for (;;) {
    if (hooks.cancel_requested && hooks.cancel_requested()) return unexpected(make_error(VaultError::cancelled));
    auto n = reader->read(buf.span());  // the end also checks the recorded SHA-256
    if (!n) return unexpected(detail::from_io_error(n.error()));
    if (*n == 0) break;
    if (auto w = writer->write(buf.span().first(*n)); !w) return unexpected(detail::from_io_error(w.error()));
    done += *n;
    if (hooks.progress) hooks.progress(done, reader->info().size);
  }
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  const AttachmentInfo& info = reader->info();
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto evidence = detail::load_record(s, info.evidence_id);
  if (!evidence) return unexpected(evidence.error());
  detail::AuditEvent ev{AuditAction::attachment_exported, "attachment", info.id, info.case_id, "", info.evidence_id,
                        info.sha256};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  if (auto c = add_custody_event(s, *evidence, "copied", true); !c) return c;
  // Published only together with its audit entry.
  if (auto c = writer->commit(); !c) return unexpected(detail::from_file_error(c.error()));
  if (auto c = tx->commit(); !c) {
    ::unlink(destination.c_str());
    return c;
  }
  return {};
}

expected<void, StorageError> AttachmentStore::remove(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto row = detail::find_attachment(s, id);
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "attachment " + std::string(id)));
  if (auto d = detail::shred_attachment(s, **row); !d) return d;
  return tx->commit();
}

}  // namespace safehold::storage
