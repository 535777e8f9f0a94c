#pragma once
// Internal: one case as a report for one audience shows it. What may go is
// core::disclosure's answer (the one place consent, scopes, allowed
// recipients and redaction are decided); the report adds only its own rules:
// a contact must be verified (as for a bundle), interview sessions never go
// (schema/report-v1.md section 1), and the record files are hashed as a
// bundle would write them (section 3).
#include <string>
#include <vector>

#include "safehold/core/disclosure/disclosure.hpp"
#include "safehold/report/report.hpp"
#include "safehold/storage/record_meta.hpp"

namespace safehold::report::detail {

struct ReportRecord {
  storage::Record record;    // only the fields disclosure kept
  storage::RecordMeta meta;  // owner key filled in, withheld top-level fields listed (as in a bundle)
  std::vector<core::disclosure::WithheldField> withheld;  // every field left out, nested ones too
};

using report::LeftOut;  // report.hpp

struct ReportCase {
  std::vector<ReportRecord> records;  // the case record first, then oldest first; no interview sessions
  std::string consent_id;             // the current consent record, as storage decides it ("" when none)
  std::vector<LeftOut> left_out;
  bool identifying_included = false;
  std::string audience_kind;       // recipient_kind code
  std::string audience_name;       // the contact's display name, "" for an audience kind
  std::string audit_counterparty;  // contact id or "kind:<code>"
  std::string signer_key_id;       // the vault's minisign key id
  std::string signer_public_key;   // its key line

  const storage::Record& case_record() const { return records.front().record; }
};

[[nodiscard]] ReportResult<ReportCase> report_case(storage::Vault& vault, const ReportRequest& request);

// schema/report-v1.md section 3: SHA-256 over the SHA256SUMS-style lines of
// the disclosed record files, sorted by path. Lowercase hex.
std::string records_sha256(const ReportCase& c);
// The same over several cases (a data export): the lines of each case
// (record_lines), together, sorted by path.
std::vector<std::string> record_lines(const ReportCase& c);
std::string records_sha256(std::vector<std::string> lines);

// The generation time of a report or export: now, UTC, RFC 3339, seconds.
std::string now_utc();

ReportFailure from_storage(const storage::StorageError& e);
ReportFailure from_disclosure(const core::disclosure::DisclosureFailure& f);

}  // namespace safehold::report::detail
