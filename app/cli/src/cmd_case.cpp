// case new|list|show|edit|delete (import-json lives in cmd_case_import.cpp).
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "field_args.hpp"
#include "id_args.hpp"
#include "notice_status.hpp"
#include "output.hpp"
#include "provenance.hpp"
#include "record_args.hpp"

namespace safehold::cli {
namespace {

// Convenience options shared by new and edit.
struct CaseFieldOptions {
  std::string title, status, priority, privilege, lead_worker;
  std::vector<std::string> purposes;
  RecordArgs record;
  IdOutput printed;  // new only

  void add(CLI::App* sub, bool edit) {
    if (!edit) printed.add_flag(sub);
    sub->add_option("--title", title, "Title (non-identifying)");
    sub->add_option("--status", status, "Status code or label (vocab list case_status)");
    sub->add_option("--priority", priority, "Priority code or label (vocab list priority)");
    sub->add_option("--purpose", purposes, "Purpose code or label (vocab list purpose); repeatable");
    sub->add_option("--privilege", privilege, "Privilege code or label (vocab list privilege)");
    sub->add_option("--lead-worker", lead_worker, "Lead worker");
    add_record_args(sub, record, edit);
  }
  RecordArgs with_shortcuts() const {
    RecordArgs out = record;
    add_shortcuts(out, {{"title", &title}, {"status", &status}, {"priority", &priority},
                        {"privilege", &privilege}, {"lead_worker", &lead_worker}});
    add_list_shortcut(out, "purposes", purposes);
    return out;
  }
};

Outcome run_new(Context& ctx, const CaseFieldOptions& o) {
  auto input = build_record(o.with_shortcuts(), {"case", "", ""}, nlohmann::json::object());
  if (!input) return unexpected(input.error());
  if (input->entity != "case") return fail(ExitCode::usage, "the JSON input is not a case record");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  if (auto valid = refuse_all_schema_errors("case", input->fields); !valid) return valid;
  auto rec = lift((*vault)->records().create("case", "", std::move(input->fields)));
  if (!rec) return unexpected(rec.error());
  o.printed.print(rec->id);
  return {};
}

struct CaseListOptions {
  std::vector<std::string> statuses, priorities, risks, tactics, countries, purposes, consent;
  std::string text, sort = "last_change";
  bool ascending = false, json = false;
  std::size_t limit = 50, offset = 0;
};

storage::CaseSort sort_from(const std::string& s) {
  using storage::CaseSort;
  if (s == "created") return CaseSort::created;
  if (s == "reference") return CaseSort::reference;
  if (s == "title") return CaseSort::title;
  if (s == "status") return CaseSort::status;
  if (s == "priority") return CaseSort::priority;
  if (s == "risk") return CaseSort::risk;
  return CaseSort::last_change;
}

nlohmann::json case_summary_json(const storage::CaseSummary& c) {
  return {{"case_id", c.case_id},   {"reference", c.reference},     {"title", c.title},
          {"status", c.status},     {"priority", c.priority},       {"risk_rating", c.risk_rating},
          {"consent", storage::to_string(c.consent)}, {"tactics", c.tactics},
          {"countries", c.countries}, {"purposes", c.purposes},     {"created_at", c.created_at},
          {"last_change", c.last_change}, {"from", c.from}};
}

Outcome run_case_list(Context& ctx, const CaseListOptions& o) {
  storage::CaseQuery q;
  // Codes or labels in any language, resolved as writes resolve them; an
  // unknown value is refused rather than quietly matching nothing.
  const struct {
    const char* vocabulary;
    const char* option;
    const std::vector<std::string>& given;
    std::vector<std::string>& codes;
  } filters[] = {{"case_status", "--status", o.statuses, q.statuses},
                 {"priority", "--priority", o.priorities, q.priorities},
                 {"risk_rating", "--risk", o.risks, q.risk_ratings},
                 {"tactic", "--tactic", o.tactics, q.tactics},
                 {"country", "--country", o.countries, q.countries},
                 {"purpose", "--purpose", o.purposes, q.purposes}};
  for (const auto& f : filters) {
    auto codes = resolve_filter_codes(f.vocabulary, f.given, f.option);
    if (!codes) return unexpected(codes.error());
    f.codes = std::move(*codes);
  }
  for (const auto& c : o.consent) {
    q.consent.push_back(c == "given" ? storage::ConsentState::given
                        : c == "withdrawn" ? storage::ConsentState::withdrawn
                                           : storage::ConsentState::none);
  }
  q.text = o.text;
  q.sort = sort_from(o.sort);
  q.descending = !o.ascending;
  q.limit = o.limit;
  q.offset = o.offset;
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto cases = lift((*vault)->cases().list(q));
  if (!cases) return unexpected(cases.error());
  Listing out(o.json);
  for (const auto& c : *cases) {
    out.add(case_summary_json(c), c.case_id + "\t" + c.reference + "\t" + (c.status.empty() ? "-" : c.status) + "\t" +
                                 storage::to_string(c.consent) + "\t" + c.title +
                                 // Whose an imported case is: its reference was numbered by another vault.
                                 (c.from.empty() ? "" : "\tfrom " + c.from));
  }
  out.finish();
  return {};
}

struct CaseShowOptions {
  std::string case_ref;
  bool all = false, json = false;
};

Outcome run_case_show(Context& ctx, const CaseShowOptions& o) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  auto rec = lift((*vault)->records().get(*case_id));
  if (!rec) return unexpected(rec.error());
  if (!o.all) {
    if (o.json) {
      print_json(rec->to_json());
      return {};
    }
    print_record(*rec);
    if (auto from = print_provenance(**vault, *case_id); !from) return from;
    auto summary = lift((*vault)->cases().get(*case_id));
    if (!summary) return unexpected(summary.error());
    print_line(std::string("consent: ") + storage::to_string(summary->consent));
    print_line("last change: " + summary->last_change);
    return print_notice_status(**vault, *case_id);  // the withdrawal banner, notices and their recipients
  }
  auto records = lift((*vault)->records().list(*case_id));
  if (!records) return unexpected(records.error());
  if (o.json) {
    nlohmann::json all = nlohmann::json::array({rec->to_json()});
    for (const auto& r : *records) all.push_back(r.to_json());
    print_json(all);
    return {};
  }
  print_record(*rec);
  if (auto from = print_provenance(**vault, *case_id); !from) return from;
  for (const auto& r : *records) {
    print_line("");
    print_record(r);
    if (auto from = print_provenance(**vault, r.id); !from) return from;
  }
  return {};
}

struct CaseEditOptions {
  std::string case_ref;
  CaseFieldOptions fields;
};

Outcome run_case_edit(Context& ctx, const CaseEditOptions& o) {
  const auto args = o.fields.with_shortcuts();
  if (args.from_file.empty() && args.fields.empty() && args.shortcuts.empty()) {
    return fail(ExitCode::usage, "nothing to change (give --title, --field, --from-file...)");
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  auto rec = lift((*vault)->records().get(*case_id));
  if (!rec) return unexpected(rec.error());
  auto input = build_record(args, {"case", "", *case_id}, rec->fields);
  if (!input) return unexpected(input.error());
  // The vault keeps the case's reference whatever the input says.
  if (auto valid = refuse_all_schema_errors("case", input->fields); !valid) return valid;
  auto updated = lift((*vault)->records().update(*case_id, std::move(input->fields)));
  if (!updated) return unexpected(updated.error());
  return {};
}

struct CaseDeleteOptions {
  std::string case_ref;
  bool yes = false, json = false;
};

Outcome run_case_delete(Context& ctx, const CaseDeleteOptions& o) {
  if (!o.yes) return fail(ExitCode::usage, "deleting a case deletes all its records and attachments: add --yes");
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto case_id = resolve_case(**vault, o.case_ref);
  if (!case_id) return unexpected(case_id.error());
  // The owner's deletion reaches every earlier recipient as a notice; a copy's stays local.
  auto done = lift(core::casework::delete_record(**vault, *case_id));
  if (!done) return unexpected(done.error());
  report_notice(**vault, *case_id, *done, o.json);
  return {};
}

}  // namespace

void add_case_import_command(CLI::App* group, Context& ctx);

void add_case_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("case", "Cases: create, list, show, edit, delete, import");

  auto n = std::make_shared<CaseFieldOptions>();
  auto* create = group->add_subcommand("new", "Create a case; prints its id");
  n->add(create, false);
  ctx.bind(create, [&ctx, n] { return run_new(ctx, *n); });

  auto l = std::make_shared<CaseListOptions>();
  auto* list = group->add_subcommand("list", "List cases: id, reference, status, consent, title");
  list->add_option("--status", l->statuses, "Only these statuses, code or label (vocab list case_status); repeatable");
  list->add_option("--priority", l->priorities, "Only these priorities, code or label (vocab list priority); repeatable");
  list->add_option("--risk", l->risks, "Only these risk ratings, code or label (vocab list risk_rating); repeatable");
  list->add_option("--tactic", l->tactics,
                   "Only cases with one of these tactics, code or label (vocab list tactic); repeatable");
  list->add_option("--country", l->countries,
                   "Only cases with one of these countries, code or name (vocab list country); repeatable");
  list->add_option("--purpose", l->purposes,
                   "Only cases with one of these purposes, code or label (vocab list purpose); repeatable");
  list->add_option("--consent", l->consent, "Only cases in these consent states; repeatable")
      ->check(CLI::IsMember({"none", "given", "withdrawn"}));
  list->add_option("--text", l->text, "Free text (reference, title, or any searchable field)");
  list->add_option("--sort", l->sort, "Sort key")
      ->check(CLI::IsMember({"last_change", "created", "reference", "title", "status", "priority", "risk"}));
  list->add_flag("--ascending", l->ascending, "Sort ascending (default: descending)");
  list->add_option("--limit", l->limit, "At most this many cases (1-1000)")->check(CLI::Range(1, 1000));
  list->add_option("--offset", l->offset, "Skip this many cases");
  list->add_flag("--json", l->json, "Print JSON");
  ctx.bind(list, [&ctx, l] { return run_case_list(ctx, *l); });

  auto s = std::make_shared<CaseShowOptions>();
  auto* show = group->add_subcommand("show", "Show a case (with --all, every record of it)");
  add_case_arg(show, s->case_ref);
  show->add_flag("--all", s->all, "Also show every record of the case");
  show->add_flag("--json", s->json, "Print JSON (with --all: an array, the case first)");
  ctx.bind(show, [&ctx, s] { return run_case_show(ctx, *s); });

  auto e = std::make_shared<CaseEditOptions>();
  auto* edit = group->add_subcommand("edit", "Change fields of a case");
  add_case_arg(edit, e->case_ref);
  e->fields.add(edit, true);
  ctx.bind(edit, [&ctx, e] { return run_case_edit(ctx, *e); });

  auto d = std::make_shared<CaseDeleteOptions>();
  auto* del = group->add_subcommand("delete", "Delete a case with all its records and attachments");
  add_case_arg(del, d->case_ref);
  del->add_flag("--yes", d->yes, "Confirm the deletion");
  del->add_flag("--json", d->json, "Print JSON: the case, whether it was a copy, the notice and its recipients");
  ctx.bind(del, [&ctx, d] { return run_case_delete(ctx, *d); });

  add_case_import_command(group, ctx);
}

}  // namespace safehold::cli
