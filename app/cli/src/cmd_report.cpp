// report: the signed evidence report of one case (schema/report-v1.md). The
// work is done by safehold_report; this file parses options and maps
// refusals to exit codes.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/report/report.hpp"

namespace safehold::cli {
namespace {

struct ReportOptions {
  std::string case_ref, to, audience, lang = "en", paper = "a4", output;
  bool include_identifying = false;
  bool plaintext = false;
  bool json = false;
};

ExitCode exit_code_for(report::ReportError e) {
  switch (e) {
    case report::ReportError::invalid_request: return ExitCode::usage;
    case report::ReportError::not_found: return ExitCode::not_found;
    case report::ReportError::consent_refused:
    case report::ReportError::not_allowed: return ExitCode::refused;
    case report::ReportError::exists: return ExitCode::conflict;
    case report::ReportError::file_failed:
    case report::ReportError::layout_failed: return ExitCode::io;
    case report::ReportError::signing_failed:
    case report::ReportError::vault_failed: return ExitCode::integrity;
  }
  return ExitCode::integrity;
}

Outcome run_report(Context& ctx, const ReportOptions& o) {
  if (!o.plaintext) {
    return fail(ExitCode::usage, "a report is a plaintext PDF: add --plaintext to confirm writing it to " +
                                     (o.output.empty() ? std::string("-o FILE") : o.output));
  }
  if (o.output.empty()) return fail(ExitCode::usage, "-o FILE.pdf is needed");
  if (o.to.empty() == o.audience.empty()) return fail(ExitCode::usage, "give either --to CONTACT or --audience KIND");
  const auto lang = schema::language_from_tag(o.lang);
  if (!lang) return fail(ExitCode::usage, "--lang must be en, zh-Hans or zh-Hant");
  const auto paper = report::paper_from_name(o.paper);
  if (!paper) return fail(ExitCode::usage, "--paper must be a4 or letter");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  report::ReportRequest req;
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  req.case_id = *case_id;
  if (!o.to.empty()) {
    auto contact = core::exchange::ContactBook(**vault).find(o.to);
    if (!contact) return fail(ExitCode::not_found, "no contact " + o.to);
    req.contact_id = contact->id;
  }
  req.audience_kind = o.audience;
  req.include_identifying = o.include_identifying;
  req.language = *lang;
  req.paper = *paper;
  auto done = report::write_report(**vault, req, o.output, report::PlaintextConsent::given);
  if (!done) return fail(exit_code_for(done.error().code), done.error().describe());
  if (o.json) {
    print_json({{"report_id", done->report_id}, {"pdf_sha256", done->pdf_sha256},
                {"records_sha256", done->records_sha256}, {"pages", done->pages}, {"records", done->records},
                {"bytes", done->bytes}, {"signature", done->signature.string()}});
  } else {
    print_line(o.output);
    print_line(done->signature.string());
  }
  print_note("report " + done->report_id + ": " + std::to_string(done->pages) + " page(s), " +
             std::to_string(done->records) + " records; plaintext PDF written, signed with the vault's key");
  return {};
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "Write the signed evidence report (PDF) of a case for one audience");
  cmd->add_option("CASE", o->case_ref, "Case id or reference")->required()->check(case_ref_validator());
  cmd->add_option("--to", o->to, "For this contact (id or display name): verified, allowed by consent");
  cmd->add_option("--audience", o->audience, "For an audience kind: lawyer, ngo, host_authority, un_body");
  cmd->add_flag("--include-identifying", o->include_identifying,
                "Include identifying fields (needs consent scope store_real_identity and disclosure level named)");
  cmd->add_option("--lang", o->lang, "Labels in en, zh-Hans or zh-Hant (record text stays as written)");
  cmd->add_option("--paper", o->paper, "a4 or letter");
  cmd->add_flag("--plaintext", o->plaintext, "Confirm that a plaintext PDF may be written outside the vault");
  cmd->add_option("-o,--output", o->output, "FILE.pdf to write (must not exist); FILE.pdf.minisig beside it");
  cmd->add_flag("--json", o->json, "Print JSON");
  ctx.bind(cmd, [&ctx, o] { return run_report(ctx, *o); });
}

}  // namespace safehold::cli
