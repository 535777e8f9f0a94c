#pragma once
// Internal: withdrawal marks on cases held as copies (case_withdrawals).
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "case_consent.hpp"
#include "safehold/storage/consent.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

[[nodiscard]] expected<std::optional<WithdrawalMark>, StorageError> load_withdrawal_mark(VaultState& s,
                                                                                         std::string_view case_id);
// Every mark of the vault, by case id.
[[nodiscard]] expected<std::map<std::string, WithdrawalMark, std::less<>>, StorageError> load_withdrawal_marks(
    VaultState& s);
// What the mark does to the consent the records add up to.
void apply_withdrawal_mark(CaseConsent& consent, const WithdrawalMark& mark);
// Stores (or replaces) the mark and refreshes the case list's consent state.
[[nodiscard]] expected<void, StorageError> save_withdrawal_mark(VaultState& s, std::string_view case_id,
                                                                const WithdrawalMark& mark);
// The person consented again (schema/bundle-v1.md 12.4, "Consent again"):
// removes a mark that came from the case owner's notice when the case's
// current consent record is the owner's, withdraws nothing, and was given
// after the mark's withdrawal time; audited withdrawal_lifted. A local mark
// is never lifted here. Returns whether a mark was lifted.
[[nodiscard]] expected<bool, StorageError> lift_mark_on_later_consent(VaultState& s, std::string_view case_id);

}  // namespace safehold::storage::detail
