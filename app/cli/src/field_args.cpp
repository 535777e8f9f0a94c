#include "field_args.hpp"

#include <algorithm>
#include <charconv>

#include "output.hpp"
#include "safehold/schema/formats.hpp"

namespace safehold::cli {
namespace {

using schema::FieldType;

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto comma = text.find(',', start);
    auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(std::move(item));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

Failure bad_value(const schema::FieldDef& def, const std::string& why) {
  return {ExitCode::usage, "--field " + def.name + ": " + why};
}

expected<nlohmann::json, Failure> convert_date(const schema::FieldDef& def, const std::string& text) {
  const auto range = text.find("..");
  if (range != std::string::npos) {
    return nlohmann::json{{"value", text.substr(0, range)}, {"end", text.substr(range + 2)}, {"precision", "range"}};
  }
  const bool estimate = !text.empty() && text.front() == '~';
  const std::string value = estimate ? text.substr(1) : text;
  const int parts = schema::partial_date_parts(value);
  if (parts == 0) return unexpected(bad_value(def, "expected a date YYYY, YYYY-MM or YYYY-MM-DD"));
  const char* precision = parts == 1 ? "year" : parts == 2 ? "month" : estimate ? "estimate" : "exact";
  return nlohmann::json{{"value", value}, {"precision", precision}};
}

expected<nlohmann::json, Failure> convert_code(const schema::FieldDef& def, const std::string& text) {
  if (def.vocabulary == nullptr) return nlohmann::json(text);
  const auto code = resolve_code(*def.vocabulary, text);
  return nlohmann::json(code.empty() ? text : code);  // unknown codes: the schema names the problem
}

expected<nlohmann::json, Failure> convert_list(const schema::FieldDef& def, const std::string& text) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : split_commas(text)) {
    if (def.type == FieldType::codes || def.type == FieldType::countries || def.type == FieldType::languages) {
      auto code = convert_code(def, item);
      if (!code) return code;
      out.push_back(std::move(*code));
    } else {
      out.push_back(item);
    }
  }
  return out;
}

// Walks NAME or PARENT.SUB to the definition and the JSON slot it names.
expected<std::pair<const schema::FieldDef*, nlohmann::json*>, Failure> locate(const schema::EntityDef& entity,
                                                                              const std::string& name,
                                                                              nlohmann::json& fields) {
  const auto dot = name.find('.');
  const auto top = name.substr(0, dot);
  const auto* def = entity.field(top);
  if (def == nullptr) return fail(ExitCode::usage, "entity " + entity.name + " has no field " + top);
  if (dot == std::string::npos) return std::pair{def, &fields[top]};
  if (def->type != FieldType::object) return fail(ExitCode::usage, "field " + top + " has no sub-fields");
  const auto sub = name.substr(dot + 1);
  const auto* sub_def = def->field(sub);
  if (sub_def == nullptr) return fail(ExitCode::usage, "field " + top + " has no sub-field " + sub);
  if (!fields.contains(top) || !fields[top].is_object()) fields[top] = nlohmann::json::object();
  return std::pair{sub_def, &fields[top][sub]};
}

expected<std::pair<std::string, std::string>, Failure> split_assignment(const std::string& arg, const char* option) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) {
    return fail(ExitCode::usage, std::string(option) + " expects NAME=VALUE");
  }
  return std::pair{arg.substr(0, eq), arg.substr(eq + 1)};
}

}  // namespace

std::string resolve_code(const schema::Vocabulary& vocab, const std::string& text) {
  if (vocab.find(text) != nullptr) return text;
  std::string underscored = text;
  for (auto& c : underscored) {
    if (c == '-') c = '_';
  }
  if (vocab.find(underscored) != nullptr) return underscored;
  // Codes are ASCII in one case per vocabulary (country "CN", tactic "D1",
  // status "active"): the other case names the same code.
  std::string upper = underscored, lower = underscored;
  for (auto& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  for (auto& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (vocab.find(upper) != nullptr) return upper;
  if (vocab.find(lower) != nullptr) return lower;
  for (auto lang : schema::kAllLanguages) {
    if (const auto* e = vocab.find_by_label(text, lang)) return e->code;
  }
  return {};
}

expected<std::vector<std::string>, Failure> resolve_filter_codes(const std::string& vocabulary,
                                                                 const std::vector<std::string>& values,
                                                                 const std::string& option) {
  const auto* vocab = schema::Vocabularies::builtin().find(vocabulary);
  if (vocab == nullptr) return fail(ExitCode::integrity, "vocabulary " + vocabulary + " is missing from this build");
  std::vector<std::string> codes;
  for (const auto& value : values) {
    auto code = resolve_code(*vocab, value);
    if (code.empty()) {
      return fail(ExitCode::usage, option + ": not a code or label of vocabulary " + vocabulary +
                                       " (see `safehold-cli vocab list " + vocabulary + "`)");
    }
    codes.push_back(std::move(code));
  }
  return codes;
}

expected<const schema::EntityDef*, Failure> entity_def(const std::string& name) {
  const auto* def = schema::Model::builtin().entity(name);
  if (def == nullptr) return fail(ExitCode::usage, "unknown entity " + name + " (see `vocab list` and docs/cli.md)");
  return def;
}

expected<nlohmann::json, Failure> convert_field_value(const schema::FieldDef& def, const std::string& text) {
  switch (def.type) {
    case FieldType::text:
    case FieldType::long_text:
    case FieldType::ref: return nlohmann::json(text);
    case FieldType::country:
    case FieldType::language: return convert_code(def, text);  // the loader gives them their vocabulary
    case FieldType::boolean:
      if (text == "yes" || text == "true") return nlohmann::json(true);
      if (text == "no" || text == "false") return nlohmann::json(false);
      return unexpected(bad_value(def, "expected yes/no or true/false"));
    case FieldType::integer: {
      std::int64_t v = 0;
      const auto* end = text.data() + text.size();
      const auto r = std::from_chars(text.data(), end, v);
      if (text.empty() || r.ec != std::errc{} || r.ptr != end) return unexpected(bad_value(def, "expected an integer"));
      return nlohmann::json(v);
    }
    case FieldType::date: return convert_date(def, text);
    case FieldType::datetime: return nlohmann::json(text == "now" ? utc_now() : text);
    case FieldType::code: return convert_code(def, text);
    case FieldType::codes:
    case FieldType::countries:
    case FieldType::languages:
    case FieldType::refs: return convert_list(def, text);
    case FieldType::object:
      return unexpected(bad_value(def, "has sub-fields: use " + def.name + ".SUB=VALUE or --from-file"));
    case FieldType::list:
    case FieldType::scopes: return unexpected(bad_value(def, "is a list or map: give it with --from-file"));
  }
  return unexpected(bad_value(def, "unsupported field type"));
}

void add_field_options(CLI::App* app, FieldArgs& args, bool with_unset) {
  app->add_option("--field", args.set, "Set a field: NAME=VALUE (PARENT.SUB=VALUE for sub-fields); repeatable")
      ->type_name("NAME=VALUE");
  app->add_option("--not-answered", args.not_answered, "Mark a field as not answered: NAME=declined|unknown")
      ->type_name("NAME=declined|unknown");
  if (with_unset) app->add_option("--unset", args.unset, "Remove a field; repeatable")->type_name("NAME");
}

Outcome apply_field_args(const schema::EntityDef& entity, const FieldArgs& args, nlohmann::json& fields) {
  if (!fields.is_object()) fields = nlohmann::json::object();
  std::vector<std::string> appended;  // list fields already set on this command line
  for (const auto& arg : args.set) {
    auto kv = split_assignment(arg, "--field");
    if (!kv) return unexpected(kv.error());
    auto slot = locate(entity, kv->first, fields);
    if (!slot) return unexpected(slot.error());
    auto value = convert_field_value(*slot->first, kv->second);
    if (!value) return unexpected(value.error());
    auto& target = *slot->second;
    const bool seen = std::find(appended.begin(), appended.end(), kv->first) != appended.end();
    if (value->is_array() && seen && target.is_array()) {
      for (auto& v : *value) target.push_back(std::move(v));
    } else {
      target = std::move(*value);
    }
    appended.push_back(kv->first);
  }
  for (const auto& arg : args.not_answered) {
    auto kv = split_assignment(arg, "--not-answered");
    if (!kv) return unexpected(kv.error());
    if (kv->second != "declined" && kv->second != "unknown") {
      return fail(ExitCode::usage, "--not-answered " + kv->first + ": expected declined or unknown");
    }
    auto slot = locate(entity, kv->first, fields);
    if (!slot) return unexpected(slot.error());
    *slot->second = nlohmann::json{{"not_answered", kv->second}};
  }
  for (const auto& name : args.unset) {
    const auto dot = name.find('.');
    if (entity.field(name.substr(0, dot)) == nullptr) {
      return fail(ExitCode::usage, "entity " + entity.name + " has no field " + name.substr(0, dot));
    }
    if (dot == std::string::npos) {
      fields.erase(name);
    } else if (fields.contains(name.substr(0, dot)) && fields[name.substr(0, dot)].is_object()) {
      fields[name.substr(0, dot)].erase(name.substr(dot + 1));
    }
  }
  return {};
}

}  // namespace safehold::cli
