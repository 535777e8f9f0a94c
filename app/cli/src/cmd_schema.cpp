// schema entities|fields ENTITY: what the entity model (schema/model/
// entities.json, compiled in) says about each field, so nobody has to read
// the JSON to know a field's type, vocabulary, whether it is identifying and
// which consent scope storing it needs. No vault needed.
#include <memory>

#include "commands.hpp"
#include "field_args.hpp"
#include "output.hpp"

namespace safehold::cli {
namespace {

// The scopes a value of this field can need: its own consent_scope, and
// per code (interview recording "audio" needs audio_record).
nlohmann::json scopes_of(const schema::FieldDef& def) {
  nlohmann::json out = nlohmann::json::object();
  if (!def.consent_scope.empty()) out["any value"] = def.consent_scope;
  for (const auto& [code, scope] : def.scope_for_code) out[code] = scope;
  return out;
}

std::string scopes_text(const nlohmann::json& scopes) {
  if (scopes.empty()) return "-";
  std::string text;
  for (const auto& [when, scope] : scopes.items()) {
    text += (text.empty() ? "" : ",") + (when == "any value" ? scope.get<std::string>() : when + "=>" + scope.get<std::string>());
  }
  return text;
}

void list_fields(const std::vector<schema::FieldDef>& defs, const std::string& prefix, Listing& out) {
  for (const auto& def : defs) {
    const auto name = prefix.empty() ? def.name : prefix + "." + def.name;
    const std::string vocabulary = def.vocabulary != nullptr ? def.vocabulary->name() : "";
    const auto scopes = scopes_of(def);
    out.add({{"field", name},
             {"type", std::string(schema::field_type_name(def.type))},
             {"vocabulary", vocabulary},
             {"required", def.required},
             {"identifying", def.identifying},
             {"consent_scopes", scopes},
             {"label", def.label.in(schema::Language::en)}},
            name + "\t" + std::string(schema::field_type_name(def.type)) + "\t" +
                (vocabulary.empty() ? "-" : vocabulary) + "\t" + (def.required ? "required" : "optional") + "\t" +
                (def.identifying ? "identifying" : "-") + "\t" + scopes_text(scopes));
    list_fields(def.fields, name, out);
  }
}

struct FieldsOptions {
  std::string entity;
  bool json = false;
};

Outcome run_fields(const FieldsOptions& o) {
  auto def = entity_def(o.entity);
  if (!def) return unexpected(def.error());
  Listing out(o.json);
  list_fields((*def)->fields, "", out);
  out.finish();
  return {};
}

Outcome run_entities(bool json) {
  Listing out(json);
  for (const auto& e : schema::Model::builtin().entities()) {
    out.add({{"entity", e.name}, {"in_case", e.in_case}, {"label", e.label.in(schema::Language::en)}},
            e.name + "\t" + (e.in_case ? "in a case" : "-") + "\t" + e.label.in(schema::Language::en));
  }
  out.finish();
  return {};
}

}  // namespace

void add_schema_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("schema", "The entity model: entities and their fields (no vault needed)");

  auto entities_json = std::make_shared<bool>(false);
  auto* entities = group->add_subcommand("entities", "List the entities: name, whether in a case, label");
  entities->add_flag("--json", *entities_json, "Print JSON");
  ctx.bind(entities, [entities_json] { return run_entities(*entities_json); });

  auto f = std::make_shared<FieldsOptions>();
  auto* fields = group->add_subcommand(
      "fields", "List an entity's fields: name (PARENT.SUB for sub-fields), type, vocabulary, required, "
                "identifying, consent scope a value needs (CODE=>SCOPE: only for that code)");
  fields->add_option("ENTITY", f->entity, "Entity (see `schema entities`)")->required();
  fields->add_flag("--json", f->json, "Print JSON");
  ctx.bind(fields, [f] { return run_fields(*f); });
}

}  // namespace safehold::cli
