#pragma once
// Internal: what a case's consent records add up to (docs/storage.md
// "Consent"). The current consent is the consent record with the latest
// given_at (then created_at); a withdrawal on it with extent all or
// future_use withdraws the case; extent listed_scopes turns the listed scopes
// to "no" and leaves the rest.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "safehold/storage/cases.hpp"
#include "safehold/storage/consent.hpp"
#include "safehold/storage/records.hpp"
#include "scan_position.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

// The one computation of safehold::storage::CurrentConsent.
using CaseConsent = CurrentConsent;

CaseConsent evaluate_consent(const std::vector<Record>& consent_records);
[[nodiscard]] expected<CaseConsent, StorageError> case_consent(VaultState& s, std::string_view case_id);
// Every withdrawal mark of the vault, by case id (withdrawal_marks.hpp).
using WithdrawalMarks = std::map<std::string, WithdrawalMark, std::less<>>;
// case_consent of the next `limit` cases after `after` (oldest first,
// cases without a consent record included; `after` moves to the last one
// read), one case at a time: only one case's consent records are held at
// once. `marks`: the vault's withdrawal marks, read once per scan. Returns
// how many cases were read. `visit` must not call into the vault (its lock
// is held). ConsentService::for_each_current runs it in chunks.
[[nodiscard]] expected<std::size_t, StorageError> each_case_consent(
    VaultState& s, const WithdrawalMarks& marks, ScanPosition& after, std::size_t limit,
    const std::function<void(const std::string& case_id, const CaseConsent& consent)>& visit);

// Entities that may be saved before a case has a consent record: the case,
// consent, interview_session, and a person whose roles include interviewee.
bool allowed_before_consent(const Record& record);

}  // namespace safehold::storage::detail
