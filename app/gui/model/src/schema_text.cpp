#include "safehold/appmodel/schema_text.hpp"

#include <stdexcept>

#include "safehold/schema/vocabulary.hpp"

namespace safehold::appmodel {

const schema::EntityDef& builtin_entity(std::string_view name) {
  const auto* e = schema::Model::builtin().entity(name);
  if (e == nullptr) throw std::logic_error("entity missing from the built-in model");
  return *e;
}

schema::Language schema_language(Language lang) noexcept {
  switch (lang) {
    case Language::en: return schema::Language::en;
    case Language::zh_Hans: return schema::Language::zh_hans;
    case Language::zh_Hant: return schema::Language::zh_hant;
  }
  return schema::Language::en;
}

const std::string& in_ui_language(const schema::Text& text) noexcept {
  return text.in(schema_language(current_language()));
}

std::string_view vocab_label(std::string_view vocab, std::string_view code) noexcept {
  return schema::label(vocab, code, schema_language(current_language()));
}

namespace {

void append(std::string& out, const schema::Text& t) {
  out += t.en;
  out += t.zh_hans;
  out += t.zh_hant;
}

void append_fields(std::string& out, const std::vector<schema::FieldDef>& fields) {
  for (const auto& f : fields) {
    append(out, f.label);
    append(out, f.help);
    append_fields(out, f.fields);
  }
}

}  // namespace

std::string all_schema_text() {
  std::string out;
  for (const auto& v : schema::Vocabularies::builtin().all()) {
    append(out, v.label());
    for (const auto& e : v.entries()) {
      append(out, e.label);
      if (e.definition) append(out, *e.definition);
    }
  }
  for (const auto& e : schema::Model::builtin().entities()) {
    append(out, e.label);
    append(out, e.help);
    append_fields(out, e.fields);
  }
  return out;
}

}  // namespace safehold::appmodel
