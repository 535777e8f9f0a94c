// stats: anonymised statistics across cases (schema/stats-v1.md). Counting is
// done by safehold_report; this file parses options and writes the result.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "output.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/report/stats.hpp"

namespace safehold::cli {
namespace {

struct StatsOptions {
  std::string by, format = "text", output;
  std::size_t min_cell = 5;
  bool json = false;  // --json: the same as --format json
};

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
  if (o.format == "csv") format = report::StatsFormat::csv;
  else if (o.format == "json" || o.json) format = report::StatsFormat::json;
  else if (o.format != "text") return fail(ExitCode::usage, "--format must be text, csv or json");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto table = report::count_statistics(**vault, by, o.min_cell);
  if (!table) {
    const bool usage = table.error().code == report::ReportError::invalid_request;
    return fail(usage ? ExitCode::usage : ExitCode::integrity, table.error().describe());
  }
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
  print_note("statistics of " + std::to_string(table->cases_included) + " case(s) written; " +
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
  auto* format = cmd->add_option("--format", o->format, "text, csv or json");
  cmd->add_flag("--json", o->json, "Print JSON (the same as --format json)")->excludes(format);
  cmd->add_option("-o,--output", o->output, "Write to FILE (must not exist) instead of stdout");
  ctx.bind(cmd, [&ctx, o] { return run_stats(ctx, *o); });
}

}  // namespace safehold::cli
