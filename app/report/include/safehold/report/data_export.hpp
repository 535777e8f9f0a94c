#pragma once
// Data exports of cases as CSV or JSON (schema/export-v1.md), for an NGO's
// own systems. What goes to whom is decided exactly as for a report (the same
// report_case on core::disclosure); every file is signed with the vault's
// minisign key and written like a report: only when the caller passes
// PlaintextConsent::given, only inside a new folder, through temporaries
// published without replacing anything; one data_exported audit entry per
// case (never content).
//
//   ExportRequest req{.case_ids = {id}, .contact_id = ngo, .format = ExportFormat::csv};
//   auto done = write_data_export(vault, req, "/media/usb/export", PlaintextConsent::given);
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/report/error.hpp"
#include "safehold/report/report.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::report {

enum class ExportFormat { csv, json };
// "csv" / "json"; nullopt otherwise.
std::optional<ExportFormat> export_format_from_name(std::string_view name) noexcept;

struct ExportRequest {
  std::vector<std::string> case_ids;  // each must be allowed, or nothing is written
  // Instead of case_ids: every case of the vault the audience may receive;
  // a case whose consent refuses it is left out and listed (ComposedExport::
  // cases_left_out), never silently skipped. Refused when no case may go.
  bool every_case = false;
  std::string contact_id;             // either a verified contact...
  std::string audience_kind;          // ...or a recipient_kind code
  bool include_identifying = false;
  ExportFormat format = ExportFormat::csv;
  std::string generated_at;           // UTC RFC 3339; "" = now
};

// One file of an export, in memory, before it is signed and written.
struct ExportFile {
  std::string name;     // "incident.csv", "case-<id>.json"
  std::string content;  // the bytes
  std::size_t cases = 0;
  std::string records_sha256;  // of the cases the file holds
};

// A case an every_case export left out, and why (one line naming the case
// reference and the scope, never content). For the person exporting only:
// the files never name cases the audience may not have.
struct CaseLeftOut {
  std::string case_id;
  std::string reason;
};

struct ComposedExport {
  std::vector<ExportFile> files;
  std::vector<std::string> case_ids;
  std::vector<std::string> case_records_sha256;  // per case, for the audit
  std::vector<std::vector<std::string>> case_evidence_ids;  // per case: evidence items (custody "disclosed")
  std::vector<CaseLeftOut> cases_left_out;       // every_case only
  std::size_t records = 0;
  std::string audit_counterparty;                // contact id, or "kind:<code>"
  std::string audience_name;                     // the contact's display name, "" for a kind of recipient
  std::string generated_at;
};

// Everything but writing: consent checks for every case, redaction, the bytes.
[[nodiscard]] ReportResult<ComposedExport> compose_data_export(storage::Vault& vault, const ExportRequest& request);

struct ExportWritten {
  std::string export_id;
  std::vector<std::filesystem::path> files;  // each with FILE.minisig beside it
  std::size_t cases = 0;
  std::size_t records = 0;
  std::vector<CaseLeftOut> cases_left_out;  // every_case only
};

[[nodiscard]] ReportResult<ExportWritten> write_data_export(storage::Vault& vault, const ExportRequest& request,
                                                            const std::filesystem::path& directory,
                                                            PlaintextConsent plaintext);

// RFC 4180 field with the formula guard of schema/export-v1.md section 2.1.
std::string csv_cell(std::string_view value);

}  // namespace safehold::report
