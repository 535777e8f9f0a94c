// write_report: composes, lays out, signs and publishes a report
// (schema/report-v1.md sections 4 and 5).
#include <system_error>

#include "report_case.hpp"
#include "signed_file.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/core/disclosure/handed_out.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/report/pdf.hpp"
#include "safehold/report/report.hpp"

namespace safehold::report {

std::optional<Paper> paper_from_name(std::string_view name) noexcept {
  if (name == "a4") return Paper::a4;
  if (name == "letter") return Paper::letter;
  return std::nullopt;
}

ReportResult<ReportWritten> write_report(storage::Vault& vault, const ReportRequest& request,
                                         const std::filesystem::path& destination, PlaintextConsent plaintext) {
  if (plaintext != PlaintextConsent::given) {
    return report_fail(ReportError::invalid_request,
                       "a report is plaintext: it is written only when you say so (--plaintext)");
  }
  if (destination.empty() || destination.filename().empty()) {
    return report_fail(ReportError::invalid_request, "no output file");
  }
  if (auto free = detail::check_destination_free(destination); !free) return unexpected(free.error());
  const std::filesystem::path sig_path = destination.string() + ".minisig";
  auto composed = compose_report(vault, request);
  if (!composed) return unexpected(composed.error());
  auto key = vault.identity().signing_key();
  if (!key) return report_fail(ReportError::signing_failed, key.error().describe());

  ReportWritten out;
  const std::string trusted = "safehold-report v1 case=" + composed->reference + " records-sha256=" +
                              composed->records_sha256 + " generated=" + composed->generated_at +
                              " lang=" + std::string(schema::language_tag(request.language)) +
                              " paper=" + (request.paper == Paper::letter ? "letter" : "a4");
  auto temps = detail::write_signed_temporaries(
      destination, *key, trusted, "signature of a Safehold evidence report",
      [&](base::ByteSink& sink) -> ReportResult<void> {
        auto stats = write_pdf(composed->document, request.paper, sink);
        if (!stats) return unexpected(stats.error());
        out.pages = stats->pages;
        return {};
      });
  if (!temps) return unexpected(temps.error());
  out.report_id = core::bundle::random_uuid4();
  out.records_sha256 = composed->records_sha256;
  out.records = composed->records;
  out.bytes = temps->bytes;
  out.signature = sig_path;
  out.pdf_sha256 = crypto::to_hex(temps->sha256);

  // Recorded in the case (audit entry, custody events) and committed just
  // before the files appear, so a report that exists is never missing from
  // the case (as for bundles); a failure before this records nothing.
  namespace dc = core::disclosure;
  dc::HandOut handed{dc::HandedOutAs::report, out.report_id, composed->audit_counterparty, composed->audience_name,
                     composed->generated_at, {{request.case_id, composed->evidence_ids, temps->sha256}}};
  auto recorded = dc::record_handed_out(vault, handed);
  if (!recorded) return unexpected(detail::from_disclosure(recorded.error()));
  if (auto c = recorded->commit(); !c) return unexpected(detail::from_storage(c.error()));
  if (auto p = detail::publish(*temps); !p) return unexpected(p.error());
  return out;
}

const char* describe(ReportError e) noexcept {
  switch (e) {
    case ReportError::invalid_request: return "invalid report request";
    case ReportError::not_found: return "not found";
    case ReportError::consent_refused: return "consent does not allow this report";
    case ReportError::not_allowed: return "not allowed";
    case ReportError::exists: return "the output file already exists";
    case ReportError::layout_failed: return "the PDF could not be laid out";
    case ReportError::signing_failed: return "the report could not be signed";
    case ReportError::vault_failed: return "the vault failed";
    case ReportError::file_failed: return "writing the report failed";
    case ReportError::invalid_input: return "not a valid data export";
    case ReportError::cancelled: return "cancelled";
  }
  return "unknown report error";
}

std::string ReportFailure::describe() const {
  const std::string what = report::describe(code);
  return detail.empty() ? what : what + ": " + detail;
}

}  // namespace safehold::report
