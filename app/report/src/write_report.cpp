// write_report: composes, lays out, signs and publishes a report
// (schema/report-v1.md sections 4 and 5).
#include <system_error>

#include "report_case.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/file_io.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/report/pdf.hpp"
#include "safehold/report/report.hpp"

namespace safehold::report {
namespace {

// Passes the PDF to the temporary file while hashing it for the signature
// (BLAKE2b-512 prehash) and the audit entry (SHA-256), in one stream.
class TeeSink final : public io::ByteSink {
 public:
  explicit TeeSink(io::ByteSink& file) : file_(file) {}
  [[nodiscard]] expected<void, io::IoError> write(std::span<const std::uint8_t> data) override {
    if (auto w = file_.write(data); !w) return w;
    if (auto w = prehash_.write(data); !w) return w;
    sha_.update(data);
    bytes_ += data.size();
    return {};
  }
  crypto::minisign::Prehash prehash() { return prehash_.finish(); }
  crypto::Sha256Digest sha256() { return sha_.finish(); }
  std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  io::ByteSink& file_;
  crypto::minisign::Prehasher prehash_;
  crypto::Sha256 sha_;
  std::uint64_t bytes_ = 0;
};

ReportFailure file_failure(io::FileError e, const std::filesystem::path& path) {
  if (e == io::FileError::exists) return {ReportError::exists, path.string() + " already exists"};
  return {ReportError::file_failed, std::string(io::describe(e)) + ": " + path.string()};
}

}  // namespace

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
  const std::filesystem::path sig_path = destination.string() + ".minisig";
  std::error_code ec;
  for (const auto& p : {destination, sig_path}) {
    // A path that cannot be looked at (too long, a symlink loop) is not one
    // that exists: say what is wrong with it.
    // (libstdc++ sets `ec` for a path that does not exist too.)
    const auto type = std::filesystem::symlink_status(p, ec).type();
    if (type == std::filesystem::file_type::not_found) continue;
    if (type == std::filesystem::file_type::none) {
      return report_fail(ReportError::file_failed, ec.message() + ": " + p.string());
    }
    return report_fail(ReportError::exists, p.string() + " already exists");
  }
  auto composed = compose_report(vault, request);
  if (!composed) return unexpected(composed.error());
  auto key = vault.identity().signing_key();
  if (!key) return report_fail(ReportError::signing_failed, key.error().describe());

  auto pdf_file = io::AtomicFileWriter::create(destination, 0600, io::Publish::no_replace);
  if (!pdf_file) return unexpected(file_failure(pdf_file.error(), destination));
  TeeSink tee(*pdf_file);
  auto stats = write_pdf(composed->document, request.paper, tee);
  if (!stats) return unexpected(stats.error());

  ReportWritten out;
  out.report_id = core::bundle::random_uuid4();
  out.records_sha256 = composed->records_sha256;
  out.records = composed->records;
  out.pages = stats->pages;
  out.bytes = tee.bytes();
  out.signature = sig_path;
  const auto pdf_digest = tee.sha256();
  out.pdf_sha256 = crypto::to_hex(pdf_digest);

  const std::string trusted = "safehold-report v1 case=" + composed->reference + " records-sha256=" +
                              composed->records_sha256 + " generated=" + composed->generated_at +
                              " lang=" + std::string(schema::language_tag(request.language)) +
                              " paper=" + (request.paper == Paper::letter ? "letter" : "a4");
  auto signature = crypto::minisign::sign_prehashed(*key, tee.prehash(), trusted,
                                                    "signature of a Safehold evidence report");
  if (!signature) return report_fail(ReportError::signing_failed, crypto::minisign::describe(signature.error()));
  const std::string sig_text = signature->text();

  auto sig_file = io::AtomicFileWriter::create(sig_path, 0600, io::Publish::no_replace);
  if (!sig_file) return unexpected(file_failure(sig_file.error(), sig_path));
  if (auto w = sig_file->write({reinterpret_cast<const std::uint8_t*>(sig_text.data()), sig_text.size()}); !w) {
    return report_fail(ReportError::file_failed, std::string(io::describe(w.error())) + ": " + sig_path.string());
  }

  // The audit entry is committed just before the files appear, so a report
  // that exists is never missing from the trail (as for bundles).
  auto audited = vault.audit().record_report_written(request.case_id, composed->audit_counterparty, out.report_id,
                                                     pdf_digest);
  if (!audited) return unexpected(detail::from_storage(audited.error()));
  // The signature first: a PDF never appears without it.
  if (auto c = sig_file->commit(); !c) return unexpected(file_failure(c.error(), sig_path));
  if (auto c = pdf_file->commit(); !c) {
    std::filesystem::remove(sig_path, ec);
    return unexpected(file_failure(c.error(), destination));
  }
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
  }
  return "unknown report error";
}

std::string ReportFailure::describe() const {
  const std::string what = report::describe(code);
  return detail.empty() ? what : what + ": " + detail;
}

}  // namespace safehold::report
