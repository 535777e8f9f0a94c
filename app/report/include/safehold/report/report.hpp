#pragma once
// The signed evidence report of one case for one audience
// (schema/report-v1.md):
//
//   ReportRequest req{.case_id = id, .contact_id = lawyer, .language = Language::zh_hant};
//   auto doc = compose_report(vault, req);          // checks consent, writes nothing
//   write_report(vault, req, "/media/usb/SH-2026-0042.pdf", PlaintextConsent::given);
//
// Consent and identifying fields follow the rules of a bundle to the same
// audience. The PDF is plaintext: write_report writes it only when the caller
// passes PlaintextConsent::given (the user said --plaintext, or confirmed the
// GUI's question), only to the path given, through a temporary beside it that
// is published without replacing anything, with FILE.pdf.minisig signed by
// the vault's minisign key; and records it in the case
// (core::disclosure::record_handed_out: one report_written audit entry, what
// and for whom, never content; a custody event "disclosed" on every evidence
// item listed).
#include <filesystem>
#include <string>
#include <vector>

#include "safehold/report/document.hpp"
#include "safehold/report/error.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::report {

struct ReportRequest {
  std::string case_id;
  std::string contact_id;      // either a verified contact...
  std::string audience_kind;   // ...or a recipient_kind code (lawyer, ngo, host_authority, un_body)
  bool include_identifying = false;
  schema::Language language = schema::Language::en;
  Paper paper = Paper::a4;
  std::string generated_at;    // UTC RFC 3339; "" = now
};

// One reason something is not in the report, with how many records it
// concerns (schema/report-v1.md section 1: "what was left out and why"):
// identifying_fields, custody_note, interview_sessions.
struct LeftOut {
  std::string reason;
  std::size_t records = 0;
};

struct ComposedReport {
  Document document;
  std::string reference;
  std::string records_sha256;  // schema/report-v1.md section 3
  std::size_t records = 0;
  bool identifying_included = false;
  std::string audit_counterparty;  // contact id, or "kind:<code>"
  std::string audience_name;       // the contact's display name, "" for a kind of recipient
  std::vector<std::string> evidence_ids;  // evidence items listed (each gets a custody event "disclosed")
  std::string generated_at;
  std::vector<LeftOut> left_out;  // as the cover lists it
};

// Everything but writing: the consent check, redaction, the document.
[[nodiscard]] ReportResult<ComposedReport> compose_report(storage::Vault& vault, const ReportRequest& request);

enum class PlaintextConsent { not_given, given };

struct ReportWritten {
  std::string report_id;
  std::string pdf_sha256;
  std::string records_sha256;
  std::size_t pages = 0;
  std::size_t records = 0;
  std::uint64_t bytes = 0;
  std::filesystem::path signature;  // FILE.pdf.minisig
};

[[nodiscard]] ReportResult<ReportWritten> write_report(storage::Vault& vault, const ReportRequest& request,
                                                       const std::filesystem::path& destination,
                                                       PlaintextConsent plaintext);

// "a4" / "letter"; nullopt otherwise.
std::optional<Paper> paper_from_name(std::string_view name) noexcept;

}  // namespace safehold::report
