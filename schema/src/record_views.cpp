// Read-only views of a record's fields driven by the model's flags: references,
// redaction, consent-scope needs and searchable text. They tolerate malformed
// input (a value of the wrong shape is skipped), so callers may use them on
// data that failed validation without crashing; storage validates first.
#include <functional>

#include "safehold/schema/formats.hpp"
#include "validate_value.hpp"

namespace safehold::schema {
namespace {

using nlohmann::json;
using detail::item_path;
using detail::member_path;

// Calls visit(def, value, path) for every present field value (not the
// not-answered marker), descending into objects and list items.
void walk(const std::vector<FieldDef>& defs, const json& object, const std::string& prefix,
          const std::function<void(const FieldDef&, const json&, const std::string&)>& visit) {
  if (!object.is_object()) return;
  for (const auto& def : defs) {
    const auto* value = detail::member(object, def.name);
    if (!value || is_not_answered(*value)) continue;
    auto path = member_path(prefix, def.name);
    visit(def, *value, path);
    if (def.type == FieldType::object) walk(def.fields, *value, path, visit);
    if (def.type == FieldType::list && value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i) walk(def.fields, (*value)[i], item_path(path, i), visit);
    }
  }
}

json without_identifying(const std::vector<FieldDef>& defs, const json& object) {
  if (!object.is_object()) return object;
  json out = json::object();
  for (const auto& [key, value] : object.items()) {
    const FieldDef* def = nullptr;
    for (const auto& d : defs) {
      if (d.name == key) def = &d;
    }
    // Unknown members are not copied: what the model does not describe
    // cannot be shown to be non-identifying.
    if (!def || def->identifying) continue;
    if (def->type == FieldType::object && !is_not_answered(value)) {
      out[key] = without_identifying(def->fields, value);
    } else if (def->type == FieldType::list && value.is_array()) {
      json items = json::array();
      for (const auto& item : value) items.push_back(without_identifying(def->fields, item));
      out[key] = std::move(items);
    } else {
      out[key] = value;
    }
  }
  return out;
}

void append_labels(std::string& out, const Vocabulary* vocab, const json& code) {
  if (!code.is_string()) return;
  const auto* entry = vocab ? vocab->find(code.get_ref<const std::string&>()) : nullptr;
  if (!entry) return;
  out.append(entry->code);
  for (auto language : kAllLanguages) out.append("\n").append(entry->label.in(language));
  out.append("\n");
}

// Sub-fields of an identifying object or list are identifying too.
void collect_text(const std::vector<FieldDef>& defs, const json& object, bool include_identifying,
                  std::string& out) {
  if (!object.is_object()) return;
  for (const auto& def : defs) {
    const auto* found = detail::member(object, def.name);
    if (!found || is_not_answered(*found) || (def.identifying && !include_identifying)) continue;
    const auto& value = *found;
    switch (def.type) {
      case FieldType::object: collect_text(def.fields, value, include_identifying, out); break;
      case FieldType::list:
        if (value.is_array()) {
          for (const auto& item : value) collect_text(def.fields, item, include_identifying, out);
        }
        break;
      case FieldType::text:
      case FieldType::long_text:
        if (def.searchable && value.is_string()) out.append(value.get_ref<const std::string&>()).append("\n");
        break;
      case FieldType::code:
      case FieldType::country:
      case FieldType::language:
        if (def.searchable) append_labels(out, def.vocabulary, value);
        break;
      case FieldType::codes:
      case FieldType::countries:
      case FieldType::languages:
        if (def.searchable && value.is_array()) {
          for (const auto& code : value) append_labels(out, def.vocabulary, code);
        }
        break;
      default: break;
    }
  }
}

}  // namespace

std::vector<Reference> referenced_ids(const EntityDef& entity, const json& fields) {
  std::vector<Reference> out;
  walk(entity.fields, fields, "", [&](const FieldDef& def, const json& value, const std::string& path) {
    auto add = [&](const json& id, const std::string& p) {
      if (id.is_string() && is_uuid_v4(id.get_ref<const std::string&>())) {
        out.push_back({p, def.ref, id.get<std::string>()});
      }
    };
    if (def.type == FieldType::ref) add(value, path);
    if (def.type == FieldType::refs && value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) add(value[i], item_path(path, i));
    }
  });
  return out;
}

json redact_identifying(const EntityDef& entity, const json& fields) {
  return without_identifying(entity.fields, fields);
}

std::vector<ScopeNeed> fields_needing_scope(const EntityDef& entity, const json& fields) {
  std::vector<ScopeNeed> out;
  walk(entity.fields, fields, "", [&](const FieldDef& def, const json& value, const std::string& path) {
    if (!def.consent_scope.empty()) out.push_back({path, def.consent_scope});
    if (def.scope_for_code.empty()) return;
    auto need = [&](const json& code, const std::string& p) {
      if (!code.is_string()) return;
      auto it = def.scope_for_code.find(code.get_ref<const std::string&>());
      if (it != def.scope_for_code.end()) out.push_back({p, it->second});
    };
    if (def.type == FieldType::code) need(value, path);
    if (def.type == FieldType::codes && value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) need(value[i], item_path(path, i));
    }
  });
  return out;
}

std::string searchable_text(const EntityDef& entity, const json& fields, bool include_identifying) {
  std::string out;
  collect_text(entity.fields, fields, include_identifying, out);
  return out;
}

}  // namespace safehold::schema
