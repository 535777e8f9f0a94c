// write_data_export: signs and publishes the files of a data export in a new
// folder, audits each case (schema/export-v1.md sections 3 and 4).
#include <sys/stat.h>

#include <system_error>

#include "report_case.hpp"
#include "signed_file.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/core/disclosure/handed_out.hpp"
#include "safehold/report/data_export.hpp"

namespace safehold::report {
namespace {

namespace fs = std::filesystem;

storage::Hash32 digest_of_hex(const std::string& hex) {
  storage::Hash32 out{};
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (std::size_t i = 0; i < out.size() && 2 * i + 1 < hex.size(); ++i) {
    out[i] = static_cast<std::uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  }
  return out;
}

// Everything after the folder exists. `published` collects what appeared, so
// the caller can take it away again on failure; temporaries go with `temps`.
ReportResult<void> fill_folder(storage::Vault& vault, const ComposedExport& composed, ExportFormat format,
                               const fs::path& dir, const std::string& export_id, std::vector<fs::path>& published) {
  auto key = vault.identity().signing_key();
  if (!key) return report_fail(ReportError::signing_failed, key.error().describe());
  std::vector<detail::SignedTemporaries> temps;
  for (const auto& f : composed.files) {
    const std::string trusted = "safehold-export v1 file=" + f.name +
                                " format=" + (format == ExportFormat::csv ? "csv" : "json") +
                                " cases=" + std::to_string(f.cases) + " records-sha256=" + f.records_sha256 +
                                " generated=" + composed.generated_at;
    auto t = detail::write_signed_temporaries(
        dir / f.name, *key, trusted, "signature of a Safehold data export",
        [&](base::ByteSink& sink) -> ReportResult<void> {
          auto w = sink.write({reinterpret_cast<const std::uint8_t*>(f.content.data()), f.content.size()});
          if (!w) return report_fail(ReportError::file_failed, std::string(base::describe(w.error())) + ": " + f.name);
          return {};
        });
    if (!t) return unexpected(t.error());
    temps.push_back(std::move(*t));
  }
  // Every case records it (audit entry, custody events) in one transaction,
  // committed just before the files appear: an export that exists is never
  // missing from a case it holds; a failure before this records nothing.
  namespace dc = core::disclosure;
  dc::HandOut handed{format == ExportFormat::csv ? dc::HandedOutAs::data_export_csv : dc::HandedOutAs::data_export_json,
                     export_id, composed.audit_counterparty, composed.audience_name, composed.generated_at, {}};
  for (std::size_t i = 0; i < composed.case_ids.size(); ++i) {
    handed.cases.push_back(
        {composed.case_ids[i], composed.case_evidence_ids[i], digest_of_hex(composed.case_records_sha256[i])});
  }
  auto batch = dc::record_handed_out(vault, handed);
  if (!batch) return unexpected(detail::from_disclosure(batch.error()));
  if (auto c = batch->commit(); !c) return unexpected(detail::from_storage(c.error()));
  for (auto& t : temps) {
    if (auto p = detail::publish(t); !p) return unexpected(p.error());
    published.push_back(t.signature_path);
    published.push_back(t.destination);
  }
  return {};
}

}  // namespace

ReportResult<ExportWritten> write_data_export(storage::Vault& vault, const ExportRequest& request,
                                              const fs::path& directory, PlaintextConsent plaintext) {
  if (plaintext != PlaintextConsent::given) {
    return report_fail(ReportError::invalid_request,
                       "a data export is plaintext: it is written only when you say so (--plaintext)");
  }
  if (directory.empty()) return report_fail(ReportError::invalid_request, "no output folder");
  std::error_code ec;
  const auto type = fs::symlink_status(directory, ec).type();
  if (type == fs::file_type::none) {
    return report_fail(ReportError::file_failed, ec.message() + ": " + directory.string());
  }
  if (type != fs::file_type::not_found) return report_fail(ReportError::exists, directory.string() + " already exists");

  auto composed = compose_data_export(vault, request);
  if (!composed) return unexpected(composed.error());

  // mkdir, not create_directories: the folder is new and ours (0700), and a
  // folder that appeared meanwhile is refused, never written into.
  if (::mkdir(directory.c_str(), 0700) != 0) {
    if (errno == EEXIST) return report_fail(ReportError::exists, directory.string() + " already exists");
    return report_fail(ReportError::file_failed,
                       std::error_code(errno, std::generic_category()).message() + ": " + directory.string());
  }
  ExportWritten out;
  out.export_id = core::bundle::random_uuid4();
  std::vector<fs::path> published;
  if (auto filled = fill_folder(vault, *composed, request.format, directory, out.export_id, published); !filled) {
    for (const auto& p : published) fs::remove(p, ec);
    fs::remove(directory, ec);  // empty by now: the temporaries went with fill_folder
    return unexpected(filled.error());
  }
  (void)base::sync_directory(directory.has_parent_path() ? directory.parent_path() : fs::path("."));
  for (const auto& f : composed->files) out.files.push_back(directory / f.name);
  out.cases = composed->case_ids.size();
  out.records = composed->records;
  out.cases_left_out = std::move(composed->cases_left_out);
  return out;
}

}  // namespace safehold::report
