#include "field_def_reader.hpp"

#include <cstdint>

#include "data_reader.hpp"

namespace safehold::schema::detail {
namespace {

bool is_code_type(FieldType t) noexcept { return t == FieldType::code || t == FieldType::codes; }
bool has_sub_fields(FieldType t) noexcept { return t == FieldType::object || t == FieldType::list; }

// The vocabulary a field's values come from, by type.
std::string_view implicit_vocabulary(FieldType t) noexcept {
  switch (t) {
    case FieldType::country:
    case FieldType::countries: return "country";
    case FieldType::language:
    case FieldType::languages: return "language";
    case FieldType::date: return "date_precision";
    default: return {};
  }
}

bool searchable_type(FieldType t) noexcept {
  switch (t) {
    case FieldType::text:
    case FieldType::long_text:
    case FieldType::code:
    case FieldType::codes:
    case FieldType::country:
    case FieldType::countries:
    case FieldType::language:
    case FieldType::languages: return true;
    default: return false;
  }
}

expected<const VocabEntry*, LoadError> writable_code(const Vocabularies& vocabularies,
                                                     std::string_view vocab, const std::string& code,
                                                     const std::string& path) {
  const auto* v = vocabularies.find(vocab);
  if (!v) return load_error(SchemaError::unknown_vocabulary, path, std::string(vocab));
  if (!v->accepts_for_write(code)) return load_error(SchemaError::unknown_code, path, std::string(vocab));
  return v->find(code);
}

expected<void, LoadError> read_flags(ObjectReader& obj, FieldDef& field) {
  for (auto [key, slot] : {std::pair{"identifying", &field.identifying},
                           std::pair{"searchable", &field.searchable},
                           std::pair{"required", &field.required}}) {
    auto v = obj.flag(key);
    if (!v) return unexpected(v.error());
    *slot = *v;
  }
  if (field.searchable && !searchable_type(field.type)) {
    return load_error(SchemaError::bad_structure, obj.path_of("searchable"), "type cannot be searchable");
  }
  return {};
}

expected<void, LoadError> read_optional_strings(ObjectReader& obj, FieldDef& field) {
  for (auto [key, slot] : {std::pair{"vocab", &field.vocab}, std::pair{"ref", &field.ref},
                           std::pair{"consent_scope", &field.consent_scope},
                           std::pair{"sensitive", &field.sensitive},
                           std::pair{"format", &field.format}}) {
    auto v = obj.optional_string(key);
    if (!v) return unexpected(v.error());
    *slot = v->value_or("");
  }
  return {};
}

expected<void, LoadError> check_type_members(ObjectReader& obj, FieldDef& field,
                                             const Vocabularies& vocabularies) {
  bool wants_vocab = is_code_type(field.type) || field.type == FieldType::scopes;
  if (wants_vocab != !field.vocab.empty()) {
    return load_error(SchemaError::bad_structure, obj.path_of("vocab"), "vocab is for code, codes and scopes only");
  }
  auto vocab_name = field.vocab.empty() ? implicit_vocabulary(field.type) : std::string_view(field.vocab);
  if (!vocab_name.empty()) {
    field.vocabulary = vocabularies.find(vocab_name);
    if (!field.vocabulary) {
      return load_error(SchemaError::unknown_vocabulary, obj.path_of("vocab"), std::string(vocab_name));
    }
  }
  bool wants_ref = field.type == FieldType::ref || field.type == FieldType::refs;
  if (wants_ref != !field.ref.empty()) {
    return load_error(SchemaError::bad_structure, obj.path_of("ref"), "ref is for ref and refs only");
  }
  if (!field.format.empty() &&
      (field.type != FieldType::text ||
       (field.format != "sha256" && field.format != "media_type" && field.format != "age_recipient" &&
        field.format != "minisign_public_key"))) {
    return load_error(SchemaError::bad_structure, obj.path_of("format"), "unknown format");
  }
  if (!field.consent_scope.empty()) {
    auto ok = writable_code(vocabularies, "scope", field.consent_scope, obj.path_of("consent_scope"));
    if (!ok) return unexpected(ok.error());
  }
  if (!field.sensitive.empty()) {
    auto ok = writable_code(vocabularies, "sensitive", field.sensitive, obj.path_of("sensitive"));
    if (!ok) return unexpected(ok.error());
  }
  return {};
}

expected<void, LoadError> read_code_rules(ObjectReader& obj, FieldDef& field,
                                          const Vocabularies& vocabularies) {
  if (const auto* exclude = obj.member("exclude")) {
    if (!is_code_type(field.type) || !exclude->is_array() || exclude->empty()) {
      return load_error(SchemaError::bad_structure, obj.path_of("exclude"), "non-empty list for code fields");
    }
    for (const auto& code : *exclude) {
      if (!code.is_string()) return load_error(SchemaError::bad_structure, obj.path_of("exclude"));
      auto ok = writable_code(vocabularies, field.vocab, code.get<std::string>(), obj.path_of("exclude"));
      if (!ok) return unexpected(ok.error());
      field.exclude.push_back(code.get<std::string>());
    }
  }
  if (const auto* map = obj.member("scope_for_code")) {
    if (!is_code_type(field.type) || !map->is_object() || map->empty()) {
      return load_error(SchemaError::bad_structure, obj.path_of("scope_for_code"), "non-empty object for code fields");
    }
    for (const auto& [code, scope] : map->items()) {
      auto path = obj.path_of("scope_for_code");
      auto known = writable_code(vocabularies, field.vocab, code, path);
      if (!known) return unexpected(known.error());
      if (!scope.is_string()) return load_error(SchemaError::bad_structure, path);
      auto ok = writable_code(vocabularies, "scope", scope.get<std::string>(), path);
      if (!ok) return unexpected(ok.error());
      field.scope_for_code.emplace(code, scope.get<std::string>());
    }
  }
  return {};
}

expected<void, LoadError> read_bounds(ObjectReader& obj, FieldDef& field) {
  for (auto [key, slot] : {std::pair{"min", &field.min}, std::pair{"max", &field.max}}) {
    const auto* v = obj.member(key);
    if (!v) continue;
    if (field.type != FieldType::integer || !v->is_number_integer() ||
        (v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX)) {
      return load_error(SchemaError::bad_structure, obj.path_of(key), "integer bound for integer fields");
    }
    *slot = v->get<std::int64_t>();
  }
  if (field.min && field.max && *field.min > *field.max) {
    return load_error(SchemaError::bad_structure, obj.path_of("min"), "min above max");
  }
  return {};
}

}  // namespace

expected<FieldDef, LoadError> read_field_def(const nlohmann::json& value, const std::string& path,
                                             const Vocabularies& vocabularies, int depth) {
  auto obj = ObjectReader::open(value, path);
  if (!obj) return unexpected(obj.error());
  FieldDef field;
  auto name = obj->string("name");
  if (!name) return unexpected(name.error());
  // "not_answered" is the marker's key, so no field may carry that name.
  if (!is_snake_case(*name) || *name == "not_answered") {
    return load_error(SchemaError::bad_code, obj->path_of("name"));
  }
  field.name = std::move(*name);
  auto type_name = obj->string("type");
  if (!type_name) return unexpected(type_name.error());
  auto type = field_type_from_name(*type_name);
  if (!type) return load_error(SchemaError::unknown_field_type, obj->path_of("type"));
  field.type = *type;
  auto label = obj->text("label", kMaxLabelBytes);
  if (!label) return unexpected(label.error());
  field.label = std::move(*label);
  auto help = obj->text("help", kMaxDefinitionBytes);
  if (!help) return unexpected(help.error());
  field.help = std::move(*help);

  for (auto step : {read_flags, read_optional_strings, read_bounds}) {
    auto ok = step(*obj, field);
    if (!ok) return unexpected(ok.error());
  }
  auto members = check_type_members(*obj, field, vocabularies);
  if (!members) return unexpected(members.error());
  auto rules = read_code_rules(*obj, field, vocabularies);
  if (!rules) return unexpected(rules.error());

  const auto* subs = obj->member("fields");
  if (has_sub_fields(field.type) != (subs != nullptr)) {
    return load_error(SchemaError::bad_structure, obj->path_of("fields"), "sub-fields are for object and list only");
  }
  if (subs) {
    if (!subs->is_array() || subs->empty() || depth >= 3) {
      return load_error(SchemaError::bad_structure, obj->path_of("fields"), "non-empty array, nesting at most 3");
    }
    for (std::size_t i = 0; i < subs->size(); ++i) {
      auto sub = read_field_def((*subs)[i], obj->path_of("fields") + "[" + std::to_string(i) + "]",
                                vocabularies, depth + 1);
      if (!sub) return unexpected(sub.error());
      if (field.field(sub->name)) return load_error(SchemaError::duplicate_name, path, sub->name);
      field.fields.push_back(std::move(*sub));
    }
  }
  auto done = obj->finish();
  if (!done) return unexpected(done.error());
  return field;
}

}  // namespace safehold::schema::detail
