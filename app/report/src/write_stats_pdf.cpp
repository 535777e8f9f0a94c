// write_statistics_pdf: lays out, signs and publishes the statistics PDF
// (schema/stats-v1.md section 5) with the report's writer (signed_file) and
// PDF engine (pdf.hpp); one statistics_written audit entry.
#include "report_case.hpp"
#include "signed_file.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/report/pdf.hpp"
#include "safehold/report/stats_pdf.hpp"

namespace safehold::report {

ReportResult<StatsPdfWritten> write_statistics_pdf(storage::Vault& vault, const StatsTable& table,
                                                   const StatsPdfOptions& options,
                                                   const std::filesystem::path& destination,
                                                   PlaintextConsent plaintext) {
  if (plaintext != PlaintextConsent::given) {
    return report_fail(ReportError::invalid_request,
                       "a statistics PDF is plaintext: it is written only when you say so (--plaintext)");
  }
  if (destination.empty() || destination.filename().empty()) {
    return report_fail(ReportError::invalid_request, "no output file");
  }
  if (table.by.empty()) return report_fail(ReportError::invalid_request, "statistics without a dimension");
  if (auto free = detail::check_destination_free(destination); !free) return unexpected(free.error());
  auto me = vault.identity().info();
  if (!me) return unexpected(detail::from_storage(me.error()));
  auto key = vault.identity().signing_key();
  if (!key) return report_fail(ReportError::signing_failed, key.error().describe());

  const std::string generated_at = options.generated_at.empty() ? detail::now_utc() : options.generated_at;
  std::string by;
  for (auto d : table.by) by += (by.empty() ? "" : ",") + std::string(name_of(d));
  const std::string counted = "by=" + by + " min_cell=" + std::to_string(table.min_cell);
  const Document doc =
      statistics_document(table, options.language, generated_at, me->minisign_key_id, me->minisign_public_key);
  const std::string trusted = "safehold-statistics v1 " + counted + " generated=" + generated_at +
                              " lang=" + std::string(schema::language_tag(options.language)) +
                              " paper=" + (options.paper == Paper::letter ? "letter" : "a4");
  StatsPdfWritten out;
  auto temps = detail::write_signed_temporaries(destination, *key, trusted, "signature of Safehold statistics",
                                                [&](base::ByteSink& sink) -> ReportResult<void> {
                                                  auto stats = write_pdf(doc, options.paper, sink);
                                                  if (!stats) return unexpected(stats.error());
                                                  out.pages = stats->pages;
                                                  return {};
                                                });
  if (!temps) return unexpected(temps.error());
  out.pdf_id = core::bundle::random_uuid4();
  out.pdf_sha256 = crypto::to_hex(temps->sha256);
  out.bytes = temps->bytes;
  out.signature = temps->signature_path;
  // Committed just before the files appear, as for a report: a PDF that
  // exists is never missing from the trail.
  auto audited = vault.audit().record_statistics_written(out.pdf_id, counted, temps->sha256);
  if (!audited) return unexpected(detail::from_storage(audited.error()));
  if (auto p = detail::publish(*temps); !p) return unexpected(p.error());
  return out;
}

}  // namespace safehold::report
