// incident add: the common intake step as one command; other incident
// changes go through `record edit`.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "output.hpp"
#include "record_args.hpp"

namespace safehold::cli {
namespace {

struct IncidentAddOptions {
  std::string case_ref, narrative, narrative_language, title, country, start_date, end_date, channel, outcome;
  std::vector<std::string> tactics;
  bool verbatim = false;
  RecordArgs record;
  IdOutput printed;
};

Outcome run_incident_add(Context& ctx, const IncidentAddOptions& o) {
  RecordArgs args = o.record;
  add_list_shortcut(args, "tactics", o.tactics);
  add_shortcuts(args, {{"narrative.text", &o.narrative}, {"narrative.language", &o.narrative_language},
                       {"title", &o.title}, {"country", &o.country}, {"start_date", &o.start_date},
                       {"end_date", &o.end_date}, {"channel", &o.channel}, {"outcome", &o.outcome}});
  if (o.verbatim) add_shortcut(args, "narrative.verbatim", "yes");
  auto input = build_record(args, {"incident", "", ""}, nlohmann::json::object());
  if (!input) return unexpected(input.error());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  if (auto valid = refuse_all_schema_errors("incident", input->fields); !valid) return valid;
  auto rec = lift((*vault)->records().create("incident", *case_id, std::move(input->fields)));
  if (!rec) return unexpected(rec.error());
  o.printed.print(rec->id);
  return {};
}

}  // namespace

void add_incident_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("incident", "Incidents: add, list, show, edit, delete");

  auto a = std::make_shared<IncidentAddOptions>();
  auto* add = group->add_subcommand("add", "Add an incident to a case; prints its id");
  a->printed.add_flag(add);
  add_case_arg(add, a->case_ref);
  add->add_option("--tactic", a->tactics, "Tactic code (A1..F7, see `vocab list tactic`); repeatable")->required();
  add->add_option("--narrative", a->narrative, "What happened");
  add->add_option("--narrative-language", a->narrative_language, "Language of the narrative (ISO 639-3, e.g. cmn, eng)");
  add->add_flag("--verbatim", a->verbatim, "The narrative quotes the speaker word for word");
  add->add_option("--title", a->title, "Short title");
  add->add_option("--country", a->country, "Country of occurrence (ISO 3166-1 alpha-2)");
  add->add_option("--start-date", a->start_date, "YYYY[-MM[-DD]], ~DATE for an estimate, A..B for a range");
  add->add_option("--end-date", a->end_date, "YYYY[-MM[-DD]]");
  add->add_option("--channel", a->channel, "Channel code or label (vocab list channel)");
  add->add_option("--outcome", a->outcome, "Outcome code or label (vocab list outcome)");
  add_record_args(add, a->record, false);
  ctx.bind(add, [&ctx, a] { return run_incident_add(ctx, *a); });
}

}  // namespace safehold::cli
