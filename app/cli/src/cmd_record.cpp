// record add|show|edit|delete|list: any entity of the data model, with JSON
// in and out (DEVELOPERS.md "Records") and --field for simple fields.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "id_args.hpp"
#include "notice_status.hpp"
#include "output.hpp"
#include "provenance.hpp"
#include "record_commands.hpp"

namespace safehold::cli::record_verbs {

Outcome run_add(Context& ctx, const AddOptions& o) {
  auto input = build_record(o.record, {o.entity, "", ""}, nlohmann::json::object());
  if (!input) return unexpected(input.error());
  auto def = entity_def(input->entity);
  if (!def) return unexpected(def.error());
  if (!(*def)->in_case && (!o.case_ref.empty() || !input->case_id.empty())) {
    return fail(ExitCode::usage, "a " + input->entity + " record does not belong to a case");
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  std::string case_id;
  if ((*def)->in_case) {
    const auto& arg = o.case_ref.empty() ? input->case_id : o.case_ref;
    if (arg.empty()) return fail(ExitCode::usage, "a " + input->entity + " record needs --case CASE");
    auto resolved = resolve_case(**vault, arg);
    if (!resolved) return unexpected(resolved.error());
    if (!input->case_id.empty() && input->case_id != *resolved) {
      return fail(ExitCode::usage, "JSON input: \"case_id\" does not match --case");
    }
    case_id = *resolved;
  }
  if (auto valid = refuse_all_schema_errors(input->entity, input->fields); !valid) return valid;
  auto rec = lift((*vault)->records().create(input->entity, case_id, std::move(input->fields)));
  if (!rec) return unexpected(rec.error());
  o.printed.print(rec->id);
  return {};
}

namespace {

expected<storage::Record, Failure> get_record(Context& ctx, const std::string& id) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto rec = (*vault)->records().get(id);
  if (!rec && rec.error().code == storage::VaultError::not_found) {
    return fail(ExitCode::not_found, "no record with id " + id);
  }
  return lift(std::move(rec));
}

}  // namespace

Outcome run_show(Context& ctx, const IdOptions& o) {
  auto rec = get_record(ctx, o.id);
  if (!rec) return unexpected(rec.error());
  print_record_json_or_text(*rec, o.json);
  if (o.json) return {};
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  return print_provenance(**vault, rec->id);
}

Outcome run_edit(Context& ctx, const EditOptions& o) {
  if (o.record.from_file.empty() && o.record.fields.empty() && o.record.shortcuts.empty()) {
    return fail(ExitCode::usage, "nothing to change (give --from-file, --field, --not-answered or --unset)");
  }
  auto rec = get_record(ctx, o.id);
  if (!rec) return unexpected(rec.error());
  auto input = build_record(o.record, {rec->entity, rec->case_id, rec->id}, rec->fields);
  if (!input) return unexpected(input.error());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  if (auto valid = refuse_all_schema_errors(rec->entity, input->fields); !valid) return valid;
  // Through core::casework: a withdrawal filled in on the consent of the
  // vault's own case is a withdrawal, and its notice goes out with it.
  auto done = lift(core::casework::save_record_edit(**vault, o.id, std::move(input->fields)));
  if (!done) return unexpected(done.error());
  if (done->notice) report_notice(**vault, rec->case_id, *done);
  return {};
}

Outcome run_delete(Context& ctx, const IdOptions& o) {
  if (!o.yes) return fail(ExitCode::usage, "deleting cannot be undone: add --yes");
  auto rec = get_record(ctx, o.id);
  if (!rec) return unexpected(rec.error());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  // The owner's deletion reaches every earlier recipient of the case as a
  // notice (core::casework; a case record: the whole case).
  auto done = lift(core::casework::delete_record(**vault, o.id));
  if (!done) return unexpected(done.error());
  report_notice(**vault, rec->entity == "case" ? rec->id : rec->case_id, *done, o.json);
  return {};
}

Outcome run_list(Context& ctx, const ListOptions& o) {
  if (o.case_ref.empty() && o.entity.empty()) return fail(ExitCode::usage, "give --case CASE, --entity ENTITY or both");
  if (!o.entity.empty()) {
    if (auto def = entity_def(o.entity); !def) return unexpected(def.error());
  }
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  expected<std::vector<storage::Record>, Failure> records = std::vector<storage::Record>{};
  if (!o.case_ref.empty()) {
    auto case_id = resolve_case(**vault, o.case_ref);
    if (!case_id) return unexpected(case_id.error());
    records = lift((*vault)->records().list(*case_id, o.entity));
  } else {
    records = lift((*vault)->records().list_entity(o.entity));
  }
  if (!records) return unexpected(records.error());
  Listing out(o.json);
  for (const auto& r : *records) {
    out.add(r.to_json(), r.id + "\t" + r.entity + "\t" + (r.case_id.empty() ? "-" : r.case_id) + "\t" + r.updated_at);
  }
  out.finish();
  return {};
}

}  // namespace safehold::cli::record_verbs

namespace safehold::cli {

void add_record_commands(CLI::App& app, Context& ctx) {
  using namespace record_verbs;
  auto* group = app.add_subcommand("record", "Records of any entity (person, incident, legal_measure, ...)");

  auto a = std::make_shared<AddOptions>();
  auto* add = group->add_subcommand("add", "Create a record; prints its id");
  a->printed.add_flag(add);
  add->add_option("--entity", a->entity, "Entity (case, person, incident, legal_measure, evidence_item, ...)");
  add->add_option("--case", a->case_ref, "The case the record belongs to")->check(case_ref_validator());
  add_record_args(add, a->record, false);
  ctx.bind(add, [&ctx, a] { return run_add(ctx, *a); });

  auto s = std::make_shared<IdOptions>();
  auto* show = group->add_subcommand("show", "Show a record");
  add_id_arg(show, s->id);
  show->add_flag("--json", s->json, "Print the record as JSON");
  ctx.bind(show, [&ctx, s] { return run_show(ctx, *s); });

  auto e = std::make_shared<EditOptions>();
  auto* edit = group->add_subcommand("edit", "Change fields of a record; fields not given stay (--replace: the record becomes exactly what is given)");
  add_id_arg(edit, e->id);
  add_record_args(edit, e->record, true);
  ctx.bind(edit, [&ctx, e] { return run_edit(ctx, *e); });

  auto d = std::make_shared<IdOptions>();
  auto* del = group->add_subcommand("delete", "Delete a record (an evidence item takes its attachment with it)");
  add_id_arg(del, d->id);
  del->add_flag("--yes", d->yes, "Confirm the deletion");
  del->add_flag("--json", d->json, "Print JSON: the case, whether it was a copy, the notice and its recipients");
  ctx.bind(del, [&ctx, d] { return run_delete(ctx, *d); });

  auto l = std::make_shared<ListOptions>();
  auto* list = group->add_subcommand("list", "List records of a case and/or of an entity");
  list->add_option("--case", l->case_ref, "Records of this case (the case record itself excluded)")
      ->check(case_ref_validator());
  list->add_option("--entity", l->entity, "Only records of this entity");
  list->add_flag("--json", l->json, "Print JSON");
  ctx.bind(list, [&ctx, l] { return run_list(ctx, *l); });
}

}  // namespace safehold::cli
