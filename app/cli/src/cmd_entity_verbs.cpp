// person | session | legal-measure | incident: add, list, show, edit, delete
// for the records a caseworker writes most. They are the `record` commands
// with the entity fixed, plus one option per simple field, generated from the
// entity model (schema/model/entities.json): a field added there is an option
// here without code. Sub-fields of objects become --PARENT-SUB.
#include <map>
#include <memory>

#include "commands.hpp"
#include "field_args.hpp"
#include "help_command.hpp"
#include "id_args.hpp"
#include "record_commands.hpp"

namespace safehold::cli {
namespace {

using namespace record_verbs;
using schema::FieldType;

struct Verbs {
  const char* command;  // the group's name on the command line
  const char* entity;   // in the model
};
constexpr Verbs kVerbs[] = {
    {"person", "person"}, {"session", "interview_session"}, {"legal-measure", "legal_measure"}, {"incident", "incident"}};

bool has_option(FieldType type) {
  return type != FieldType::object && type != FieldType::list && type != FieldType::scopes;
}
bool is_list(FieldType type) {
  return type == FieldType::codes || type == FieldType::countries || type == FieldType::languages ||
         type == FieldType::refs;
}

std::string dashed(std::string name) {
  for (auto& c : name) c = (c == '_' || c == '.') ? '-' : c;
  return name;
}

std::string describe_field(const schema::FieldDef& def) {
  std::string text = def.label.in(schema::Language::en) + " (" + std::string(schema::field_type_name(def.type));
  if (def.vocabulary != nullptr) text += ", code or label: vocab list " + def.vocabulary->name();
  if (def.identifying) text += ", identifying";
  if (!def.consent_scope.empty()) text += ", needs consent scope " + def.consent_scope;
  text += is_list(def.type) ? "; repeatable or comma-separated)" : ")";
  return text;
}

// The field options of one command: field path -> the value(s) given.
struct FieldOptions {
  std::map<std::string, std::vector<std::string>> lists;
  std::map<std::string, std::string> singles;  // given twice: a usage error (CLI11)
  std::vector<std::pair<std::string, const CLI::Option*>> single_options;

  void add_to(CLI::App* command, const std::vector<schema::FieldDef>& defs, const std::string& prefix = "") {
    for (const auto& def : defs) {
      const auto path = prefix.empty() ? def.name : prefix + "." + def.name;
      if (def.type == FieldType::object) {
        add_to(command, def.fields, path);
        continue;
      }
      if (!has_option(def.type)) continue;  // lists of objects and scope maps: --from-file
      const auto name = "--" + dashed(path);
      if (is_list(def.type)) {
        command->add_option(name, lists[path], describe_field(def));
      } else {
        single_options.emplace_back(path, command->add_option(name, singles[path], describe_field(def)));
      }
    }
  }
  // Applied like a command's convenience options: after --from-file, before --field.
  RecordArgs onto(RecordArgs args) const {
    for (const auto& [path, option] : single_options) {
      if (option->count() > 0) add_shortcut(args, path, singles.at(path));
    }
    for (const auto& [path, given] : lists) {
      for (const auto& value : given) add_shortcut(args, path, value);
    }
    return args;
  }
};

void add_verbs(CLI::App& app, Context& ctx, const Verbs& v) {
  const auto* def = schema::Model::builtin().entity(v.entity);
  if (def == nullptr) return;  // the embedded model always has them; a test checks each group exists
  const std::string entity = v.entity;
  auto* group = subcommand_named(app, v.command);
  if (group == nullptr) {
    group = app.add_subcommand(v.command, def->label.in(schema::Language::en) + " records (" + entity +
                                              "): add, list, show, edit, delete");
  }
  auto has = [group](const char* name) { return subcommand_named(*group, name) != nullptr; };

  if (!has("add")) {
    struct Add {
      AddOptions options;
      FieldOptions fields;
    };
    auto a = std::make_shared<Add>();
    a->options.entity = entity;
    auto* add = group->add_subcommand("add", "Add a " + entity + " record to CASE; prints its id");
    add_case_arg(add, a->options.case_ref);
    a->fields.add_to(add, def->fields);
    add_record_args(add, a->options.record, false);
    a->options.printed.add_flag(add);
    ctx.bind(add, [&ctx, a] {
      AddOptions o = a->options;
      o.record = a->fields.onto(o.record);
      return run_add(ctx, o);
    });
  }
  if (!has("list")) {
    auto l = std::make_shared<ListOptions>();
    l->entity = entity;
    auto* list = group->add_subcommand("list", "List " + entity + " records of CASE (all cases without it)");
    list->add_option("CASE", l->case_ref, "Case id or reference")->check(case_ref_validator());
    list->add_flag("--json", l->json, "Print JSON");
    ctx.bind(list, [&ctx, l] { return run_list(ctx, *l); });
  }
  if (!has("show")) {
    auto s = std::make_shared<IdOptions>();
    auto* show = group->add_subcommand("show", "Show a " + entity + " record");
    add_id_arg(show, s->id);
    show->add_flag("--json", s->json, "Print the record as JSON");
    ctx.bind(show, [&ctx, s] { return run_show(ctx, *s); });
  }
  if (!has("edit")) {
    struct Edit {
      EditOptions options;
      FieldOptions fields;
    };
    auto e = std::make_shared<Edit>();
    auto* edit = group->add_subcommand(
        "edit", "Change fields of a " + entity + " record; fields not given stay (--replace: only what is given)");
    add_id_arg(edit, e->options.id);
    e->fields.add_to(edit, def->fields);
    add_record_args(edit, e->options.record, true);
    ctx.bind(edit, [&ctx, e] {
      EditOptions o = e->options;
      o.record = e->fields.onto(o.record);
      return run_edit(ctx, o);
    });
  }
  if (!has("delete")) {
    auto d = std::make_shared<IdOptions>();
    auto* del = group->add_subcommand("delete", "Delete a " + entity + " record (as `record delete`)");
    add_id_arg(del, d->id);
    del->add_flag("--yes", d->yes, "Confirm the deletion");
    del->add_flag("--json", d->json, "Print JSON: the case, whether it was a copy, the notice and its recipients");
    ctx.bind(del, [&ctx, d] { return run_delete(ctx, *d); });
  }
}

}  // namespace

void add_entity_verbs(CLI::App& app, Context& ctx) {
  for (const auto& v : kVerbs) add_verbs(app, ctx, v);
}

}  // namespace safehold::cli
