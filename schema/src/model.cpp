// The entity model: field types, lookups and the strict model loader.
#include "safehold/schema/model.hpp"

#include <functional>

#include "data_reader.hpp"
#include "field_def_reader.hpp"
#include "safehold/schema/strict_json.hpp"

namespace safehold::schema {
namespace {

constexpr std::pair<FieldType, std::string_view> kTypeNames[] = {
    {FieldType::text, "text"},         {FieldType::long_text, "long_text"},
    {FieldType::boolean, "boolean"},   {FieldType::integer, "integer"},
    {FieldType::date, "date"},         {FieldType::datetime, "datetime"},
    {FieldType::code, "code"},         {FieldType::codes, "codes"},
    {FieldType::country, "country"},   {FieldType::countries, "countries"},
    {FieldType::language, "language"}, {FieldType::languages, "languages"},
    {FieldType::ref, "ref"},           {FieldType::refs, "refs"},
    {FieldType::object, "object"},     {FieldType::list, "list"},
    {FieldType::scopes, "scopes"},
};

const FieldDef* find_field(const std::vector<FieldDef>& fields, std::string_view name) noexcept {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// Every ref/refs target, at any depth, must be an entity of the model.
expected<void, LoadError> check_refs(const std::vector<FieldDef>& fields, const Model& model,
                                     const std::string& path) {
  for (const auto& f : fields) {
    if (!f.ref.empty() && !model.entity(f.ref)) {
      return detail::load_error(SchemaError::unknown_entity, path + "." + f.name, f.ref);
    }
    auto nested = check_refs(f.fields, model, path + "." + f.name);
    if (!nested) return nested;
  }
  return {};
}

}  // namespace

std::string_view field_type_name(FieldType type) noexcept {
  for (auto [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "text";
}

std::optional<FieldType> field_type_from_name(std::string_view name) noexcept {
  for (auto [t, n] : kTypeNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

const FieldDef* FieldDef::field(std::string_view n) const noexcept { return find_field(fields, n); }
const FieldDef* EntityDef::field(std::string_view n) const noexcept { return find_field(fields, n); }

const EntityDef* Model::entity(std::string_view name) const noexcept {
  for (const auto& e : entities_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

expected<Model, LoadError> Model::parse(std::string_view bytes, const Vocabularies& vocabularies) {
  const std::string where = "entities.json:";
  // Validation of any record needs these, whatever the fields use.
  for (auto required : {"not_answered", "scope", "scope_answer", "sensitive"}) {
    if (!vocabularies.find(required)) {
      return detail::load_error(SchemaError::unknown_vocabulary, where, required);
    }
  }
  auto doc = parse_strict_json(bytes, "entities.json");
  if (!doc) return unexpected(doc.error());
  auto file = detail::ObjectReader::open(*doc, where);
  if (!file) return unexpected(file.error());
  Model model;
  model.vocabularies_ = &vocabularies;
  auto version = file->version("version");
  if (!version) return unexpected(version.error());
  model.version_ = *version;
  auto entities = file->array("entities", /*non_empty=*/true);
  if (!entities) return unexpected(entities.error());
  auto done = file->finish();
  if (!done) return unexpected(done.error());

  for (std::size_t i = 0; i < (*entities)->size(); ++i) {
    auto obj = detail::ObjectReader::open((**entities)[i], where + " entities[" + std::to_string(i) + "]");
    if (!obj) return unexpected(obj.error());
    EntityDef entity;
    entity.vocabularies = &vocabularies;
    auto name = obj->string("name");
    if (!name) return unexpected(name.error());
    if (!detail::is_snake_case(*name)) return detail::load_error(SchemaError::bad_code, obj->path_of("name"));
    if (model.entity(*name)) return detail::load_error(SchemaError::duplicate_name, obj->path_of("name"), *name);
    entity.name = std::move(*name);
    auto label = obj->text("label", detail::kMaxLabelBytes);
    if (!label) return unexpected(label.error());
    entity.label = std::move(*label);
    auto help = obj->text("help", detail::kMaxDefinitionBytes);
    if (!help) return unexpected(help.error());
    entity.help = std::move(*help);
    auto in_case = obj->flag("in_case");
    if (!in_case) return unexpected(in_case.error());
    entity.in_case = *in_case;
    auto fields = obj->array("fields", /*non_empty=*/true);
    if (!fields) return unexpected(fields.error());
    for (std::size_t k = 0; k < (*fields)->size(); ++k) {
      auto field = detail::read_field_def((**fields)[k], obj->path_of("fields") + "[" + std::to_string(k) + "]",
                                          vocabularies);
      if (!field) return unexpected(field.error());
      if (entity.field(field->name)) {
        return detail::load_error(SchemaError::duplicate_name, obj->path_of("fields"), field->name);
      }
      entity.fields.push_back(std::move(*field));
    }
    auto entity_done = obj->finish();
    if (!entity_done) return unexpected(entity_done.error());
    model.entities_.push_back(std::move(entity));
  }
  for (const auto& e : model.entities_) {
    auto ok = check_refs(e.fields, model, where + " " + e.name);
    if (!ok) return unexpected(ok.error());
  }
  return model;
}

}  // namespace safehold::schema
