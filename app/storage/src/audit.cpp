#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "audit_log.hpp"
#include "safehold/crypto/hkdf.hpp"

namespace safehold::storage {
namespace {

using detail::Statement;
using detail::VaultState;

constexpr std::string_view kEntryDomain = "safehold-audit-entry-v1";
constexpr std::string_view kHeadDomain = "safehold-audit-head-v1";
constexpr const char* kEntryColumns =
    "seq, at, actor, action, object_type, object_id, case_id, counterparty, reference, digest, "
    "prev_hash, entry_hash";

void put_field(crypto_hash_sha256_state& h, std::span<const std::uint8_t> bytes) {
  const auto n = static_cast<std::uint32_t>(bytes.size());
  const std::uint8_t len[4] = {static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                               static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
  crypto_hash_sha256_update(&h, len, 4);
  crypto_hash_sha256_update(&h, bytes.data(), bytes.size());
}

void put_field(crypto_hash_sha256_state& h, std::string_view s) { put_field(h, detail::as_bytes(s)); }

Hash32 head_mac(const crypto::SecretBuffer& key, std::int64_t seq, const Hash32& entry_hash) {
  std::vector<std::uint8_t> msg(kHeadDomain.begin(), kHeadDomain.end());
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(seq) >> (8 * i)));
  msg.insert(msg.end(), entry_hash.begin(), entry_hash.end());
  Hash32 mac{};
  crypto::hmac_sha256(key.span(), msg, mac);
  return mac;
}

Hash32 to_hash(std::span<const std::uint8_t> b) {
  Hash32 h{};
  if (b.size() == h.size()) std::copy(b.begin(), b.end(), h.begin());
  return h;
}

AuditEntry read_entry(const Statement& st) {
  AuditEntry e;
  e.seq = st.integer(0);
  e.at = st.text(1);
  e.actor = st.text(2);
  e.action = st.text(3);
  e.object_type = st.text(4);
  e.object_id = st.text(5);
  e.case_id = st.text(6);
  e.counterparty = st.text(7);
  e.reference = st.text(8);
  e.digest = to_hash(st.blob_view(9));
  e.prev_hash = to_hash(st.blob_view(10));
  e.entry_hash = to_hash(st.blob_view(11));
  return e;
}

// Sizes are part of what verify() checks: a stored hash of the wrong length
// must not be silently padded into a match.
bool sizes_ok(const Statement& st) {
  return st.blob_view(9).size() == 32 && st.blob_view(10).size() == 32 && st.blob_view(11).size() == 32;
}

expected<std::vector<AuditEntry>, StorageError> query_entries(detail::VaultState& s, const std::string& sql,
                                                              std::string_view arg, std::int64_t limit) {
  auto st = s.db.prepare(sql);
  if (!st) return unexpected(st.error());
  st->bind(1, arg);
  if (limit >= 0) st->bind(2, limit);
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    out.push_back(read_entry(*st));
  }
  return out;
}

}  // namespace

const char* to_string(AuditAction a) noexcept {
  switch (a) {
    case AuditAction::vault_created: return "vault_created";
    case AuditAction::passphrase_changed: return "passphrase_changed";
    case AuditAction::owner_changed: return "owner_changed";
    case AuditAction::record_created: return "record_created";
    case AuditAction::record_updated: return "record_updated";
    case AuditAction::record_deleted: return "record_deleted";
    case AuditAction::record_imported: return "record_imported";
    case AuditAction::attachment_imported: return "attachment_imported";
    case AuditAction::attachment_read: return "attachment_read";
    case AuditAction::attachment_exported: return "attachment_exported";
    case AuditAction::attachment_deleted: return "attachment_deleted";
    case AuditAction::bundle_exported: return "bundle_exported";
    case AuditAction::bundle_imported: return "bundle_imported";
    case AuditAction::conflict_set_aside: return "conflict_set_aside";
    case AuditAction::conflict_kept_mine: return "conflict_kept_mine";
    case AuditAction::conflict_took_theirs: return "conflict_took_theirs";
    case AuditAction::conflict_kept_both: return "conflict_kept_both";
    case AuditAction::withdrawal_marked: return "withdrawal_marked";
    case AuditAction::report_written: return "report_written";
    case AuditAction::data_exported: return "data_exported";
    case AuditAction::statistics_written: return "statistics_written";
    case AuditAction::notice_issued: return "notice_issued";
    case AuditAction::notice_sent: return "notice_sent";
    case AuditAction::notice_applied: return "notice_applied";
    case AuditAction::withdrawal_lifted: return "withdrawal_lifted";
    case AuditAction::identity_created: return "identity_created";
    case AuditAction::identity_exported: return "identity_exported";
    case AuditAction::vault_restored: return "vault_restored";
  }
  return "unknown";
}

Hash32 compute_entry_hash(const AuditEntry& e) {
  crypto_hash_sha256_state h;
  crypto_hash_sha256_init(&h);
  crypto_hash_sha256_update(&h, detail::as_bytes(kEntryDomain).data(), kEntryDomain.size());
  put_field(h, std::to_string(e.seq));
  put_field(h, e.at);
  put_field(h, e.actor);
  put_field(h, e.action);
  put_field(h, e.object_type);
  put_field(h, e.object_id);
  put_field(h, e.case_id);
  put_field(h, e.counterparty);
  put_field(h, e.reference);
  put_field(h, e.digest);
  put_field(h, e.prev_hash);
  Hash32 out{};
  crypto_hash_sha256_final(&h, out.data());
  return out;
}

namespace detail {

expected<void, StorageError> init_audit_head(VaultState& s) {
  const Hash32 zero{};
  const Hash32 mac = head_mac(s.audit_key, 0, zero);
  auto st = s.db.prepare("INSERT INTO audit_head (id, seq, entry_hash, mac) VALUES (1, 0, ?1, ?2)");
  if (!st) return unexpected(st.error());
  st->bind_blob(1, zero).bind_blob(2, mac);
  return st->run();
}

expected<AuditEntry, StorageError> append_audit(VaultState& s, const AuditEvent& ev) {
  auto head = s.db.prepare("SELECT seq, entry_hash FROM audit_head WHERE id = 1");
  if (!head) return unexpected(head.error());
  auto row = head->step();
  if (!row) return unexpected(row.error());
  if (!*row || head->blob_view(1).size() != 32) {
    return unexpected(make_error(VaultError::database_corrupt, "audit head missing"));
  }
  AuditEntry e;
  e.seq = head->integer(0) + 1;
  e.prev_hash = to_hash(head->blob_view(1));
  head->reset();
  e.at = utc_now();
  e.actor = s.owner_name;
  e.action = to_string(ev.action);
  e.object_type = ev.object_type;
  e.object_id = ev.object_id;
  e.case_id = ev.case_id;
  e.counterparty = ev.counterparty;
  e.reference = ev.reference;
  e.digest = ev.digest;
  e.entry_hash = compute_entry_hash(e);

  auto ins = s.db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, case_id, counterparty, "
      "reference, digest, prev_hash, entry_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (!ins) return unexpected(ins.error());
  ins->bind(1, e.seq).bind(2, e.at).bind(3, e.actor).bind(4, e.action).bind(5, e.object_type);
  ins->bind(6, e.object_id).bind(7, e.case_id).bind(8, e.counterparty).bind(9, e.reference);
  ins->bind_blob(10, e.digest).bind_blob(11, e.prev_hash).bind_blob(12, e.entry_hash);
  if (auto r = ins->run(); !r) return unexpected(r.error());

  auto upd = s.db.prepare("UPDATE audit_head SET seq = ?1, entry_hash = ?2, mac = ?3 WHERE id = 1");
  if (!upd) return unexpected(upd.error());
  upd->bind(1, e.seq).bind_blob(2, e.entry_hash).bind_blob(3, head_mac(s.audit_key, e.seq, e.entry_hash));
  if (auto r = upd->run(); !r) return unexpected(r.error());
  return e;
}

}  // namespace detail

expected<AuditVerification, StorageError> AuditTrail::verify() {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  AuditVerification v;
  auto broken = [&](std::int64_t seq, const char* why) {
    v.intact = false;
    v.first_broken_seq = seq;
    v.reason = why;
    return v;
  };
  auto st = s.db.prepare(std::string("SELECT ") + kEntryColumns + " FROM audit_log ORDER BY seq");
  if (!st) return unexpected(st.error());
  std::int64_t expected_seq = 1;
  Hash32 prev{};
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    const AuditEntry e = read_entry(*st);
    ++v.entries;
    if (e.seq != expected_seq) return broken(expected_seq, "entry missing or out of sequence");
    if (!sizes_ok(*st)) return broken(e.seq, "entry damaged");
    if (!crypto::equal_constant_time(e.prev_hash, prev)) return broken(e.seq, "chain link broken");
    const Hash32 h = compute_entry_hash(e);
    if (!crypto::equal_constant_time(h, e.entry_hash)) return broken(e.seq, "entry modified");
    prev = e.entry_hash;
    ++expected_seq;
  }
  st->reset();
  auto head = s.db.prepare("SELECT seq, entry_hash, mac FROM audit_head WHERE id = 1");
  if (!head) return unexpected(head.error());
  auto row = head->step();
  if (!row) return unexpected(row.error());
  if (!*row) return broken(expected_seq, "audit head missing");
  const std::int64_t head_seq = head->integer(0);
  const Hash32 head_hash = to_hash(head->blob_view(1));
  const auto mac = head->blob_view(2);
  const Hash32 want = head_mac(s.audit_key, head_seq, head_hash);
  if (!crypto::equal_constant_time(mac, want)) return broken(std::min(head_seq, expected_seq), "audit head altered");
  if (head_seq > expected_seq - 1) return broken(expected_seq, "entries missing at the end");
  if (head_seq < expected_seq - 1) return broken(head_seq + 1, "entries after the recorded head");
  if (!crypto::equal_constant_time(head_hash, prev)) return broken(head_seq, "last entry does not match the head");
  v.intact = true;
  return v;
}

expected<std::vector<AuditEntry>, StorageError> AuditTrail::for_case(std::string_view case_id) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return query_entries(a.state(),
                       std::string("SELECT ") + kEntryColumns + " FROM audit_log WHERE case_id = ?1 ORDER BY seq",
                       case_id, -1);
}

expected<std::vector<AuditEntry>, StorageError> AuditTrail::for_object(std::string_view object_id) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return query_entries(a.state(),
                       std::string("SELECT ") + kEntryColumns + " FROM audit_log WHERE object_id = ?1 ORDER BY seq",
                       object_id, -1);
}

expected<std::vector<AuditEntry>, StorageError> AuditTrail::page(std::int64_t after_seq, std::size_t limit) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return query_entries(a.state(),
                       std::string("SELECT ") + kEntryColumns +
                           " FROM audit_log WHERE seq > CAST(?1 AS INTEGER) ORDER BY seq LIMIT ?2",
                       std::to_string(after_seq), static_cast<std::int64_t>(limit));
}

expected<bool, StorageError> AuditTrail::bundle_imported(std::string_view bundle_id) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (bundle_id.empty()) return false;
  auto st = a.state().db.prepare(
      "SELECT 1 FROM audit_log WHERE reference = ?1 AND action = 'bundle_imported' "
      "AND action IN ('bundle_exported', 'bundle_imported') LIMIT 1");
  if (!st) return unexpected(st.error());
  st->bind(1, bundle_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  return *row;
}

expected<AuditEntry, StorageError> AuditTrail::record_bundle_event(const BundleEvent& ev) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (ev.action != AuditAction::bundle_exported && ev.action != AuditAction::bundle_imported) {
    return unexpected(make_error(VaultError::not_allowed, "only bundle events may be appended"));
  }
  if (ev.bundle_id.empty() || ev.case_id.empty()) {
    return unexpected(make_error(VaultError::invalid_argument, "bundle event without bundle id or case"));
  }
  auto tx = detail::WriteTransaction::begin(a.state());
  if (!tx) return unexpected(tx.error());
  detail::AuditEvent e{ev.action, "case", ev.case_id, ev.case_id, ev.counterparty, ev.bundle_id, ev.digest};
  auto entry = detail::append_audit(a.state(), e);
  if (!entry) return unexpected(entry.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return entry;
}

namespace {

// A report or data export of a case (what, for whom, which one): never content.
expected<AuditEntry, StorageError> record_handed_out(detail::VaultState* state, AuditAction action,
                                                     std::string_view case_id, std::string_view audience,
                                                     std::string_view reference, const Hash32& digest) {
  detail::VaultAccess a(state);
  if (!a.ok()) return unexpected(a.error());
  if (case_id.empty() || audience.empty() || reference.empty()) {
    return unexpected(make_error(VaultError::invalid_argument, std::string(to_string(action)) +
                                                                   " event without case, audience or id"));
  }
  auto tx = detail::WriteTransaction::begin(a.state());
  if (!tx) return unexpected(tx.error());
  detail::AuditEvent e{action, "case", std::string(case_id), std::string(case_id),
                       std::string(audience), std::string(reference), digest};
  auto entry = detail::append_audit(a.state(), e);
  if (!entry) return unexpected(entry.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return entry;
}

}  // namespace

expected<AuditEntry, StorageError> AuditTrail::record_report_written(std::string_view case_id,
                                                                   std::string_view audience,
                                                                   std::string_view report_id,
                                                                   const Hash32& pdf_sha256) {
  return record_handed_out(s_, AuditAction::report_written, case_id, audience, report_id, pdf_sha256);
}

expected<AuditEntry, StorageError> AuditTrail::record_data_exported(std::string_view case_id,
                                                                  std::string_view audience,
                                                                  std::string_view export_id,
                                                                  const Hash32& records_sha256) {
  return record_handed_out(s_, AuditAction::data_exported, case_id, audience, export_id, records_sha256);
}

expected<AuditEntry, StorageError> AuditTrail::record_statistics_written(std::string_view pdf_id,
                                                                       std::string_view counted_by,
                                                                       const Hash32& pdf_sha256) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (pdf_id.empty() || counted_by.empty()) {
    return unexpected(make_error(VaultError::invalid_argument, "statistics_written event without id or dimensions"));
  }
  auto tx = detail::WriteTransaction::begin(a.state());
  if (!tx) return unexpected(tx.error());
  detail::AuditEvent e{AuditAction::statistics_written, "statistics", std::string(pdf_id), "", "",
                       std::string(counted_by), pdf_sha256};
  auto entry = detail::append_audit(a.state(), e);
  if (!entry) return unexpected(entry.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return entry;
}

}  // namespace safehold::storage
