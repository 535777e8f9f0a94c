#pragma once
// What a case records when a disclosure leaves the vault as plaintext (a
// signed report PDF, a CSV/JSON data export): the one place that writes it,
// so the CLI and the GUI record the same thing (schema/report-v1.md section
// 5, schema/export-v1.md section 4).
//
//   HandOut h{HandedOutAs::report, report_id, "kind:lawyer", "", generated_at,
//             {{case_id, {evidence ids...}, pdf_sha256}}};
//   auto batch = record_handed_out(vault, h);   // nothing is stored yet
//   ... publish the files ... or drop the batch: nothing recorded
//
// Per case, in one batch (the audit entry last):
// - the audit entry (report_written / data_exported): the case, for whom
//   (contact id or "kind:<recipient kind>"), the report's or export's id, a
//   digest. ConsentService::sent_to reads these beside bundle_exported, so
//   `consent show`, the export check and a withdrawal's refusal list a
//   report's or export's recipient as one who holds the case;
// - a custody event `disclosed` on every evidence item whose hash and
//   metadata went out: when, by whom (the vault owner), and a note naming
//   what and for whom. Like the notes of `transferred`, disclosure never
//   hands that note on (it names other holders of the case).
// The batch is the caller's to commit, just before the files appear, so a
// write refused or failed before that records nothing and a file that
// exists is never missing from the case. A publish that fails after the
// commit (the name taken meanwhile, a rename refused) leaves the record of a
// disclosure whose file is not there: the safe side, as for bundles, since
// a kill between the two must never leave a disclosure unrecorded.
//
// Statistics carry no case and record nothing here.
#include <string>
#include <vector>

#include "safehold/core/disclosure/disclosure.hpp"
#include "safehold/storage/audit.hpp"

namespace safehold::core::disclosure {

enum class HandedOutAs { report, data_export_csv, data_export_json };

// One case of a hand-out.
struct HandedOutCase {
  std::string case_id;
  std::vector<std::string> evidence_ids;  // evidence items whose hash and metadata went out
  storage::Hash32 digest{};               // report: SHA-256 of the PDF; export: the case's records SHA-256
};

struct HandOut {
  HandedOutAs as = HandedOutAs::report;
  std::string id;              // the report's or export's id
  std::string audience;        // contact id, or "kind:<recipient kind>"
  std::string audience_name;   // the contact's display name ("" for a kind of recipient)
  std::string at;              // when it was made, UTC RFC 3339
  std::vector<HandedOutCase> cases;
};

// The custody note: what and for whom ("signed report (PDF) <id> for <name>").
std::string custody_note(const HandOut& h);

// Appends every entry above in a new batch and returns it uncommitted.
[[nodiscard]] DisclosureResult<storage::Batch> record_handed_out(storage::Vault& vault, const HandOut& h);

}  // namespace safehold::core::disclosure
