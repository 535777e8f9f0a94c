// Record-level validation: the members of `fields`, the not-answered marker,
// required fields, and the record envelope.
#include "validate_value.hpp"

#include "safehold/schema/formats.hpp"

namespace safehold::schema {

bool is_not_answered(const nlohmann::json& value) noexcept {
  if (!value.is_object() || value.size() != 1) return false;
  auto it = value.find("not_answered");
  return it != value.end() && it->is_string() &&
         (it->get_ref<const std::string&>() == "declined" || it->get_ref<const std::string&>() == "unknown");
}

namespace detail {

unexpected<ValidationError> invalid(SchemaError code, std::string path, std::string detail) {
  return unexpected(ValidationError{code, std::move(path), std::move(detail)});
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view name) noexcept {
  if (!object.is_object()) return nullptr;
  const auto& map = object.get_ref<const nlohmann::json::object_t&>();
  auto it = map.find(name);
  return it == map.end() ? nullptr : &it->second;
}

std::string member_path(const std::string& prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : prefix + "." + std::string(name);
}

std::string item_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

namespace {

// Member names come from the input; only schema-like names are echoed.
std::string_view printable_name(const std::string& key) noexcept {
  bool ok = !key.empty() && key.size() <= 48;
  for (char c : key) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  return ok ? std::string_view(key) : std::string_view("<member>");
}

const FieldDef* find(const std::vector<FieldDef>& defs, std::string_view name) noexcept {
  for (const auto& d : defs) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

}  // namespace

namespace {

// One member's verdict, without the collecting.
expected<void, ValidationError> validate_member(const FieldDef* def, const nlohmann::json& value,
                                                const std::string& path, ValidationContext& context) {
  if (!def) return invalid(SchemaError::unknown_field, path);
  if (value.is_object() && value.contains("not_answered")) {
    if (!is_not_answered(value)) return invalid(SchemaError::bad_not_answered, path);
    const auto* kinds = context.vocabularies->find("not_answered");
    if (!kinds || !kinds->accepts_for_write(value["not_answered"].get_ref<const std::string&>())) {
      return invalid(SchemaError::bad_not_answered, path);
    }
    if (def->required) return invalid(SchemaError::not_answered_required, path);
    return {};
  }
  return validate_value(*def, value, path, context);
}

// Stops at the first error, or records it and goes on when collecting.
expected<void, ValidationError> verdict(expected<void, ValidationError> ok, ValidationContext& context) {
  if (ok || context.collect == nullptr) return ok;
  context.collect->push_back(std::move(ok.error()));
  return {};
}

}  // namespace

expected<void, ValidationError> validate_members(const std::vector<FieldDef>& defs,
                                                 const nlohmann::json& object,
                                                 const std::string& prefix, ValidationContext& context) {
  if (!object.is_object()) return verdict(invalid(SchemaError::not_an_object, prefix), context);
  for (const auto& [key, value] : object.items()) {
    auto path = member_path(prefix, printable_name(key));
    if (auto ok = verdict(validate_member(find(defs, key), value, path, context), context); !ok) return ok;
  }
  for (const auto& def : defs) {
    if (def.required && !object.contains(def.name)) {
      auto missing = verdict(invalid(SchemaError::missing_required, member_path(prefix, def.name)), context);
      if (!missing) return missing;
    }
  }
  return {};
}

}  // namespace detail

expected<void, ValidationError> validate_fields(const EntityDef& entity, const nlohmann::json& fields,
                                                Mode mode) {
  detail::ValidationContext context{mode, entity.vocabularies, 0, nullptr};
  return detail::validate_members(entity.fields, fields, "", context);
}

std::vector<ValidationError> field_errors(const EntityDef& entity, const nlohmann::json& fields, Mode mode) {
  std::vector<ValidationError> errors;
  detail::ValidationContext context{mode, entity.vocabularies, 0, &errors};
  (void)detail::validate_members(entity.fields, fields, "", context);  // collecting: never fails itself
  return errors;
}

expected<const EntityDef*, ValidationError> validate_record(const Model& model, const nlohmann::json& record,
                                                            Mode mode) {
  auto bad = [](std::string path) { return detail::invalid(SchemaError::bad_record, std::move(path)); };
  if (!record.is_object()) return bad("");
  auto string_at = [&](const char* key) -> const std::string* {
    auto it = record.find(key);
    return it != record.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
  };
  const auto* entity_name = string_at("entity");
  const auto* entity = entity_name ? model.entity(*entity_name) : nullptr;
  if (!entity) return detail::invalid(SchemaError::unknown_entity, "entity");
  const auto* id = string_at("id");
  if (!id || !is_uuid_v4(*id)) return bad("id");
  const auto* case_id = string_at("case_id");
  if (entity->in_case != (case_id != nullptr) || (case_id && !is_uuid_v4(*case_id))) return bad("case_id");
  const auto* created = string_at("created_at");
  const auto* updated = string_at("updated_at");
  if (!created || !is_utc_timestamp(*created)) return bad("created_at");
  // The fixed-width form orders correctly as text.
  if (!updated || !is_utc_timestamp(*updated) || *updated < *created) return bad("updated_at");
  auto fields = record.find("fields");
  if (fields == record.end()) return bad("fields");
  std::size_t expected_members = entity->in_case ? 6 : 5;
  if (record.size() != expected_members) return bad("");
  auto ok = validate_fields(*entity, *fields, mode);
  if (!ok) return unexpected(ok.error());
  return entity;
}

}  // namespace safehold::schema
