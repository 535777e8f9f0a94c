#pragma once
// What the vault keeps about sealed bundles it received (docs/storage.md
// "Bundles received"): which bundles were imported (so importing one again
// changes nothing), where every imported record came from (provenance), the
// audit excerpts that came along, and the import steps themselves.
//
// Ownership rule (schema/bundle-v1.md 12.2): every record has one owner, the
// identity that created it (records.owner_key). A record carried by a bundle
// is written only if it is new (it then belongs to the signer), or if the
// signer owns the vault's copy and the incoming copy is newer (updated_at). An
// identical copy changes nothing; a different copy of a record the signer
// does not own is kept out and reported (not_owner), never applied. A consent
// record from a signer who does not own the case refuses the set.
//
// The import steps (begin_import … finish_import, the records,
// receive_attachment) must run inside a Batch on the calling thread; nothing
// is visible until it commits, and a rollback (or a crash) leaves the vault
// as it was.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/base/byte_io.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/attachments.hpp"
#include "safehold/storage/audit.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/records.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

struct ImportedBundle {
  std::string bundle_id;
  std::string created;            // when the sender sealed it (UTC, RFC 3339)
  std::string signer_key;         // minisign public key line that signed it
  std::string signer_key_id;      // 16 upper-case hex digits
  std::string sender_contact_id;  // the contact holding that key at import time ("" if none)
  std::string sender_name;        // the name in the signed manifest
  std::string imported_at;
  bool unverified = false;        // imported although the contact was not verified
  Hash32 sums_sha256{};           // SHA-256 of the bundle's SHA256SUMS
  std::int64_t cases = 0;
  std::int64_t records_written = 0;  // new or replaced records
  std::int64_t attachments = 0;
};

// Where an imported record came from: the bundle that last wrote it.
struct RecordProvenance {
  std::string record_id;
  std::string first_bundle_id;
  ImportedBundle bundle;  // the last bundle that wrote it
};

enum class IncomingState {
  fresh,      // not in the vault: will be inserted, owned by the signer
  identical,  // nothing to do: the same copy, or a copy with fewer fields of the same revision
  newer,      // from the record's owner, descending from the vault's revision: replaces it
  upgraded,   // the same revision with fields the vault's copy was told were withheld
  older,      // stale: the vault's revision descends from it: kept
  not_owner,  // the signer does not own it (relayed, or the vault's copy is another's): kept
  conflict,   // neither descends from the other: set aside for a person to settle
  mismatch,   // an id that is another entity or case in this vault: refuses the set
  refused,    // a consent record not from the case owner: refuses the set
};

// A record as it arrived: format version 2 carries its owner (the key line
// the bundle names), revision and withheld fields; version 1 none.
struct IncomingRecord {
  Record record;
  std::optional<RecordMeta> meta;
};

// What importing a set of records does, by record id.
struct ImportOutcome {
  std::vector<std::string> created, updated, upgraded, stale, not_from_owner, conflicts;
  std::size_t unchanged = 0;
  std::size_t written() const { return created.size() + updated.size() + upgraded.size(); }
};

// The ledger's decision on a set of records of one bundle (plan_records).
// Only the ledger makes one and writes from it; the caller sees what it
// needs to order the writes.
class ReceivedPlan {
 public:
  const ImportOutcome& outcome() const noexcept { return outcome_; }
  // The records to write (fresh, newer, upgraded), in the set's order.
  std::size_t size() const noexcept { return writes_.size(); }
  const Record& record(std::size_t i) const { return writes_.at(i).record; }

 private:
  friend class BundleLedger;
  struct Write {
    Record record;    // as to be stored (a newer copy may keep held values)
    RecordMeta meta;  // owner (as stored: '' = this vault) and revision
    bool update = false;
    bool stored = false;
  };
  struct Aside {
    IncomingRecord incoming;
    std::string reason;
  };
  std::string bundle_id_;
  std::string signer_key_;
  ImportOutcome outcome_;
  std::vector<Write> writes_;
  std::vector<Aside> aside_;
  bool settled_ = false;
};

// An incoming copy set aside because it conflicts with the vault's.
struct HeldConflict {
  std::string id;  // uuid4 of the conflict
  std::string record_id, case_id, bundle_id, signer_key, reason, detected_at;
  Record theirs;
  RecordMeta theirs_meta;  // owner as the bundle named it
};

enum class Settlement {
  keep_mine,    // discard the incoming copy
  take_theirs,  // the incoming copy replaces the vault's (owner, revision, withheld)
  keep_both,    // the incoming copy becomes a new record of this vault (not for case, consent, or another's record)
};

struct IncomingVerdict {
  IncomingState state = IncomingState::fresh;
  std::string reason;  // for conflicts: one line naming the record id and why
};

struct AuditExcerpt {
  std::string signer_key;  // with bundle_id, names the imported bundle
  std::string bundle_id;
  std::string path;  // audit/<case-id>/<name>
  std::string case_id;
  std::vector<std::uint8_t> content;
};

// An attachment arriving in a bundle, re-encrypted into the vault as its
// bytes pass (constant memory). finish() makes the file durable and adds its
// key row inside the current Batch; destroying it unfinished removes the
// temporary. The evidence record is left exactly as received (no size/hash
// rewrite, no "hashed" custody event: the bundle importer records "received").
class IncomingAttachment : public base::ByteSink {
 public:
  ~IncomingAttachment() override = default;
  // Fills info.size and info.sha256 (of the plaintext, computed here).
  [[nodiscard]] virtual expected<AttachmentInfo, StorageError> finish() = 0;
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class BundleLedger {
 public:
  explicit BundleLedger(detail::VaultState* state) noexcept : s_(state) {}

  // A bundle is known by its signer and id together (schema/bundle-v1.md 8,
  // step 6): another signer may put the same id on a bundle of its own.
  [[nodiscard]] expected<std::optional<ImportedBundle>, StorageError> find(std::string_view signer_key,
                                                                         std::string_view bundle_id);
  // Newest import first.
  [[nodiscard]] expected<std::vector<ImportedBundle>, StorageError> list();
  // nullopt for records that did not come from a bundle (the vault's own).
  [[nodiscard]] expected<std::optional<RecordProvenance>, StorageError> provenance(std::string_view record_id);
  [[nodiscard]] expected<std::vector<AuditExcerpt>, StorageError> audit_excerpts(std::string_view case_id);

  // What importing `incoming` (signed by `signer_key`) would do. Read-only.
  [[nodiscard]] expected<IncomingVerdict, StorageError> classify(const IncomingRecord& incoming,
                                                                 std::string_view signer_key);
  // Conflicting copies set aside, of one case or ("") all, oldest first.
  [[nodiscard]] expected<std::vector<HeldConflict>, StorageError> conflicts(std::string_view case_id = {});
  // Settles a conflict, audited; returns the id of the record kept (a new id
  // for keep_both). not_found, not_allowed (keep_both where it does not fit),
  // or the refusals of any write (consent, references).
  [[nodiscard]] expected<std::string, StorageError> settle(std::string_view conflict_id, Settlement how);

  // ---- import steps: inside a Batch only (invalid_argument otherwise) ----

  // Records the bundle (counts zero) so provenance can refer to it.
  // already_exists if this signer's bundle id was imported before.
  [[nodiscard]] expected<void, StorageError> begin_import(const ImportedBundle& bundle);
  // A set of records of one bundle (e.g. one case), as received, in three
  // steps that core::casework::write_received_set drives (the one writer of
  // record sets, which orders the writes by the model):
  // 1. plan_records: validates each record in read mode and decides it by
  //    the rules of IncomingState. A mismatch (not_allowed) or a consent not
  //    from the case owner (invalid_record) refuses the set; contacts are
  //    refused (invalid_record: they never travel). Records of a case this
  //    vault neither holds nor gets in the set (relayed) are kept out
  //    (not_from_owner). Writes nothing.
  [[nodiscard]] expected<ReceivedPlan, StorageError> plan_records(std::string_view bundle_id,
                                                                  std::string_view signer_key,
                                                                  const std::vector<IncomingRecord>& records);
  // 2. store_planned: writes plan.record(i) as received (id, timestamps,
  //    owner and revision kept; fresh ones inserted, newer and upgraded ones
  //    replace the vault's copy) with the case and consent checks of any
  //    write, records its provenance, audited as record_imported. Its
  //    references wait for step 3 (they may run any way inside the set).
  //    invalid_argument if record i was stored already.
  [[nodiscard]] expected<void, StorageError> store_planned(ReceivedPlan& plan, std::size_t i);
  // 3. settle_planned: checks the references of every record written (a
  //    reference to a contact this vault does not have is kept as an id:
  //    contacts are not shared), lifts the withdrawal mark a newer consent
  //    answers (bundle-v1.md 12.4), and sets conflicts aside
  //    (record_conflicts, audited). invalid_argument if a record of the plan
  //    was not stored, or the plan was settled before. Until it succeeds the
  //    Batch cannot commit (not_allowed) once a record of the plan is
  //    stored; when it fails, the Batch can only roll back.
  [[nodiscard]] expected<void, StorageError> settle_planned(ReceivedPlan& plan);
  // Content for an evidence item that has none yet. Errors: not_found,
  // not_allowed (not an evidence item), attachment_exists.
  [[nodiscard]] expected<std::unique_ptr<IncomingAttachment>, StorageError> receive_attachment(
      std::string_view evidence_id);
  [[nodiscard]] expected<void, StorageError> keep_audit_excerpt(const AuditExcerpt& excerpt);
  // Stores the final counts of the bundle begun with begin_import.
  [[nodiscard]] expected<void, StorageError> finish_import(std::string_view signer_key, std::string_view bundle_id,
                                                           std::int64_t cases,
                                                           std::int64_t records_written,
                                                           std::int64_t attachments);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
