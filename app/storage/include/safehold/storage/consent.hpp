#pragma once
// Consent as enforced by the vault (data-model.md "Consent is enforced";
// docs/storage.md "Consent"). Which audience may see what is decided from
// CurrentConsent by core/disclosure, not here.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/audit.hpp"
#include "safehold/storage/cases.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/scan.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

// A withdrawal recorded on a case this vault holds as a copy (schema/
// bundle-v1.md 12.4): beside the owner's consent records, not in them.
struct WithdrawalMark {
  std::string at;                   // when the person withdrew (UTC)
  std::string extent;               // withdrawal_extent: all, listed_scopes, future_use
  std::vector<std::string> scopes;  // listed_scopes only
  std::string source;               // "local" (recorded here) or the id of the owner's notice
  std::string recorded_at;
};

// What a case's consent records add up to now (docs/storage.md "Consent"),
// computed here only: storage enforces it on every write, and
// core/disclosure decides from it what may go to whom. The current consent
// is the consent record with the latest given_at (then the latest
// created_at); a withdrawal on it with extent all or future_use withdraws the
// case, extent listed_scopes turns the listed scopes to "no"; a withdrawal
// mark recorded here on a copy does the same whatever the owner's copies say.
struct CurrentConsent {
  ConsentState state = ConsentState::none;
  std::string consent_id;                       // the current consent record ("" when none)
  std::string disclosure;                       // its disclosure level ("" when not answered)
  std::map<std::string, std::string> scopes;    // effective answers (withdrawn ones read "no")
  std::set<std::string> allowed_contacts;       // allowed_recipients[].contact
  std::set<std::string> allowed_organisations;  // allowed_recipients[].organisation, as written
  bool restricts_recipients = false;            // allowed_recipients lists anyone
  std::optional<WithdrawalMark> withdrawal_mark;  // recorded on this copy, if any

  // "yes", "no", "later" or "" (not answered by the current consent).
  std::string answer(const std::string& scope) const;
};

// One time the case left the vault for someone: a sealed bundle, a signed
// report (PDF) or a data export (CSV/JSON), read from the audit trail.
struct Dispatch {
  std::string contact_id;      // the recipient contact; "" for a kind of recipient
  std::string reference;       // the bundle's, report's or export's id
  std::string at;              // UTC
  AuditAction action = AuditAction::bundle_exported;  // bundle_exported, report_written or data_exported
  std::string recipient_kind;  // a report or export for a kind of recipient (no one named): its code
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
  // The case's consent as it stands (not_found for an unknown case).
  [[nodiscard]] expected<CurrentConsent, StorageError> current(std::string_view case_id);
  // current() of every case of the vault, handed to `visit` one case at a
  // time, oldest case first (cases without a consent record included, state
  // none), for statistics over many cases. Runs in chunks of cases
  // (scan.hpp; the withdrawal marks read once, then per chunk one query for
  // the cases with their consent records); only one case's consent records are
  // held at once. `visit` must not call into the vault (the vault's lock is
  // held while it runs).
  [[nodiscard]] expected<void, StorageError> for_each_current(
      const std::function<void(const std::string& case_id, const CurrentConsent& consent)>& visit,
      const ScanHooks& hooks = {});
  // To whom the case was already sent, oldest first: bundles
  // (bundle_exported), reports (report_written) and data exports
  // (data_exported) alike. Only bundle recipients hold records a notice can
  // reach (NoticeStore::issue uses action == bundle_exported).
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
