#pragma once
// Disclosure: the one answer to "what of this case may go to this audience"
// (data-model.md "Consent is enforced"). Bundle export uses it; reports,
// data exports and statistics are to use it too, and decide nothing of
// their own.
//
//   auto to = disclosure::Audience::contact(contact_id);  // or ::of_kind("un_body"), ::statistics()
//   auto c = disclosure::disclose_case(vault, case_id, to);
//   if (!c) ...                       // unknown case or contact, vault error
//   if (!c->allowed()) show(c->refusals);   // nothing of the case may go
//   for (const auto& r : c->records) ...    // r.record.fields: only what may go
//
// The rules, per case and audience:
// - consent: the case has a current consent (storage::CurrentConsent, the one
//   computation, withdrawal marks on copies included) and it is not
//   withdrawn;
// - scope: the audience's V-Scope answers "yes": a contact or a kind of
//   recipient (recipient_kind) needs its kind's sharing scope (lawyer ->
//   share_own_lawyer, ngo -> share_named_ngos, host_authority ->
//   share_host_authorities, un_body -> share_un_bodies); statistics need
//   anonymised_statistics;
// - allowed recipients: when the consent lists allowed recipients, a contact
//   must be one of them (by id, or by its organisation, compared without case
//   and surrounding blanks); a kind of recipient, which names nobody, is
//   refused then;
// - identifying fields (per the model, nested ones too) are withheld unless
//   the caller asks for them AND the consent allows them (scope
//   store_real_identity "yes" and disclosure level "named"); asking when the
//   consent does not allow it is a refusal, never a silent omission.
//   Statistics never include them (asking is a refusal);
// - the note of a custody event "transferred", "received" or "disclosed"
//   names an earlier bundle, report or export and its recipients or sender:
//   always withheld (a disclosure never tells its audience who else had the
//   case).
// A contact without a kind of recipient is refused (its consent cannot be
// checked). Whether a contact's keys were verified is not disclosure's
// question: bundle export checks it.
//
// Every refusal is one line naming the case reference and the missing scope
// (and the contact id), never testimony or names of people.
//
// Callable from any thread (the vault serialises access). Reads only.
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/attachments.hpp"
#include "safehold/storage/consent.hpp"
#include "safehold/storage/records.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::core::disclosure {

enum class DisclosureError {
  not_found,      // no such case or contact (detail: the id)
  invalid_input,  // an audience that is not one (unknown kind, not a contact)
  vault_failed,   // the vault refused or failed: see `vault`
};

struct DisclosureFailure {
  DisclosureError code = DisclosureError::vault_failed;
  std::string detail;  // ids, codes and references only
  std::optional<storage::StorageError> vault;

  std::string describe() const;  // one line
};

template <class T>
using DisclosureResult = expected<T, DisclosureFailure>;

// Who would see the case.
struct Audience {
  enum class Kind {
    contact,     // one contact of the address book (contact_id)
    recipients,  // any recipient of a kind (recipient_kind), named nowhere
    statistics,  // counted in anonymised statistics (no records leave as such)
  };
  Kind kind = Kind::contact;
  std::string contact_id;      // Kind::contact
  std::string recipient_kind;  // Kind::recipients; for a contact, filled in from the contact

  static Audience contact(std::string contact_id);
  static Audience of_kind(std::string recipient_kind);
  static Audience statistics();
};

// The V-Scope sharing scope a recipient kind needs ("" for an unknown kind).
std::string sharing_scope_for(std::string_view recipient_kind);

// The case's consent as it stands: state, current consent record, disclosure
// level, effective scope answers, allowed recipients, local withdrawal mark.
using ConsentSummary = storage::CurrentConsent;

// One reason (part of) a case may not go.
struct Refusal {
  std::string contact_id;  // the audience's contact, "" otherwise
  std::string scope;       // the V-Scope code that is missing, if that is the reason
  std::string message;     // one line naming the case reference (and the scope or contact)
};

struct DisclosureOptions {
  bool include_identifying = false;  // ask for identifying fields (needs consent: see above)
};

// Why a field was left out.
enum class WithheldReason {
  identifying,          // identifying per the model, and not allowed or not asked for
  names_other_holders,  // names an earlier bundle's, report's or export's recipients, or a sender
};
const char* describe(WithheldReason reason) noexcept;

struct WithheldField {
  std::string path;  // "legal_name", "interpreter.name", "aliases"
  WithheldReason reason = WithheldReason::identifying;
};

// One record as it may go: `record.fields` holds only the fields kept.
struct DisclosedRecord {
  storage::Record record;
  std::vector<WithheldField> withheld;  // sorted by path; empty when nothing was left out
  // The evidence item's content (evidence_item only, when it has content).
  // Opening it is the caller's business (vault.attachments().get(id)).
  std::optional<storage::AttachmentInfo> attachment;
};

// What may go of one case to one or more audiences, without the records.
struct CaseDisclosure {
  std::string case_id;
  std::string reference;
  ConsentSummary consent;
  std::vector<Audience> audiences;  // as asked, contacts' kinds filled in
  // Every reason, per audience in order, then the identifying-field one.
  // Empty means the case may go to every audience.
  std::vector<Refusal> refusals;
  bool identifying_included = false;  // asked for and allowed
  bool counts_in_statistics = false;  // consent given, not withdrawn, anonymised_statistics "yes"

  bool allowed() const noexcept { return refusals.empty(); }
};

// A case as it may go: the decision, and the records when allowed().
struct DisclosedCase : CaseDisclosure {
  // The case record first, then the case's records oldest first. Empty
  // unless allowed(): nothing of a refused case is handed out.
  std::vector<DisclosedRecord> records;
};

// The decision alone (no records read). Fails only for an unknown case or
// contact, an audience that is not one, or a vault error.
[[nodiscard]] DisclosureResult<CaseDisclosure> check_case(storage::Vault& vault, std::string_view case_id,
                                                          std::span<const Audience> audiences,
                                                          const DisclosureOptions& options = {});
// The decision and, when allowed, the records with what was withheld.
[[nodiscard]] DisclosureResult<DisclosedCase> disclose_case(storage::Vault& vault, std::string_view case_id,
                                                            std::span<const Audience> audiences,
                                                            const DisclosureOptions& options = {});
[[nodiscard]] DisclosureResult<DisclosedCase> disclose_case(storage::Vault& vault, std::string_view case_id,
                                                            const Audience& audience,
                                                            const DisclosureOptions& options = {});

// May the case be counted in anonymised statistics? (check_case with
// Audience::statistics(), as a yes or no.)
[[nodiscard]] DisclosureResult<bool> counts_in_statistics(storage::Vault& vault, std::string_view case_id);

// counts_in_statistics of every case of the vault at once (the same rule,
// the consents read in one go): statistics over 100,000 cases.
struct StatisticsConsent {
  std::set<std::string, std::less<>> counted;  // ids of the cases that may be counted
  std::size_t cases = 0;                       // every case of the vault
};
// In chunks of cases (storage/scan.hpp): `hooks` may cancel between them
// (vault_failed, with the storage error `cancelled` in `vault`).
[[nodiscard]] DisclosureResult<StatisticsConsent> cases_in_statistics(storage::Vault& vault,
                                                                     const storage::ScanHooks& hooks = {});

}  // namespace safehold::core::disclosure
