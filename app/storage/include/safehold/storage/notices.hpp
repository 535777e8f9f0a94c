#pragma once
// Withdrawal and deletion notices that travel (schema/bundle-v1.md 12.4,
// docs/exchange.md "Notices"). A case owner's vault issues a notice when
// consent is withdrawn or records are deleted, addressed to every contact an
// earlier bundle of the case went to, and remembers to whom a bundle carrying
// it was sent. A receiving vault applies a notice only when the signer owns
// the case it holds, once per notice id.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

// A notice as it travels. Ids, codes and times only: no record content.
struct Notice {
  std::string id;         // uuid4, random per notice
  std::string kind;       // "withdrawal" or "deletion"
  std::string case_id;
  std::string owner_key;  // the case owner's minisign key line (filled in by the exporter for this vault's own)
  std::string issued_at;  // UTC
  // kind withdrawal:
  std::string withdrawn_at;         // when the person withdrew (UTC)
  std::string extent;               // withdrawal_extent: all, listed_scopes, future_use
  std::vector<std::string> scopes;  // listed_scopes only, ascending
  // kind deletion: the deleted record ids, ascending; empty: the whole case.
  std::vector<std::string> records;
  bool operator==(const Notice&) const = default;
};

struct NoticeDelivery {
  std::string contact_id;
  std::string bundle_id;  // "" until a bundle carrying the notice was written for this contact
  std::string sent_at;    // "" likewise
  bool sent() const noexcept { return !bundle_id.empty(); }
};

struct IssuedNotice {
  Notice notice;
  std::vector<NoticeDelivery> deliveries;  // by contact id
};

enum class NoticeOutcome { applied, not_applied, already_applied };
const char* to_string(NoticeOutcome o) noexcept;

// What a receiving vault did with a notice.
struct NoticeResult {
  std::string notice_id;
  std::string kind;
  std::string case_id;
  NoticeOutcome outcome = NoticeOutcome::not_applied;
  std::string reason;                // not applied: why (ids only)
  std::vector<std::string> deleted;  // deletion: record ids removed here
  std::vector<std::string> kept;     // deletion: listed ids kept (another owner's, or still referred to)
  std::vector<std::string> absent;   // deletion: listed ids this vault does not hold in the case
};

// A notice this vault applied.
struct AppliedNotice {
  Notice notice;
  std::string signer_key;
  std::string bundle_id;
  std::string applied_at;
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class NoticeStore {
 public:
  explicit NoticeStore(detail::VaultState* state) noexcept : s_(state) {}

  // Issues `notice` (id and issued_at filled in when empty) for a case this
  // vault owns, addressed to every contact an earlier bundle of the case went
  // to; audited notice_issued. Nobody received the case: nothing is issued
  // (nullopt). Joins the current Batch, so a withdrawal or deletion and its
  // notice are one change. not_allowed for a case another identity owns
  // (a copy holder's withdrawal or deletion stays local).
  [[nodiscard]] expected<std::optional<IssuedNotice>, StorageError> issue(Notice notice);
  // Notices this vault issued (for one case, or all), oldest first.
  [[nodiscard]] expected<std::vector<IssuedNotice>, StorageError> issued(std::string_view case_id = {});
  // A bundle carrying the notice was written for the contact.
  [[nodiscard]] expected<void, StorageError> mark_sent(std::string_view notice_id, std::string_view contact_id,
                                                       std::string_view bundle_id, std::string_view at);

  // Applies a notice received in bundle `bundle_id` signed by `signer_key`
  // (schema/bundle-v1.md 12.4): only if the signer owns the case this vault
  // holds; a notice id applied before from the same signer is skipped (a
  // notice id is its issuer's: another signer's under the same id does not
  // stop it). Withdrawal: a withdrawal
  // mark (source: the notice id; a full withdrawal held is never narrowed).
  // Deletion: the listed records the signer owns, or the whole case, deleted
  // as a local delete would (attachments crypto-shredded); records still
  // referred to by this vault's own are kept. Audited notice_applied (and
  // withdrawal_marked / record_deleted with the notice id). Joins the Batch.
  [[nodiscard]] expected<NoticeResult, StorageError> apply(const Notice& notice, std::string_view signer_key,
                                                           std::string_view bundle_id);
  // Whether `signer_key`'s notice `notice_id` was applied here.
  [[nodiscard]] expected<bool, StorageError> was_applied(std::string_view notice_id, std::string_view signer_key);
  // Notices applied here (for one case, or all), oldest first.
  [[nodiscard]] expected<std::vector<AppliedNotice>, StorageError> applied(std::string_view case_id = {});

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
