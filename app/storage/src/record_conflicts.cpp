// Conflicting copies set aside by an import (schema/bundle-v1.md 12.3), and
// their settlement by a person: keep mine, take theirs, keep both.
#include "audit_log.hpp"
#include "bundle_ledger_rows.hpp"
#include "incoming_verdict.hpp"
#include "record_meta_rows.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "safehold/storage/bundle_ledger.hpp"
#include "util.hpp"

namespace safehold::storage {
using detail::VaultAccess;
using detail::VaultState;
using nlohmann::json;

namespace detail {
namespace {

json meta_json(const RecordMeta& m) {
  return {{"owner", m.owner_key},
          {"revision", {{"n", m.revision.n}, {"id", m.revision.id}, {"history", m.revision.history}}},
          {"withheld", m.withheld}};
}

// The copy as it was set aside (its owner as the bundle named it).
expected<HeldConflict, StorageError> read_conflict(const Statement& st) {
  HeldConflict c;
  c.id = st.text(0);
  c.record_id = st.text(1);
  c.case_id = st.text(2);
  c.bundle_id = st.text(3);
  c.signer_key = st.text(4);
  c.reason = st.text(6);
  c.detected_at = st.text(7);
  const auto j = json::parse(st.text(5), nullptr, false);
  if (!j.is_object() || !j.contains("record") || !j.contains("meta")) {
    return unexpected(make_error(VaultError::database_corrupt, "conflict " + c.id));
  }
  auto r = Record::from_json(j["record"]);
  if (!r) return unexpected(make_error(VaultError::database_corrupt, "conflict " + c.id));
  c.theirs = std::move(*r);
  const json& m = j["meta"];
  c.theirs_meta.owner_key = m.value("owner", "");
  c.theirs_meta.revision.n = m["revision"].value("n", std::int64_t{1});
  c.theirs_meta.revision.id = m["revision"].value("id", "");
  c.theirs_meta.revision.history = m["revision"].value("history", std::vector<std::string>{});
  c.theirs_meta.withheld = m.value("withheld", std::vector<std::string>{});
  return c;
}

constexpr const char* kConflictColumns =
    "id, record_id, case_id, bundle_id, signer_key, incoming, reason, detected_at";

}  // namespace

expected<void, StorageError> set_aside(VaultState& s, std::string_view bundle_id, std::string_view signer_key,
                                       const IncomingRecord& in, const std::string& reason) {
  RecordMeta meta = in.meta ? *in.meta : RecordMeta{std::string(signer_key), {}, {}};
  const json body = {{"record", in.record.to_json()}, {"meta", meta_json(meta)}};
  auto text = dump_json(body);
  if (!text) return unexpected(text.error());
  const std::string id = new_uuid_v4();
  auto st = s.db.prepare(std::string("INSERT INTO record_conflicts (") + kConflictColumns +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!st) return unexpected(st.error());
  const std::string case_id = in.record.entity == "case" ? in.record.id : in.record.case_id;
  st->bind(1, id).bind(2, in.record.id).bind(3, case_id).bind(4, bundle_id).bind(5, signer_key);
  st->bind(6, *text).bind(7, reason).bind(8, utc_now());
  if (auto r = st->run(); !r) return r;
  auto digest = record_digest(in.record);
  if (!digest) return unexpected(digest.error());
  AuditEvent ev{AuditAction::conflict_set_aside, in.record.entity, in.record.id, case_id, "", id, *digest};
  if (auto e = append_audit(s, ev); !e) return unexpected(e.error());
  return {};
}

}  // namespace detail

expected<std::vector<HeldConflict>, StorageError> BundleLedger::conflicts(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(std::string("SELECT ") + detail::kConflictColumns +
                                 " FROM record_conflicts WHERE ?1 = '' OR case_id = ?1 ORDER BY detected_at, id");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  std::vector<HeldConflict> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    auto c = detail::read_conflict(*st);
    if (!c) return unexpected(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

expected<std::string, StorageError> BundleLedger::settle(std::string_view conflict_id, Settlement how) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto st = s.db.prepare(std::string("SELECT ") + detail::kConflictColumns + " FROM record_conflicts WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, conflict_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "conflict " + std::string(conflict_id)));
  auto c = detail::read_conflict(*st);
  st->reset();
  if (!c) return unexpected(c.error());
  auto mine = detail::load_record(s, c->record_id);
  if (!mine) return unexpected(mine.error());
  auto held = detail::load_meta(s, c->record_id);
  if (!held) return unexpected(held.error());
  std::string result = c->record_id;
  if (how == Settlement::take_theirs) {
    RecordMeta meta = c->theirs_meta;
    auto owner = detail::as_stored_owner(s, meta.owner_key);
    if (!owner) return unexpected(owner.error());
    meta.owner_key = *owner;
    if (auto w = detail::store_record(s, c->theirs, {detail::WriteKind::import_update, true, &meta}); !w) {
      return unexpected(w.error());
    }
  } else if (how == Settlement::keep_both) {
    if (!held->owner_key.empty() || c->theirs.entity == "case" || c->theirs.entity == "consent") {
      return unexpected(make_error(VaultError::not_allowed,
                                   "conflict " + c->id + ": keep both is only for this vault's own records, "
                                   "not a case or consent"));
    }
    Record copy = c->theirs;
    copy.id = detail::new_uuid_v4();
    copy.created_at = copy.updated_at = detail::utc_now();
    if (auto w = detail::store_record(s, copy, {}); !w) return unexpected(w.error());
    result = copy.id;
  }
  auto del = s.db.prepare("DELETE FROM record_conflicts WHERE id = ?1");
  if (!del) return unexpected(del.error());
  del->bind(1, conflict_id);
  if (auto r = del->run(); !r) return unexpected(r.error());
  const AuditAction action = how == Settlement::keep_mine     ? AuditAction::conflict_kept_mine
                            : how == Settlement::take_theirs ? AuditAction::conflict_took_theirs
                                                             : AuditAction::conflict_kept_both;
  auto digest = detail::record_digest(c->theirs);
  if (!digest) return unexpected(digest.error());
  detail::AuditEvent ev{action, c->theirs.entity, c->record_id, c->case_id, "", c->id, *digest};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  if (auto r = tx->commit(); !r) return unexpected(r.error());
  return result;
}

}  // namespace safehold::storage
