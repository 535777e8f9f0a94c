// Notices a case owner issues (schema/bundle-v1.md 12.4): addressed, when
// issued, to every contact an earlier bundle of the case went to; each
// delivery is marked when a bundle carrying the notice is written for it.
#include <algorithm>
#include <set>

#include "audit_log.hpp"
#include "notice_rows.hpp"
#include "record_owner.hpp"
#include "record_rows.hpp"
#include "safehold/storage/consent.hpp"
#include "safehold/storage/notices.hpp"
#include "util.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace detail {

std::string notice_body(const Notice& n) {
  nlohmann::json j{{"kind", n.kind}, {"case_id", n.case_id}, {"issued_at", n.issued_at}};
  if (n.kind == "withdrawal") {
    j["withdrawal"] = {{"at", n.withdrawn_at}, {"extent", n.extent}, {"scopes", n.scopes}};
  } else {
    j["records"] = n.records;
  }
  return j.dump();
}

Notice notice_from_body(const std::string& id, const std::string& owner_key, const std::string& body) {
  Notice n;
  n.id = id;
  n.owner_key = owner_key;
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object()) return n;
  n.kind = j.value("kind", "");
  n.case_id = j.value("case_id", "");
  n.issued_at = j.value("issued_at", "");
  if (const auto w = j.find("withdrawal"); w != j.end() && w->is_object()) {
    n.withdrawn_at = w->value("at", "");
    n.extent = w->value("extent", "");
    n.scopes = w->value("scopes", std::vector<std::string>{});
  }
  n.records = j.value("records", std::vector<std::string>{});
  return n;
}

}  // namespace detail

namespace {

// Contacts an earlier bundle of the case went to, each once, oldest first.
// A report or data export left no records in anyone's vault for a notice to
// act on: its recipients are listed by sent_to for a person to tell.
expected<std::vector<std::string>, StorageError> earlier_recipients(detail::VaultState& s, std::string_view case_id) {
  auto sent = ConsentService(&s).sent_to(case_id);  // the caller holds the (recursive) vault lock
  if (!sent) return unexpected(sent.error());
  std::vector<std::string> out;
  for (const auto& d : *sent) {
    if (d.action != AuditAction::bundle_exported) continue;
    if (!d.contact_id.empty() && std::find(out.begin(), out.end(), d.contact_id) == out.end()) out.push_back(d.contact_id);
  }
  return out;
}

expected<std::vector<NoticeDelivery>, StorageError> deliveries_of(detail::VaultState& s, std::string_view notice_id) {
  auto st = s.db.prepare(
      "SELECT contact_id, bundle_id, sent_at FROM notice_deliveries WHERE notice_id = ?1 ORDER BY contact_id");
  if (!st) return unexpected(st.error());
  st->bind(1, notice_id);
  return st->all_rows(
      [](const detail::Statement& row) { return NoticeDelivery{row.text(0), row.text(1), row.text(2)}; });
}

bool valid_draft(const Notice& n) {
  if (!detail::is_uuid(n.case_id)) return false;
  if (n.kind == "withdrawal") {
    if (n.extent != "all" && n.extent != "listed_scopes" && n.extent != "future_use") return false;
    if ((n.extent == "listed_scopes") == n.scopes.empty()) return false;
    return n.records.empty() && !n.withdrawn_at.empty();
  }
  if (n.kind == "deletion") return n.scopes.empty() && n.extent.empty();
  return false;
}

}  // namespace

const char* to_string(NoticeOutcome o) noexcept {
  switch (o) {
    case NoticeOutcome::applied: return "applied";
    case NoticeOutcome::not_applied: return "not_applied";
    case NoticeOutcome::already_applied: return "already_applied";
  }
  return "unknown";
}

expected<std::optional<IssuedNotice>, StorageError> NoticeStore::issue(Notice n) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (!valid_draft(n)) return unexpected(make_error(VaultError::invalid_argument, "notice"));
  std::sort(n.scopes.begin(), n.scopes.end());
  n.scopes.erase(std::unique(n.scopes.begin(), n.scopes.end()), n.scopes.end());
  std::sort(n.records.begin(), n.records.end());
  n.records.erase(std::unique(n.records.begin(), n.records.end()), n.records.end());
  // Asked before a case deletion (the case record must still be here to
  // tell whose it is) or for a case that is gone: then its notices say it.
  auto owner = detail::record_owner_key(s, n.case_id);
  if (!owner) return unexpected(owner.error());
  if (*owner && !(*owner)->empty()) {
    return unexpected(make_error(VaultError::not_allowed,
                                 "case " + n.case_id + " belongs to " + detail::owner_label(**owner) +
                                     ": only the case owner sends notices"));
  }
  auto to = earlier_recipients(s, n.case_id);
  if (!to) return unexpected(to.error());
  if (to->empty()) return std::optional<IssuedNotice>();
  if (n.id.empty()) n.id = detail::new_uuid_v4();
  if (n.issued_at.empty()) n.issued_at = detail::utc_now();
  n.owner_key.clear();
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  const std::string body = detail::notice_body(n);
  auto ins = s.db.prepare("INSERT INTO issued_notices (id, kind, case_id, issued_at, body) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!ins) return unexpected(ins.error());
  ins->bind(1, n.id).bind(2, n.kind).bind(3, n.case_id).bind(4, n.issued_at).bind(5, body);
  if (auto r = ins->run(); !r) return unexpected(r.error());
  IssuedNotice out{n, {}};
  for (const auto& contact : *to) {
    auto d = s.db.prepare("INSERT INTO notice_deliveries (notice_id, contact_id) VALUES (?1, ?2)");
    if (!d) return unexpected(d.error());
    d->bind(1, n.id).bind(2, contact);
    if (auto r = d->run(); !r) return unexpected(r.error());
    out.deliveries.push_back({contact, "", ""});
  }
  detail::AuditEvent ev{AuditAction::notice_issued, "case", n.case_id, n.case_id, "", n.id, detail::sha256(body)};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return std::optional<IssuedNotice>(std::move(out));
}

expected<std::vector<IssuedNotice>, StorageError> NoticeStore::issued(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto st = s.db.prepare(case_id.empty()
                             ? "SELECT id, body FROM issued_notices ORDER BY issued_at, id"
                             : "SELECT id, body FROM issued_notices WHERE case_id = ?1 ORDER BY issued_at, id");
  if (!st) return unexpected(st.error());
  if (!case_id.empty()) st->bind(1, case_id);
  auto out = st->all_rows([](const detail::Statement& row) {
    return IssuedNotice{detail::notice_from_body(row.text(0), "", row.text(1)), {}};
  });
  if (!out) return unexpected(out.error());
  for (auto& n : *out) {
    auto d = deliveries_of(s, n.notice.id);
    if (!d) return unexpected(d.error());
    n.deliveries = std::move(*d);
  }
  return out;
}

expected<void, StorageError> NoticeStore::mark_sent(std::string_view notice_id, std::string_view contact_id,
                                                    std::string_view bundle_id, std::string_view at) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto st = s.db.prepare(
      "UPDATE notice_deliveries SET bundle_id = ?3, sent_at = ?4 WHERE notice_id = ?1 AND contact_id = ?2 "
      "AND bundle_id = ''");
  if (!st) return unexpected(st.error());
  st->bind(1, notice_id).bind(2, contact_id).bind(3, bundle_id).bind(4, at);
  if (auto r = st->run(); !r) return r;
  auto c = s.db.prepare("SELECT case_id FROM issued_notices WHERE id = ?1");
  if (!c) return unexpected(c.error());
  c->bind(1, notice_id);
  auto row = c->step();
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "notice " + std::string(notice_id)));
  const std::string case_id = c->text(0);
  detail::AuditEvent ev{AuditAction::notice_sent, "case", case_id, case_id, std::string(contact_id),
                        std::string(notice_id), detail::sha256(bundle_id)};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  return tx->commit();
}

}  // namespace safehold::storage
