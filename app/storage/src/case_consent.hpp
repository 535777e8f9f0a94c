#pragma once
// Internal: what a case's consent records add up to (docs/storage.md
// "Consent"). The current consent is the consent record with the latest
// given_at (then created_at); a withdrawal on it with extent all or
// future_use withdraws the case; extent listed_scopes turns the listed scopes
// to "no" and leaves the rest.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "safehold/storage/cases.hpp"
#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

struct CaseConsent {
  ConsentState state = ConsentState::none;
  std::string consent_id;                     // the current consent record
  std::map<std::string, std::string> scopes;  // effective answers (withdrawn ones read "no")
  std::set<std::string> allowed_contacts;     // allowed_recipients[].contact
  std::set<std::string> allowed_organisations;  // allowed_recipients[].organisation
  bool restricts_recipients = false;          // allowed_recipients lists anyone

  // "yes", "no", "later" or "" (not answered by the current consent).
  std::string answer(const std::string& scope) const;
};

CaseConsent evaluate_consent(const std::vector<Record>& consent_records);
[[nodiscard]] expected<CaseConsent, StorageError> case_consent(VaultState& s, std::string_view case_id);

// Entities that may be saved before a case has a consent record: the case,
// consent, interview_session, and a person whose roles include interviewee.
bool allowed_before_consent(const Record& record);

}  // namespace safehold::storage::detail
