#pragma once
// Casework: the one writer of a set of records: new ones (an intake, a
// record added to a case, a case imported from JSON: write_record_set) and
// those a bundle brings (write_received_set). Both programs and the bundle
// import use it; none writes a set of records by hand.
//
//   casework::RecordSet set;
//   set.records.push_back({draft_case_id, "case", case_fields});
//   set.records.push_back({draft_person_id, "person", person_fields});
//   set.records.push_back({"", "evidence_item", ev_fields, "/path/photo.jpg"});
//   auto written = casework::write_record_set(vault, set, hooks);
//
// Contract:
// - One vault batch: every record and every attachment is stored, or nothing
//   (a failure, a refusal or a cancel rolls everything back).
// - Order, derived from the model (schema/model/entities.json), not from the
//   caller: records outside a case (the case) first, then records that answer
//   consent scopes (those with a `scopes` field: consent), then the rest in
//   the caller's order. So the consent gate sees the set's own consent before
//   any field that needs one of its scopes (schema::write_rank).
// - References: a ref/refs field (nested ones too) holding the draft id of
//   another record of the set is rewritten to the id the vault assigned. A
//   record whose reference points at a record of the set not yet written is
//   first stored without the top-level fields holding such references, then
//   updated with them once every record is in (references may run both ways:
//   consent -> person, legal measure <-> evidence item). References to
//   records already in the vault are kept as they are.
// - The case: a set either holds exactly one case record (a new case) and no
//   `case_id`, or no case record and the `case_id` of an existing case.
// - Attachments: an evidence item's `attachment` file is imported right after
//   the record is stored; hooks.cancel_requested stops it (cancelled).
// - Errors name the record by its index in `records` and its entity, with
//   storage's one-line detail (ids, field names, codes: never content).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/storage/bundle_ledger.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::core::casework {

struct NewRecord {
  std::string draft_id;  // the caller's id, which other records of the set may refer to ("" when none do)
  std::string entity;
  nlohmann::json fields = nlohmann::json::object();
  std::filesystem::path attachment;  // evidence_item only: the file whose content it holds ("" for none)
};

struct RecordSet {
  std::string case_id;  // an existing case; "" when `records` holds the case record
  std::vector<NewRecord> records;
};

enum class RecordSetError {
  invalid_set,  // no case, two cases, an attachment on a record that is not evidence, duplicate draft ids
  record,       // storing records[index] failed (see `vault`)
  attachment,   // importing records[index]'s attachment failed (see `vault`)
  commit,       // the batch could not be committed (see `vault`)
};

struct RecordSetFailure {
  RecordSetError code = RecordSetError::invalid_set;
  std::optional<std::size_t> index;  // the record concerned
  std::string entity;
  std::optional<storage::StorageError> vault;
  std::string detail;  // for invalid_set

  std::string describe() const;  // one line
};

struct WrittenSet {
  std::string case_id;
  std::vector<storage::Record> records;       // as finally stored, in the order of `records`
  std::map<std::string, std::string> ids;     // draft id -> stored id
};

struct WriteHooks {
  storage::OperationHooks file;                // progress and cancel of each attachment import
  std::function<void(std::size_t index)> attachment_done;  // after records[index]'s file is in
};

[[nodiscard]] expected<WrittenSet, RecordSetFailure> write_record_set(storage::Vault& vault, const RecordSet& set,
                                                                      const WriteHooks& hooks = {});

// Records as one bundle brought them (e.g. one case's), signed by `signer_key`.
struct ReceivedSet {
  std::string bundle_id;
  std::string signer_key;  // the minisign public key line
  std::vector<storage::IncomingRecord> records;
};

// Writes a received set inside the caller's open Batch (the bundle import
// stages a whole bundle in one, begun with BundleLedger::begin_import, and
// rolls it all back on any refusal). Records keep the sender's ids,
// timestamps, owner and revision; the ledger decides each one
// (storage::IncomingState: new, newer and upgraded ones are written, conflicts
// set aside, the rest left as they are; a mismatch or a consent not from the
// case owner refuses the set), in the model's order like write_record_set;
// references may run any way inside the set and are checked once all are in.
// Attachments are not part of it: they come from the bundle stream
// (BundleLedger::receive_attachment), never from a file.
// Failures are `record` with storage's error (it names the record id) and,
// where one record's write failed, its entity; no batch open is
// storage's invalid_argument.
[[nodiscard]] expected<storage::ImportOutcome, RecordSetFailure> write_received_set(storage::Vault& vault,
                                                                                   const ReceivedSet& set);

}  // namespace safehold::core::casework
