// The strict model loader: a small valid model loads; each kind of defect in
// entities.json is refused.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "safehold/schema/model.hpp"

using namespace safehold::schema;

namespace {

#define T3(en) R"({"en": ")" en R"(", "zh-Hans": "字段", "zh-Hant": "欄位"})"

const std::string kValid = std::string(R"JSON({"version": 3, "entities": [
  {"name": "note", "in_case": true, "label": )JSON") + T3("Note") + R"JSON(, "help": )JSON" + T3("A note") +
                           R"JSON(,
   "fields": [
     {"name": "title", "type": "text", "label": )JSON" + T3("Title") + R"JSON(, "help": )JSON" + T3("Short") +
                           R"JSON(, "searchable": true, "required": true},
     {"name": "kind", "type": "code", "vocab": "recording", "exclude": ["video"],
      "scope_for_code": {"audio": "audio_record"}, "label": )JSON" + T3("Kind") + R"JSON(, "help": )JSON" +
                           T3("Kind") + R"JSON(},
     {"name": "count", "type": "integer", "min": 0, "max": 9, "label": )JSON" + T3("Count") +
                           R"JSON(, "help": )JSON" + T3("Count") + R"JSON(},
     {"name": "about", "type": "ref", "ref": "note", "label": )JSON" + T3("About") + R"JSON(, "help": )JSON" +
                           T3("About") + R"JSON(},
     {"name": "secret", "type": "object", "identifying": true, "consent_scope": "store_real_identity",
      "sensitive": "religion", "label": )JSON" + T3("Secret") + R"JSON(, "help": )JSON" + T3("Secret") +
                           R"JSON(,
      "fields": [{"name": "hash", "type": "text", "format": "sha256", "label": )JSON" + T3("Hash") +
                           R"JSON(, "help": )JSON" + T3("Hash") + R"JSON(}]}
   ]}
]})JSON";

std::string with(const std::string& from, const std::string& to) {
  auto s = kValid;
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

SchemaError error_of(const std::string& bytes, const Vocabularies& vocabs = Vocabularies::builtin()) {
  auto r = Model::parse(bytes, vocabs);
  REQUIRE_FALSE(r.has_value());
  INFO(r.error().describe());
  CHECK(!r.error().describe().empty());
  return r.error().code;
}

}  // namespace

TEST_CASE("a valid model file loads with every member", "[schema][model][loader]") {
  auto r = Model::parse(kValid, Vocabularies::builtin());
  INFO((r ? std::string() : r.error().describe()));
  REQUIRE(r.has_value());
  CHECK(r->version() == 3);
  const auto* note = r->entity("note");
  REQUIRE(note != nullptr);
  CHECK(note->in_case);
  CHECK(note->field("title")->required);
  CHECK(note->field("title")->searchable);
  CHECK(note->field("kind")->exclude == std::vector<std::string>{"video"});
  CHECK(note->field("kind")->scope_for_code.at("audio") == "audio_record");
  CHECK(note->field("kind")->vocabulary == Vocabularies::builtin().find("recording"));
  CHECK(*note->field("count")->max == 9);
  CHECK(note->field("about")->ref == "note");
  CHECK(note->field("secret")->identifying);
  CHECK(note->field("secret")->field("hash")->format == "sha256");
  CHECK(note->field("nothing") == nullptr);
}

TEST_CASE("defects in the model are refused", "[schema][model][loader]") {
  using E = SchemaError;
  CHECK(error_of(with(R"("type": "text", "label")", R"("type": "txt", "label")")) == E::unknown_field_type);
  CHECK(error_of(with(R"("vocab": "recording")", R"("vocab": "recordings")")) == E::unknown_vocabulary);
  CHECK(error_of(with(R"("ref": "note")", R"("ref": "memo")")) == E::unknown_entity);
  CHECK(error_of(with(R"("name": "count")", R"("name": "title")")) == E::duplicate_name);
  CHECK(error_of(with(R"("name": "count")", R"("name": "not_answered")")) == E::bad_code);
  CHECK(error_of(with(R"("name": "count")", R"("name": "Count")")) == E::bad_code);
  CHECK(error_of(with(R"("exclude": ["video"])", R"("exclude": ["film"])")) == E::unknown_code);
  CHECK(error_of(with(R"({"audio": "audio_record"})", R"({"audio": "sell"})")) == E::unknown_code);
  CHECK(error_of(with(R"({"audio": "audio_record"})", R"({"tape": "audio_record"})")) == E::unknown_code);
  CHECK(error_of(with(R"("consent_scope": "store_real_identity")", R"("consent_scope": "everything")")) ==
        E::unknown_code);
  CHECK(error_of(with(R"("sensitive": "religion")", R"("sensitive": "politics")")) == E::unknown_code);
  CHECK(error_of(with(R"("min": 0, "max": 9)", R"("min": 10, "max": 9)")) == E::bad_structure);
  CHECK(error_of(with(R"("min": 0, "max": 9)", R"("min": 0.5)")) == E::bad_structure);
  CHECK(error_of(with(R"("format": "sha256")", R"("format": "md5")")) == E::bad_structure);
  // Members that do not fit the type.
  CHECK(error_of(with(R"("type": "text", "label")", R"("type": "text", "vocab": "recording", "label")")) ==
        E::bad_structure);
  CHECK(error_of(with(R"("type": "code", "vocab": "recording", "exclude": ["video"],)", R"("type": "code",)")) ==
        E::bad_structure);
  CHECK(error_of(with(R"("ref": "note", )", "")) == E::bad_structure);
  CHECK(error_of(with(R"("type": "integer", "min")", R"("type": "text", "min")")) == E::bad_structure);
  CHECK(error_of(with(R"("type": "object")", R"("type": "text")")) == E::bad_structure);
  CHECK(error_of(with(R"("searchable": true, "required": true)", R"("searchable": "yes")")) == E::bad_structure);
  CHECK(error_of(with(R"("type": "integer", "min")", R"("type": "integer", "searchable": true, "min")")) ==
        E::bad_structure);
  CHECK(error_of(with(R"("identifying": true,)", R"("identifying": true, "secret": true,)")) == E::bad_structure);
  // Entity level.
  CHECK(error_of(with(R"("in_case": true)", R"("in_case": "yes")")) == E::bad_structure);
  CHECK(error_of(with(R"("version": 3)", R"("version": -3)")) == E::bad_version);
  CHECK(error_of(with(R"("zh-Hant": "欄位"})", R"("zh-Hans": "字段"})")) == E::malformed_json);  // duplicate key
  CHECK(error_of(with(R"(, "zh-Hant": "欄位"})", "}")) == E::missing_language);
  CHECK(error_of(R"({"version": 1, "entities": []})") == E::bad_structure);
  CHECK(error_of("not json") == E::malformed_json);
}

TEST_CASE("duplicate entities and too deep nesting are refused", "[schema][model][loader]") {
  auto entities_at = kValid.find("{\"name\": \"note\"");
  auto entity = kValid.substr(entities_at, kValid.rfind(']') - entities_at);
  auto twice = kValid.substr(0, entities_at) + entity + ", " + entity + "]}";
  CHECK(error_of(twice) == SchemaError::duplicate_name);

  // object > object > object > object > text: four levels of sub-fields.
  std::string field = std::string(R"({"name": "leaf", "type": "text", "label": )") + T3("Leaf") +
                      R"(, "help": )" + T3("Leaf") + "}";
  for (int i = 0; i < 4; ++i) {
    field = std::string(R"({"name": "level)") + std::to_string(i) + R"(", "type": "object", "label": )" + T3("L") +
            R"(, "help": )" + T3("L") + R"(, "fields": [)" + field + "]}";
  }
  auto deep = std::string(R"({"version": 1, "entities": [{"name": "deep", "label": )") + T3("D") +
              R"(, "help": )" + T3("D") + R"(, "fields": [)" + field + "]}]}";
  CHECK(error_of(deep) == SchemaError::bad_structure);
}

TEST_CASE("a model needs the vocabularies every record relies on", "[schema][model][loader]") {
  const std::string scope_only = R"JSON({"name": "scope", "version": 1,
    "label": {"en": "Scope", "zh-Hans": "范围", "zh-Hant": "範圍"},
    "entries": [{"code": "store_real_identity", "label": {"en": "Store", "zh-Hans": "保存", "zh-Hant": "保存"}}]})JSON";
  SourceFile file{"scope.json", scope_only};
  auto vocabs = Vocabularies::parse({&file, 1});
  REQUIRE(vocabs.has_value());
  CHECK(error_of(kValid, *vocabs) == SchemaError::unknown_vocabulary);
}
