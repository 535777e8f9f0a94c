// report: the signed evidence report of one case (schema/report-v1.md), and
// data export: cases as signed CSV/JSON files (schema/export-v1.md). The
// work is done by safehold_report; this file parses options and maps
// refusals to exit codes (the same for both: the same rules decide them).
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/report/data_export.hpp"
#include "safehold/report/report.hpp"

namespace safehold::cli {

// Declared in failure.hpp: also `case import-json` and `stats --format pdf`.
ExitCode exit_code_for(report::ReportError e) noexcept {
  switch (e) {
    case report::ReportError::invalid_request:
    case report::ReportError::invalid_input: return ExitCode::usage;
    case report::ReportError::not_found: return ExitCode::not_found;
    case report::ReportError::consent_refused:
    case report::ReportError::not_allowed: return ExitCode::refused;
    case report::ReportError::exists: return ExitCode::conflict;
    case report::ReportError::cancelled:  // never asked for by the CLI
    case report::ReportError::file_failed:
    case report::ReportError::layout_failed: return ExitCode::io;
    case report::ReportError::signing_failed:
    case report::ReportError::vault_failed: return ExitCode::integrity;
  }
  return ExitCode::integrity;
}

namespace {

// For whom a report or export is, and whether identifying fields are asked for.
struct AudienceOptions {
  std::string to, audience;
  bool include_identifying = false;
};

void add_audience_options(CLI::App* cmd, AudienceOptions& a) {
  cmd->add_option("--to", a.to, "For this contact (id or display name): verified, allowed by consent");
  cmd->add_option("--audience", a.audience, "For an audience kind: lawyer, ngo, host_authority, un_body");
  cmd->add_flag("--include-identifying", a.include_identifying,
                "Include identifying fields (needs consent scope store_real_identity and disclosure level named)");
}

Outcome check_audience(const AudienceOptions& a) {
  if (a.to.empty() == a.audience.empty()) return fail(ExitCode::usage, "give either --to CONTACT or --audience KIND");
  return {};
}

// The contact --to names ("" with --audience).
expected<std::string, Failure> contact_id_of(storage::Vault& vault, const AudienceOptions& a) {
  if (a.to.empty()) return std::string();
  auto contact = core::exchange::ContactBook(vault).find(a.to);
  if (!contact) return fail(ExitCode::not_found, "no contact " + a.to);
  return contact->id;
}

struct ReportOptions {
  std::string case_ref, lang = "en", paper = "a4", output;
  AudienceOptions audience;
  bool plaintext = false;
  bool json = false;
};

Outcome run_report(Context& ctx, const ReportOptions& o) {
  if (!o.plaintext) {
    return fail(ExitCode::usage, "a report is a plaintext PDF: add --plaintext to confirm writing it to " +
                                     (o.output.empty() ? std::string("-o FILE") : o.output));
  }
  if (o.output.empty()) return fail(ExitCode::usage, "-o FILE.pdf is needed");
  if (auto a = check_audience(o.audience); !a) return a;
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
  auto contact_id = contact_id_of(**vault, o.audience);
  if (!contact_id) return unexpected(contact_id.error());
  req.contact_id = *contact_id;
  req.audience_kind = o.audience.audience;
  req.include_identifying = o.audience.include_identifying;
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
  print_note("report " + done->report_id + ": " + count_of(done->pages, "page") + ", " +
             count_of(done->records, "record") + "; plaintext PDF written, signed with the vault's key");
  return {};
}

struct DataExportOptions {
  std::string format, output;
  std::vector<std::string> cases;
  bool all = false;
  AudienceOptions audience;
  bool plaintext = false;
  bool json = false;
};

Outcome run_data_export(Context& ctx, const DataExportOptions& o) {
  if (!o.plaintext) {
    return fail(ExitCode::usage, "a data export is plaintext: add --plaintext to confirm writing it to " +
                                     (o.output.empty() ? std::string("-o DIR") : o.output));
  }
  if (o.output.empty()) return fail(ExitCode::usage, "-o DIR is needed (a folder that does not exist yet)");
  if (auto a = check_audience(o.audience); !a) return a;
  const auto format = report::export_format_from_name(o.format);
  if (!format) return fail(ExitCode::usage, "--format must be csv or json");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  if (o.all == !o.cases.empty()) return fail(ExitCode::usage, "name the cases (--case) or export every case (--all)");
  report::ExportRequest req;
  req.every_case = o.all;
  for (const auto& c : o.cases) {
    auto id = resolve_case(**vault, c);
    if (!id) return unexpected(id.error());
    req.case_ids.push_back(*id);
  }
  auto contact_id = contact_id_of(**vault, o.audience);
  if (!contact_id) return unexpected(contact_id.error());
  req.contact_id = *contact_id;
  req.audience_kind = o.audience.audience;
  req.include_identifying = o.audience.include_identifying;
  req.format = *format;
  auto done = report::write_data_export(**vault, req, o.output, report::PlaintextConsent::given);
  if (!done) return fail(exit_code_for(done.error().code), done.error().describe());
  if (o.json) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : done->files) files.push_back(f.string());
    nlohmann::json left_out = nlohmann::json::array();
    for (const auto& l : done->cases_left_out) left_out.push_back({{"case_id", l.case_id}, {"reason", l.reason}});
    print_json({{"export_id", done->export_id}, {"files", files}, {"cases", done->cases}, {"records", done->records},
                {"cases_left_out", left_out}});
  } else {
    for (const auto& f : done->files) print_line(f.string());
  }
  for (const auto& l : done->cases_left_out) print_note("left out: " + l.reason);
  print_note("data export " + done->export_id + ": " + count_of(done->cases, "case") + ", " +
             count_of(done->records, "record") +
             (o.all ? ", " + count_of(done->cases_left_out.size(), "case") + " left out by their consent" : "") +
             "; plaintext files written, each signed (FILE.minisig)");
  return {};
}

void add_data_export_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<DataExportOptions>();
  auto* group = app.add_subcommand("data", "Data exports of cases for other systems: export");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("export", "Write cases as signed CSV (one file per entity) or JSON (one per case)");
  cmd->add_option("--format", o->format, "csv or json")->required();
  cmd->add_option("--case", o->cases, "Case id or reference (repeat for several; each must be allowed)")
      ->check(case_ref_validator());
  cmd->add_flag("--all", o->all,
                "Every case the audience may receive; cases their consent keeps from it are listed as left out");
  add_audience_options(cmd, o->audience);
  cmd->add_flag("--plaintext", o->plaintext, "Confirm that plaintext files may be written outside the vault");
  cmd->add_option("-o,--output", o->output, "DIR to create (must not exist); every FILE with FILE.minisig");
  cmd->add_flag("--json", o->json, "Print JSON");
  ctx.bind(cmd, [&ctx, o] { return run_data_export(ctx, *o); });
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "Write the signed evidence report (PDF) of a case for one audience");
  cmd->add_option("CASE", o->case_ref, "Case id or reference")->required()->check(case_ref_validator());
  add_audience_options(cmd, o->audience);
  cmd->add_option("--lang", o->lang, "Labels in en, zh-Hans or zh-Hant (record text stays as written)");
  cmd->add_option("--paper", o->paper, "a4 or letter");
  cmd->add_flag("--plaintext", o->plaintext, "Confirm that a plaintext PDF may be written outside the vault");
  cmd->add_option("-o,--output", o->output, "FILE.pdf to write (must not exist); FILE.pdf.minisig beside it");
  cmd->add_flag("--json", o->json, "Print JSON");
  ctx.bind(cmd, [&ctx, o] { return run_report(ctx, *o); });
  add_data_export_command(app, ctx);
}

}  // namespace safehold::cli
