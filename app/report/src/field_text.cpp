#include "field_text.hpp"

#include "labels.hpp"

namespace safehold::report::detail {
namespace {

using nlohmann::json;
using schema::FieldType;

std::string vocab_of(const schema::FieldDef& def) {
  if (def.vocabulary != nullptr) return def.vocabulary->name();
  return def.vocab;
}

std::string code_label(const std::string& vocab, const std::string& code, schema::Language lang) {
  const std::string text(schema::label(vocab, code, lang));
  // Tactic codes are how lawyers and NGO reports cite a tactic: keep the code.
  if (vocab == "tactic" && text != code) return code + " " + text;
  return text;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string date_text(const json& v, schema::Language lang) {
  if (!v.is_object()) return v.is_string() ? v.get<std::string>() : v.dump();
  std::string out = v.value("value", "");
  if (v.contains("end") && v["end"].is_string()) out += " – " + v["end"].get<std::string>();
  const std::string precision = v.value("precision", "");
  if (!precision.empty()) out += " (" + std::string(schema::label("date_precision", precision, lang)) + ")";
  return out;
}

std::string object_text(const std::vector<schema::FieldDef>& subs, const json& v, schema::Language lang,
                        const RefNamer& name_of) {
  // A text (a narrative) is its own paragraph, first, so that its direction
  // (Uyghur: right to left) is decided by its own script, not by the labels.
  std::vector<std::string> texts, parts;
  for (const auto& sub : subs) {
    const auto it = v.find(sub.name);
    if (it == v.end()) continue;
    const std::string text = field_text(sub, *it, lang, name_of);
    if (sub.type == FieldType::long_text) {
      texts.push_back(text);
    } else {
      parts.push_back(sub.label.in(lang) + ": " + text);
    }
  }
  texts.push_back(join(parts, "; "));
  return join(texts, "\n");
}

}  // namespace

std::string field_text(const schema::FieldDef& def, const json& value, schema::Language lang, const RefNamer& name_of) {
  if (value.is_object() && value.size() == 1 && value.contains("not_answered") && def.type != FieldType::scopes) {
    return std::string(schema::label("not_answered", value["not_answered"].get<std::string>(), lang));
  }
  const std::string vocab = vocab_of(def);
  switch (def.type) {
    case FieldType::text:
    case FieldType::long_text:
    case FieldType::datetime:
      return value.is_string() ? value.get<std::string>() : value.dump();
    case FieldType::boolean:
      return std::string(label(value.is_boolean() && value.get<bool>() ? "yes" : "no", lang));
    case FieldType::integer:
      return value.dump();
    case FieldType::date:
      return date_text(value, lang);
    case FieldType::code:
    case FieldType::country:
    case FieldType::language:
      return value.is_string() ? code_label(def.type == FieldType::code ? vocab
                                            : def.type == FieldType::country ? "country" : "language",
                                            value.get<std::string>(), lang)
                               : value.dump();
    case FieldType::codes:
    case FieldType::countries:
    case FieldType::languages: {
      const std::string v = def.type == FieldType::codes ? vocab : def.type == FieldType::countries ? "country" : "language";
      std::vector<std::string> parts;
      if (value.is_array()) {
        for (const auto& c : value) parts.push_back(c.is_string() ? code_label(v, c.get<std::string>(), lang) : c.dump());
      }
      return join(parts, "; ");
    }
    case FieldType::ref:
      return value.is_string() ? name_of(value.get<std::string>()) : value.dump();
    case FieldType::refs: {
      std::vector<std::string> parts;
      if (value.is_array()) {
        for (const auto& id : value) parts.push_back(id.is_string() ? name_of(id.get<std::string>()) : id.dump());
      }
      return join(parts, "; ");
    }
    case FieldType::object:
      return value.is_object() ? object_text(def.fields, value, lang, name_of) : value.dump();
    case FieldType::list: {
      std::vector<std::string> parts;
      if (value.is_array()) {
        for (const auto& item : value) parts.push_back(object_text(def.fields, item, lang, name_of));
      }
      return join(parts, "\n");
    }
    case FieldType::scopes: {
      std::vector<std::string> parts;
      if (value.is_object()) {
        for (const auto& [scope, answer] : value.items()) {
          parts.push_back(std::string(schema::label(vocab, scope, lang)) + ": " +
                          std::string(schema::label("scope_answer", answer.is_string() ? answer.get<std::string>() : "", lang)));
        }
      }
      return join(parts, "\n");
    }
  }
  return value.dump();
}

}  // namespace safehold::report::detail
