// Withdrawal marks (schema/bundle-v1.md 12.4; issue 10, finding 10): a
// withdrawal recorded on a case this vault holds as a copy. The consent
// records stay the owner's; the mark sits beside them, blocks export like a
// withdrawal in the consent itself, and no later copy of the consent lifts it.
// Only a new consent the owner sends after the person consented again lifts
// a mark that came from the owner's notice; a local mark stays.
#include "withdrawal_marks.hpp"

#include <algorithm>

#include "audit_log.hpp"
#include "case_index.hpp"
#include "record_owner.hpp"
#include "record_rows.hpp"
#include "safehold/storage/consent.hpp"
#include "util.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace detail {

namespace {

constexpr const char* kMarkColumns = "at, extent, scopes, source, recorded_at, case_id";

WithdrawalMark mark_of(const Statement& st) {
  WithdrawalMark m{st.text(0), st.text(1), {}, st.text(3), st.text(4)};
  const auto scopes = nlohmann::json::parse(st.text(2), nullptr, false);
  if (scopes.is_array()) {
    for (const auto& sc : scopes) {
      if (sc.is_string()) m.scopes.push_back(sc.get<std::string>());
    }
  }
  return m;
}

}  // namespace

expected<std::optional<WithdrawalMark>, StorageError> load_withdrawal_mark(VaultState& s, std::string_view case_id) {
  auto st = s.db.prepare(std::string("SELECT ") + kMarkColumns + " FROM case_withdrawals WHERE case_id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<WithdrawalMark>();
  return std::optional<WithdrawalMark>(mark_of(*st));
}

expected<std::map<std::string, WithdrawalMark, std::less<>>, StorageError> load_withdrawal_marks(VaultState& s) {
  auto st = s.db.prepare(std::string("SELECT ") + kMarkColumns + " FROM case_withdrawals");
  if (!st) return unexpected(st.error());
  std::map<std::string, WithdrawalMark, std::less<>> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) return out;
    out[st->text(5)] = mark_of(*st);
  }
}

void apply_withdrawal_mark(CaseConsent& consent, const WithdrawalMark& mark) {
  if (consent.state == ConsentState::none) return;
  if (mark.extent == "listed_scopes") {
    for (const auto& scope : mark.scopes) consent.scopes[scope] = "no";
    return;
  }
  consent.state = ConsentState::withdrawn;
  for (auto& [scope, answer] : consent.scopes) answer = "no";
}

expected<void, StorageError> save_withdrawal_mark(VaultState& s, std::string_view case_id, const WithdrawalMark& m) {
  auto st = s.db.prepare(
      "INSERT INTO case_withdrawals (case_id, at, extent, scopes, source, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (case_id) DO UPDATE SET at = excluded.at, extent = excluded.extent, scopes = excluded.scopes, "
      "source = excluded.source, recorded_at = excluded.recorded_at");
  if (!st) return unexpected(st.error());
  const std::string scopes = nlohmann::json(m.scopes).dump();
  st->bind(1, case_id).bind(2, m.at).bind(3, m.extent).bind(4, scopes).bind(5, m.source).bind(6, utc_now());
  if (auto r = st->run(); !r) return r;
  return refresh_case_summary(s, case_id, "consent", utc_now());
}

expected<bool, StorageError> lift_mark_on_later_consent(VaultState& s, std::string_view case_id) {
  auto mark = load_withdrawal_mark(s, case_id);
  if (!mark) return unexpected(mark.error());
  if (!*mark || (*mark)->source == "local") return false;
  auto consents = load_case_records(s, case_id, "consent");
  if (!consents) return unexpected(consents.error());
  const CaseConsent now = evaluate_consent(*consents);  // the records alone, without the mark
  if (now.state != ConsentState::given) return false;
  const auto current = std::find_if(consents->begin(), consents->end(),
                                    [&](const Record& r) { return r.id == now.consent_id; });
  if (current == consents->end()) return false;
  if (current->fields.contains("withdrawal")) return false;  // it withdraws (some scopes) itself
  const auto given = current->fields.find("given_at");
  if (given == current->fields.end() || !given->is_string() || given->get<std::string>() <= (*mark)->at) return false;
  auto case_owner = owner_of(s, case_id);
  if (!case_owner) return unexpected(case_owner.error());
  auto consent_owner = owner_of(s, current->id);
  if (!consent_owner) return unexpected(consent_owner.error());
  if (case_owner->empty() || *consent_owner != *case_owner) return false;
  auto del = s.db.prepare("DELETE FROM case_withdrawals WHERE case_id = ?1");
  if (!del) return unexpected(del.error());
  del->bind(1, case_id);
  if (auto r = del->run(); !r) return unexpected(r.error());
  if (auto r = refresh_case_summary(s, case_id, "consent", utc_now()); !r) return unexpected(r.error());
  auto digest = record_digest(*current);
  if (!digest) return unexpected(digest.error());
  AuditEvent ev{AuditAction::withdrawal_lifted, "case", std::string(case_id), std::string(case_id), "",
                current->id, *digest};
  if (auto e = append_audit(s, ev); !e) return unexpected(e.error());
  return true;
}

}  // namespace detail

expected<void, StorageError> ConsentService::withdraw_copy(std::string_view case_id, const WithdrawalMark& mark) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto owner = detail::owner_of(s, case_id);
  if (!owner) return unexpected(owner.error());
  if (owner->empty()) {
    return unexpected(make_error(VaultError::not_allowed,
                                 "case " + std::string(case_id) + " is this vault's own: record the withdrawal "
                                 "in its consent"));
  }
  if (mark.extent != "all" && mark.extent != "listed_scopes" && mark.extent != "future_use") {
    return unexpected(make_error(VaultError::invalid_argument, "withdrawal extent"));
  }
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  WithdrawalMark m = mark;
  if (m.source.empty()) m.source = "local";
  if (auto w = detail::save_withdrawal_mark(s, case_id, m); !w) return w;
  auto record = detail::load_record(s, case_id);
  if (!record) return unexpected(record.error());
  auto digest = detail::record_digest(*record);
  if (!digest) return unexpected(digest.error());
  detail::AuditEvent ev{AuditAction::withdrawal_marked, "case", std::string(case_id), std::string(case_id), "",
                        m.source, *digest};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  return tx->commit();
}

expected<std::optional<WithdrawalMark>, StorageError> ConsentService::withdrawal_mark(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::load_withdrawal_mark(a.state(), case_id);
}

}  // namespace safehold::storage
