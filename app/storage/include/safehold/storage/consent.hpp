#pragma once
// Consent as enforced by the vault (data-model.md "Consent is enforced";
// docs/storage.md "Consent"), and the questions bundle export asks.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/cases.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

struct ExportDecision {
  bool allowed = false;
  std::string missing_scope;  // the V-Scope code that is not "yes", when that is the reason
  std::string reason;         // one line naming the case reference and what is missing
};

// A withdrawal recorded on a case this vault holds as a copy (schema/
// bundle-v1.md 12.4): beside the owner's consent records, not in them.
struct WithdrawalMark {
  std::string at;                   // when the person withdrew (UTC)
  std::string extent;               // withdrawal_extent: all, listed_scopes, future_use
  std::vector<std::string> scopes;  // listed_scopes only
  std::string source;               // "local" (recorded here) or the id of the owner's notice
  std::string recorded_at;
};

struct Dispatch {
  std::string contact_id;  // recipient
  std::string bundle_id;
  std::string at;          // UTC
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class ConsentService {
 public:
  explicit ConsentService(detail::VaultState* state) noexcept : s_(state) {}

  [[nodiscard]] expected<ConsentState, StorageError> state(std::string_view case_id);
  // The case's answer for a V-Scope code: "yes", "no", "later", or "" when
  // no current consent record answers it.
  [[nodiscard]] expected<std::string, StorageError> scope(std::string_view case_id,
                                                          std::string_view scope_code);
  // May case `case_id` go to contact `recipient_contact_id`, shared under
  // the V-Scope `sharing_scope` (e.g. the scope for named NGOs)? Refused when
  // there is no consent, consent was withdrawn, the scope is not "yes", or
  // the consent lists allowed recipients and this contact is not one of them.
  [[nodiscard]] expected<ExportDecision, StorageError> export_allowed(std::string_view case_id,
                                                                      std::string_view recipient_contact_id,
                                                                      std::string_view sharing_scope);
  // To whom the case was already sent (bundle_exported audit entries), oldest first.
  [[nodiscard]] expected<std::vector<Dispatch>, StorageError> sent_to(std::string_view case_id);
  // Records a withdrawal on a case held as a copy (not_allowed on the
  // vault's own case: withdraw in its consent). From then on the case counts
  // as withdrawn (or the listed scopes as "no") whatever copies of the
  // consent arrive later; audited as withdrawal_marked.
  [[nodiscard]] expected<void, StorageError> withdraw_copy(std::string_view case_id, const WithdrawalMark& mark);
  [[nodiscard]] expected<std::optional<WithdrawalMark>, StorageError> withdrawal_mark(std::string_view case_id);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
