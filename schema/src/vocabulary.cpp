// Vocabulary lookups and the strict reader of one vocabulary file.
#include "vocabulary_reader.hpp"

#include "data_reader.hpp"
#include "safehold/schema/strict_json.hpp"

namespace safehold::schema {

const VocabEntry* Vocabulary::find(std::string_view code) const noexcept {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &entries_[it->second];
}

bool Vocabulary::accepts_for_write(std::string_view code) const noexcept {
  const auto* entry = find(code);
  return entry != nullptr && !entry->retired;
}

const VocabEntry* Vocabulary::find_by_label(std::string_view label, Language language) const noexcept {
  const auto& index = by_label_[static_cast<std::size_t>(language)];
  auto it = index.find(label);
  return it == index.end() ? nullptr : &entries_[it->second];
}

namespace {

using detail::load_error;
using detail::ObjectReader;

enum class CodePattern { snake_case, tactic, iso3166_alpha2, iso639_3 };

bool matches(CodePattern pattern, std::string_view code) noexcept {
  auto all = [&](char lo, char hi, std::size_t n) {
    if (code.size() != n) return false;
    for (char c : code) {
      if (c < lo || c > hi) return false;
    }
    return true;
  };
  switch (pattern) {
    case CodePattern::snake_case: return detail::is_snake_case(code);
    case CodePattern::tactic:
      return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= '1' && code[1] <= '9';
    case CodePattern::iso3166_alpha2: return all('A', 'Z', 2);
    case CodePattern::iso639_3: return all('a', 'z', 3);
  }
  return false;
}

expected<CodePattern, LoadError> read_pattern(ObjectReader& file) {
  auto name = file.optional_string("code_pattern");
  if (!name) return unexpected(name.error());
  if (!*name || **name == "snake_case") return CodePattern::snake_case;
  if (**name == "tactic") return CodePattern::tactic;
  if (**name == "iso3166_alpha2") return CodePattern::iso3166_alpha2;
  if (**name == "iso639_3") return CodePattern::iso639_3;
  return load_error(SchemaError::bad_structure, file.path_of("code_pattern"), "unknown pattern");
}

// Attribute values are strings or arrays of non-empty strings.
expected<nlohmann::json, LoadError> read_attributes(const nlohmann::json* value, const std::string& path) {
  if (!value) return nlohmann::json::object();
  if (!value->is_object()) return load_error(SchemaError::bad_structure, path, "expected an object");
  for (const auto& [key, v] : value->items()) {
    bool ok = detail::is_snake_case(key) && (v.is_string() || v.is_array());
    if (ok && v.is_array()) {
      for (const auto& s : v) ok = ok && s.is_string() && !s.get_ref<const std::string&>().empty();
    }
    if (!ok) return load_error(SchemaError::bad_structure, path, "attribute must be text or a list of text");
  }
  return *value;
}

expected<VocabEntry, LoadError> read_entry(const nlohmann::json& value, const std::string& path,
                                           CodePattern pattern) {
  auto obj = ObjectReader::open(value, path);
  if (!obj) return unexpected(obj.error());
  VocabEntry entry;
  auto code = obj->string("code");
  if (!code) return unexpected(code.error());
  if (!matches(pattern, *code)) return load_error(SchemaError::bad_code, obj->path_of("code"));
  entry.code = std::move(*code);
  auto label = obj->text("label", detail::kMaxLabelBytes);
  if (!label) return unexpected(label.error());
  entry.label = std::move(*label);
  auto definition = obj->optional_text("definition", detail::kMaxDefinitionBytes);
  if (!definition) return unexpected(definition.error());
  entry.definition = std::move(*definition);
  auto retired = obj->flag("retired");
  if (!retired) return unexpected(retired.error());
  entry.retired = *retired;
  auto replaced_by = obj->optional_string("replaced_by");
  if (!replaced_by) return unexpected(replaced_by.error());
  if (*replaced_by && !entry.retired) {
    return load_error(SchemaError::bad_structure, obj->path_of("replaced_by"), "only for retired entries");
  }
  entry.replaced_by = replaced_by->value_or("");
  auto attributes = read_attributes(obj->member("attributes"), obj->path_of("attributes"));
  if (!attributes) return unexpected(attributes.error());
  entry.attributes = std::move(*attributes);
  auto done = obj->finish();
  if (!done) return unexpected(done.error());
  return entry;
}

}  // namespace

expected<Vocabulary, LoadError> VocabularyReader::read(std::string_view file_name, std::string_view bytes) {
  std::string where(file_name);
  auto doc = parse_strict_json(bytes, where);
  if (!doc) return unexpected(doc.error());
  auto file = ObjectReader::open(*doc, where + ":");
  if (!file) return unexpected(file.error());

  Vocabulary vocab;
  auto name = file->string("name");
  if (!name) return unexpected(name.error());
  if (!detail::is_snake_case(*name)) return load_error(SchemaError::bad_code, file->path_of("name"));
  if (*name + ".json" != file_name) return load_error(SchemaError::name_mismatch, where);
  vocab.name_ = std::move(*name);
  auto version = file->version("version");
  if (!version) return unexpected(version.error());
  vocab.version_ = *version;
  auto label = file->text("label", detail::kMaxLabelBytes);
  if (!label) return unexpected(label.error());
  vocab.label_ = std::move(*label);
  auto pattern = read_pattern(*file);
  if (!pattern) return unexpected(pattern.error());
  auto entries = file->array("entries", /*non_empty=*/true);
  if (!entries) return unexpected(entries.error());
  auto done = file->finish();
  if (!done) return unexpected(done.error());

  for (std::size_t i = 0; i < (*entries)->size(); ++i) {
    std::string path = file->path_of("entries") + "[" + std::to_string(i) + "]";
    auto entry = read_entry((**entries)[i], path, *pattern);
    if (!entry) return unexpected(entry.error());
    if (!vocab.by_code_.emplace(entry->code, i).second) {
      return load_error(SchemaError::duplicate_code, path, entry->code);
    }
    for (auto language : kAllLanguages) {
      auto& index = vocab.by_label_[static_cast<std::size_t>(language)];
      if (!index.emplace(entry->label.in(language), i).second) {
        return load_error(SchemaError::duplicate_label, path + ".label", std::string(language_tag(language)));
      }
    }
    vocab.entries_.push_back(std::move(*entry));
  }
  for (const auto& entry : vocab.entries_) {
    if (!entry.replaced_by.empty() && !vocab.accepts_for_write(entry.replaced_by)) {
      return load_error(SchemaError::unknown_code, where + " " + entry.code, "replaced_by");
    }
  }
  return vocab;
}

}  // namespace safehold::schema
