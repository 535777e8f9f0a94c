// ConsentService: consent state, scope answers, the export decision and the
// dispatch history (docs/storage.md "Consent").
#include "safehold/storage/consent.hpp"

#include <algorithm>
#include <cctype>

#include "case_consent.hpp"
#include "case_index.hpp"
#include "json_access.hpp"
#include "record_rows.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace {

bool known_scope(std::string_view code) {
  const auto* vocab = schema::Vocabularies::builtin().find("scope");
  return vocab != nullptr && vocab->find(code) != nullptr;
}

std::string folded(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

ExportDecision refuse(std::string reason, std::string scope = {}) {
  return ExportDecision{false, std::move(scope), std::move(reason)};
}

}  // namespace

expected<ConsentState, StorageError> ConsentService::state(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto header = detail::case_header(a.state(), case_id);
  if (!header) return unexpected(header.error());
  return header->consent;
}

expected<std::string, StorageError> ConsentService::scope(std::string_view case_id, std::string_view scope_code) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (!known_scope(scope_code)) return unexpected(make_error(VaultError::invalid_argument, "unknown consent scope"));
  if (auto h = detail::case_header(a.state(), case_id); !h) return unexpected(h.error());
  auto consent = detail::case_consent(a.state(), case_id);
  if (!consent) return unexpected(consent.error());
  return consent->answer(std::string(scope_code));
}

expected<ExportDecision, StorageError> ConsentService::export_allowed(std::string_view case_id,
                                                                      std::string_view recipient_contact_id,
                                                                      std::string_view sharing_scope) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (!known_scope(sharing_scope)) return unexpected(make_error(VaultError::invalid_argument, "unknown consent scope"));
  auto header = detail::case_header(s, case_id);
  if (!header) return unexpected(header.error());
  auto contact = detail::load_record(s, recipient_contact_id);
  if (!contact) return unexpected(contact.error());
  if (contact->entity != "contact") {
    return unexpected(make_error(VaultError::invalid_argument, "recipient " + contact->id + " is not a contact"));
  }
  const std::string& ref = header->reference;
  auto consent = detail::case_consent(s, case_id);
  if (!consent) return unexpected(consent.error());
  if (consent->state == ConsentState::none) return refuse("case " + ref + " has no consent record");
  if (consent->state == ConsentState::withdrawn) return refuse("case " + ref + ": consent was withdrawn");
  const std::string scope(sharing_scope);
  const std::string answer = consent->answer(scope);
  if (answer != "yes") {
    return refuse("case " + ref + ": consent scope " + scope + " is " + (answer.empty() ? "not given" : "\"" + answer + "\""),
                  scope);
  }
  if (consent->restricts_recipients && !consent->allowed_contacts.contains(contact->id)) {
    const std::string org = folded(detail::text_of(contact->fields, "organisation"));
    bool by_org = false;
    for (const auto& allowed : consent->allowed_organisations) by_org = by_org || (!org.empty() && folded(allowed) == org);
    if (!by_org) return refuse("case " + ref + ": contact " + contact->id + " is not among the allowed recipients");
  }
  return ExportDecision{true, {}, {}};
}

expected<std::vector<Dispatch>, StorageError> ConsentService::sent_to(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(
      "SELECT counterparty, reference, at FROM audit_log WHERE case_id = ?1 AND action = 'bundle_exported' ORDER BY seq");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  std::vector<Dispatch> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    out.push_back({st->text(0), st->text(1), st->text(2)});
  }
  return out;
}

}  // namespace safehold::storage
