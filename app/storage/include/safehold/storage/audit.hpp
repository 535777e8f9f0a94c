#pragma once
// The vault's append-only, hash-chained audit trail (docs/storage.md "Audit
// trail"). Every create, change and delete of a record, every attachment
// import/read/export/delete and every bundle export/import appends one entry
// in the same database transaction as the change itself.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

using Hash32 = std::array<std::uint8_t, 32>;

// Fixed action names, stored as text ("record_created"...).
enum class AuditAction {
  vault_created,
  passphrase_changed,
  owner_changed,
  record_created,
  record_updated,
  record_deleted,
  record_imported,       // a record stored as received in a bundle
  attachment_imported,
  attachment_read,
  attachment_exported,   // plaintext copy written outside the vault
  attachment_deleted,
  bundle_exported,       // one entry per (case, recipient)
  bundle_imported,       // one entry per imported case
  identity_created,      // the vault's age and minisign keys were made
  identity_exported,     // the age identity was written to a file (identity export-age-key)
  vault_restored,        // the vault was recreated from a backup (reference: the backup's time)
  conflict_set_aside,    // an import kept a conflicting incoming copy aside (reference: conflict id)
  conflict_kept_mine,    // settled: the incoming copy discarded
  conflict_took_theirs,  // settled: the incoming copy replaced the vault's
  conflict_kept_both,    // settled: the incoming copy kept as a new record of this vault
  withdrawal_marked,     // a withdrawal recorded on a case held as a copy (reference: "local" or notice id)
  report_written,        // a signed PDF report of the case was written (schema/report-v1.md section 5)
  data_exported,         // the case went into a signed CSV/JSON data export (schema/export-v1.md section 4)
  statistics_written,    // a signed statistics PDF was written (schema/stats-v1.md section 5; no case: counts only)
  notice_issued,         // a withdrawal or deletion notice issued as case owner (object: the notice; reference: its kind)
  notice_sent,           // a bundle carrying a notice was written (counterparty: recipient; reference: bundle id)
  notice_applied,        // a notice received from the case owner applied (object: the notice; reference: bundle id)
  withdrawal_lifted,     // a notice's withdrawal mark removed: the owner sent a later consent (reference: its id)
};
const char* to_string(AuditAction a) noexcept;

struct AuditEntry {
  std::int64_t seq = 0;
  std::string at;            // UTC, RFC 3339
  std::string actor;         // the vault owner's name
  std::string action;        // to_string(AuditAction)
  std::string object_type;   // entity name, "attachment", "vault"
  std::string object_id;
  std::string case_id;       // "" when not about a case
  std::string counterparty;  // contact id of a bundle recipient or sender, else ""
  std::string reference;     // bundle id, attachment id..., else ""
  Hash32 digest{};           // SHA-256 of the change (e.g. the record JSON)
  Hash32 prev_hash{};        // entry_hash of the previous entry; zeros for the first
  Hash32 entry_hash{};
};

// SHA-256 over the canonical encoding of every field but entry_hash:
// "safehold-audit-entry-v1" then, for seq (decimal ASCII), at, actor, action,
// object_type, object_id, case_id, counterparty, reference, digest, prev_hash,
// a 4-byte big-endian length followed by the bytes. Bundle verifiers
// recompute it the same way.
Hash32 compute_entry_hash(const AuditEntry& entry);

struct AuditVerification {
  bool intact = false;
  std::int64_t entries = 0;           // entries read
  std::int64_t first_broken_seq = 0;  // 0 when intact
  std::string reason;                 // one line, no content
};

// What bundle export/import append (the only events callers append directly;
// record and attachment events are written by the vault itself).
struct BundleEvent {
  AuditAction action = AuditAction::bundle_exported;  // bundle_exported or bundle_imported
  std::string case_id;
  std::string counterparty;  // recipient (export) or sender (import) contact id
  std::string bundle_id;
  Hash32 digest{};           // e.g. SHA-256 of the bundle's SHA256SUMS
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class AuditTrail {
 public:
  explicit AuditTrail(detail::VaultState* state) noexcept : s_(state) {}

  // Recomputes the whole chain and checks the MACed head: detects modified,
  // deleted, inserted and reordered entries and a cut-off tail.
  [[nodiscard]] expected<AuditVerification, StorageError> verify();
  [[nodiscard]] expected<std::vector<AuditEntry>, StorageError> for_case(std::string_view case_id);
  [[nodiscard]] expected<std::vector<AuditEntry>, StorageError> for_object(std::string_view object_id);
  // Entries with seq > after_seq, at most `limit` (the audit viewer pages with it).
  [[nodiscard]] expected<std::vector<AuditEntry>, StorageError> page(std::int64_t after_seq,
                                                                     std::size_t limit);
  // Appends a bundle export/import entry in its own transaction (or in the
  // current Batch).
  [[nodiscard]] expected<AuditEntry, StorageError> record_bundle_event(const BundleEvent& event);
  // Appends a report_written entry (schema/report-v1.md section 5): the case,
  // for whom (contact id or "kind:<recipient kind>"), the report id, the
  // SHA-256 of the PDF. Never content.
  [[nodiscard]] expected<AuditEntry, StorageError> record_report_written(std::string_view case_id,
                                                                         std::string_view audience,
                                                                         std::string_view report_id,
                                                                         const Hash32& pdf_sha256);
  // Appends a data_exported entry (schema/export-v1.md section 4): the case,
  // for whom, the export id, the case's records SHA-256. Never content.
  [[nodiscard]] expected<AuditEntry, StorageError> record_data_exported(std::string_view case_id,
                                                                        std::string_view audience,
                                                                        std::string_view export_id,
                                                                        const Hash32& records_sha256);
  // Appends a statistics_written entry (schema/stats-v1.md section 5): the
  // PDF's id, what was counted ("by=year,outcome min_cell=5"), the SHA-256
  // of the PDF. About no case; never a count or any content.
  [[nodiscard]] expected<AuditEntry, StorageError> record_statistics_written(std::string_view pdf_id,
                                                                             std::string_view counted_by,
                                                                             const Hash32& pdf_sha256);
  // True if a bundle with this id was already imported into this vault
  // (a bundle_imported entry names it): import refuses it and changes nothing.
  [[nodiscard]] expected<bool, StorageError> bundle_imported(std::string_view bundle_id);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
