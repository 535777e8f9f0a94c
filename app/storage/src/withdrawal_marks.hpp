#pragma once
// Internal: withdrawal marks on cases held as copies (case_withdrawals).
#include <optional>
#include <string_view>

#include "case_consent.hpp"
#include "safehold/storage/consent.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

[[nodiscard]] expected<std::optional<WithdrawalMark>, StorageError> load_withdrawal_mark(VaultState& s,
                                                                                         std::string_view case_id);
// What the mark does to the consent the records add up to.
void apply_withdrawal_mark(CaseConsent& consent, const WithdrawalMark& mark);
// Stores (or replaces) the mark and refreshes the case list's consent state.
[[nodiscard]] expected<void, StorageError> save_withdrawal_mark(VaultState& s, std::string_view case_id,
                                                                const WithdrawalMark& mark);

}  // namespace safehold::storage::detail
