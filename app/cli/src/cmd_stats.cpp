// stats: anonymised statistics across cases (schema/stats-v1.md). Counting
// and the signed PDF (--format pdf, section 5) are safehold_report's; this
// file parses options and writes the result.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "output.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/report/stats.hpp"
#include "safehold/report/stats_pdf.hpp"

namespace safehold::cli {
namespace {

struct StatsOptions {
  std::string by, format = "text", output, lang = "en", paper = "a4";
  std::size_t min_cell = 5;
  bool json = false;       // --json: the same as --format json
  bool plaintext = false;  // --format pdf: the user's consent to write a plaintext PDF
};

// --format pdf: the same table as a signed PDF of bar charts.
Outcome write_stats_pdf(storage::Vault& vault, const report::StatsTable& table, const StatsOptions& o) {
  const auto lang = schema::language_from_tag(o.lang);
  const auto paper = report::paper_from_name(o.paper);
  report::StatsPdfOptions options{.language = *lang, .paper = *paper, .generated_at = {}};
  auto done = report::write_statistics_pdf(vault, table, options, o.output, report::PlaintextConsent::given);
  if (!done) return fail(exit_code_for(done.error().code), done.error().describe());
  print_line(o.output);
  print_line(done->signature.string());
  print_note("statistics " + done->pdf_id + ": " + count_of(done->pages, "page") + " of " +
             count_of(table.cases_included, "case") + "; " + std::to_string(table.cases_left_out) +
             " left out for lack of consent; plaintext PDF written, signed with the vault's key");
  return {};
}

// The PDF's own options, checked before the vault is opened.
Outcome check_pdf_options(const StatsOptions& o) {
  if (!o.plaintext) {
    return fail(ExitCode::usage, "a statistics PDF is plaintext: add --plaintext to confirm writing it to " +
                                     (o.output.empty() ? std::string("-o FILE") : o.output));
  }
  if (o.output.empty() || o.output == "-") return fail(ExitCode::usage, "-o FILE.pdf is needed");
  if (!schema::language_from_tag(o.lang)) return fail(ExitCode::usage, "--lang must be en, zh-Hans or zh-Hant");
  if (!report::paper_from_name(o.paper)) return fail(ExitCode::usage, "--paper must be a4 or letter");
  return {};
}

Outcome run_stats(Context& ctx, const StatsOptions& o) {
  std::vector<report::StatsDimension> by;
  for (std::size_t at = 0; at <= o.by.size();) {
    const auto comma = std::min(o.by.find(',', at), o.by.size());
    const auto d = report::stats_dimension_from_name(std::string_view(o.by).substr(at, comma - at));
    if (!d) {
      return fail(ExitCode::usage,
                  "--by takes one or two of year, outcome, tactic, country, perpetrator, host_country, measure");
    }
    by.push_back(*d);
    at = comma + 1;
  }
  report::StatsFormat format = report::StatsFormat::text;
  const bool pdf = o.format == "pdf";
  if (o.format == "csv") format = report::StatsFormat::csv;
  else if (o.format == "json" || o.json) format = report::StatsFormat::json;
  else if (o.format != "text" && !pdf) return fail(ExitCode::usage, "--format must be text, csv, json or pdf");
  if (pdf) {
    if (auto checked = check_pdf_options(o); !checked) return checked;
  } else if (o.plaintext || o.lang != "en" || o.paper != "a4") {
    return fail(ExitCode::usage, "--plaintext, --lang and --paper are for --format pdf");
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto table = report::count_statistics(**vault, by, o.min_cell);
  if (!table) {
    const bool usage = table.error().code == report::ReportError::invalid_request;
    return fail(usage ? ExitCode::usage : ExitCode::integrity, table.error().describe());
  }
  if (pdf) return write_stats_pdf(**vault, *table, o);
  const std::string text = report::format_statistics(*table, format);
  if (o.output.empty() || o.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return {};
  }
  auto file = base::AtomicFileWriter::create(o.output, 0600, base::Publish::no_replace);
  if (!file) return unexpected(to_failure(file.error(), o.output));
  if (auto w = file->write({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}); !w) {
    return unexpected(to_failure(w.error(), o.output));
  }
  if (auto c = file->commit(); !c) return unexpected(to_failure(c.error(), o.output));
  print_note("statistics of " + count_of(table->cases_included, "case") + " written; " +
             std::to_string(table->cases_left_out) + " left out for lack of consent");
  return {};
}

}  // namespace

void add_stats_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<StatsOptions>();
  auto* cmd =
      app.add_subcommand("stats", "Anonymised statistics of incidents (or legal measures) across consenting cases");
  cmd->add_option("--by", o->by,
                  "One or two of year, outcome, tactic, country, perpetrator, host_country, measure "
                  "(e.g. year,outcome; measure counts legal measures)")
      ->required();
  cmd->add_option("--min-cell", o->min_cell, "Cells under this count are suppressed (default 5)");
  auto* format = cmd->add_option("--format", o->format, "text, csv, json, or pdf (a signed PDF of bar charts)");
  cmd->add_flag("--json", o->json, "Print JSON (the same as --format json)")->excludes(format);
  cmd->add_option("-o,--output", o->output, "Write to FILE (must not exist) instead of stdout");
  cmd->add_flag("--plaintext", o->plaintext,
                "--format pdf: confirm writing a plaintext PDF (and FILE.pdf.minisig, signed with the vault's key)");
  cmd->add_option("--lang", o->lang, "--format pdf: labels in en, zh-Hans or zh-Hant (default en)");
  cmd->add_option("--paper", o->paper, "--format pdf: a4 or letter (default a4)");
  ctx.bind(cmd, [&ctx, o] { return run_stats(ctx, *o); });
}

}  // namespace safehold::cli
