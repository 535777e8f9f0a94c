#pragma once
// The optional statistics PDF (schema/stats-v1.md section 5): the same
// counts, suppression marks and left-out count as count_statistics' table,
// as bar charts, laid out by the report's own engine (pdf.hpp: Pango +
// Cairo, embedded fonts, English and Chinese labels) and signed like a
// report (FILE.pdf.minisig with the vault's minisign key).
//
//   auto table = count_statistics(vault, {StatsDimension::year}, 5);
//   write_statistics_pdf(vault, *table, {.language = Language::zh_hans}, "/media/usb/stats.pdf",
//                        PlaintextConsent::given);
//
// Counts carry no record, but a PDF leaves the vault: it is written only
// when the caller passes PlaintextConsent::given, never over a file, and
// appends one statistics_written audit entry (what was counted, the PDF's
// SHA-256; never a count).
#include <cstdint>
#include <filesystem>
#include <string>

#include "safehold/report/document.hpp"
#include "safehold/report/report.hpp"
#include "safehold/report/stats.hpp"

namespace safehold::report {

struct StatsPdfOptions {
  schema::Language language = schema::Language::en;
  Paper paper = Paper::a4;
  std::string generated_at;  // UTC RFC 3339; "" = now
};

// The cover (what was counted, cases included and left out, suppression,
// the signing key) and one chart: a bar per cell, or for two dimensions one
// block per value of the first. Only codes, their labels and counts.
Document statistics_document(const StatsTable& table, schema::Language language, const std::string& generated_at,
                             const std::string& signer_key_id, const std::string& signer_public_key);

struct StatsPdfWritten {
  std::string pdf_id;
  std::string pdf_sha256;
  std::size_t pages = 0;
  std::uint64_t bytes = 0;
  std::filesystem::path signature;  // FILE.pdf.minisig
};

[[nodiscard]] ReportResult<StatsPdfWritten> write_statistics_pdf(storage::Vault& vault, const StatsTable& table,
                                                                 const StatsPdfOptions& options,
                                                                 const std::filesystem::path& destination,
                                                                 PlaintextConsent plaintext);

}  // namespace safehold::report
