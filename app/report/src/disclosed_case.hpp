#pragma once
// Internal: what of one case may go into a report for one audience
// (schema/report-v1.md section 1), decided by the rules of a bundle to the
// same audience. This is the one place the report module asks about consent
// and redaction: when core's disclosure module (issue 12) lands, this file
// becomes a call to it.
#include <string>
#include <vector>

#include "safehold/report/report.hpp"
#include "safehold/storage/record_meta.hpp"

namespace safehold::report::detail {

struct DisclosedRecord {
  storage::Record record;    // redacted
  storage::RecordMeta meta;  // owner key filled in, withheld fields listed
};

// One reason something is not in the report, with how many records it
// concerns (section 1: "what was left out and why").
struct LeftOut {
  std::string reason;  // identifying_not_requested, identifying_not_allowed, custody_note, interview_sessions
  std::size_t records = 0;
};

struct DisclosedCase {
  storage::Record case_record;           // redacted like the others
  std::vector<DisclosedRecord> records;  // the case record first, then oldest first; no interview sessions
  std::vector<LeftOut> left_out;
  bool identifying_included = false;
  std::string audience_kind;          // recipient_kind code
  std::string audience_name;          // the contact's display name, "" for an audience kind
  std::string audit_counterparty;     // contact id or "kind:<code>"
  std::string signer_key_id;          // the vault's minisign key id
  std::string signer_public_key;      // its key line
};

[[nodiscard]] ReportResult<DisclosedCase> disclose_case(storage::Vault& vault, const ReportRequest& request);

// schema/report-v1.md section 3: SHA-256 over the SHA256SUMS-style lines of
// the disclosed record files, sorted by path. Lowercase hex.
std::string records_sha256(const DisclosedCase& c);

ReportFailure from_storage(const storage::StorageError& e);

}  // namespace safehold::report::detail
