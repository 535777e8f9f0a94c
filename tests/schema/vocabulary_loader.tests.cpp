// The strict vocabulary loader: a valid file loads; each kind of malformed
// data is refused with its own error; retired codes stay readable.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "safehold/schema/vocabulary.hpp"

using namespace safehold::schema;

namespace {

const std::string kValid = R"JSON({
  "name": "colour",
  "version": 2,
  "label": {"en": "Colour", "zh-Hans": "颜色", "zh-Hant": "顏色"},
  "entries": [
    {"code": "red", "label": {"en": "Red", "zh-Hans": "红色", "zh-Hant": "紅色"}},
    {"code": "dark_blue", "label": {"en": "Dark blue", "zh-Hans": "深蓝色", "zh-Hant": "深藍色"},
     "definition": {"en": "Navy.", "zh-Hans": "海军蓝。", "zh-Hant": "海軍藍。"},
     "attributes": {"group": "cold", "sources": ["X", "Y"]}},
    {"code": "blue", "label": {"en": "Blue (old)", "zh-Hans": "蓝色（旧）", "zh-Hant": "藍色（舊）"},
     "retired": true, "replaced_by": "dark_blue"}
  ]
})JSON";

safehold::expected<Vocabularies, LoadError> load(const std::string& bytes, const char* path = "colour.json") {
  SourceFile file{path, bytes};
  return Vocabularies::parse({&file, 1});
}

// kValid with the first occurrence of `from` replaced by `to`.
std::string with(const std::string& from, const std::string& to) {
  auto s = kValid;
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

SchemaError error_of(const std::string& bytes, const char* path = "colour.json") {
  auto r = load(bytes, path);
  REQUIRE_FALSE(r.has_value());
  INFO(r.error().describe());
  CHECK(!r.error().describe().empty());
  return r.error().code;
}

}  // namespace

TEST_CASE("a valid vocabulary file loads with every member", "[schema][vocab][loader]") {
  auto r = load(kValid);
  REQUIRE(r.has_value());
  const auto* v = r->find("colour");
  REQUIRE(v != nullptr);
  CHECK(v->version() == 2);
  CHECK(v->label().zh_hant == "顏色");
  REQUIRE(v->entries().size() == 3);
  CHECK(v->find("dark_blue")->definition->en == "Navy.");
  CHECK(v->find("dark_blue")->attributes["sources"][1] == "Y");
  CHECK(v->find_by_label("深藍色", Language::zh_hant)->code == "dark_blue");
}

TEST_CASE("retired codes stay readable but are refused for new writes", "[schema][vocab][loader]") {
  auto r = load(kValid);
  REQUIRE(r.has_value());
  const auto* v = r->find("colour");
  REQUIRE(v->find("blue") != nullptr);
  CHECK(v->find("blue")->retired);
  CHECK(v->find("blue")->replaced_by == "dark_blue");
  CHECK_FALSE(v->accepts_for_write("blue"));
  CHECK(v->accepts_for_write("red"));
  CHECK_FALSE(v->accepts_for_write("green"));
}

TEST_CASE("malformed vocabulary data is refused", "[schema][vocab][loader]") {
  SECTION("duplicate code") {
    CHECK(error_of(with(R"("code": "dark_blue")", R"("code": "red")")) == SchemaError::duplicate_code);
  }
  SECTION("duplicate label in one language") {
    CHECK(error_of(with(R"("zh-Hans": "深蓝色")", R"("zh-Hans": "红色")")) == SchemaError::duplicate_label);
  }
  SECTION("missing language") {
    CHECK(error_of(with(R"("zh-Hant": "紅色")", R"("zh-TW": "紅色")")) == SchemaError::missing_language);
  }
  SECTION("empty, padded or multi-line label") {
    CHECK(error_of(with(R"("en": "Red")", R"("en": "")")) == SchemaError::bad_label);
    CHECK(error_of(with(R"("en": "Red")", R"("en": " Red")")) == SchemaError::bad_label);
    CHECK(error_of(with(R"("en": "Red")", R"("en": "Re\nd")")) == SchemaError::bad_label);
    CHECK(error_of(with(R"("zh-Hans": "红色")", "\"zh-Hans\": \"红色\xE3\x80\x80\"")) == SchemaError::bad_label);
    CHECK(error_of(with(R"("en": "Red")", R"("en": 7)")) == SchemaError::bad_label);
  }
  SECTION("extra language in a text") {
    CHECK(error_of(with(R"("zh-Hant": "紅色")", R"("zh-Hant": "紅色", "fr": "Rouge")")) == SchemaError::bad_structure);
  }
  SECTION("codes that break the pattern") {
    for (const char* bad : {"Red", "red-ish", "_red", "red_", "red__x", "1red", "", "r\u00e9d"}) {
      INFO(bad);
      auto data = with(R"("code": "red")", std::string(R"("code": ")") + bad + "\"");
      auto code = error_of(data);
      CHECK((code == SchemaError::bad_code || code == SchemaError::bad_structure));
    }
    CHECK(error_of(with(R"("name": "colour",)", R"("name": "colour", "code_pattern": "tactic",)")) ==
          SchemaError::bad_code);
    CHECK(error_of(with(R"("name": "colour",)", R"("name": "colour", "code_pattern": "any",)")) ==
          SchemaError::bad_structure);
  }
  SECTION("unknown members") {
    CHECK(error_of(with(R"("version": 2,)", R"("version": 2, "author": "x",)")) == SchemaError::bad_structure);
    CHECK(error_of(with(R"("code": "red",)", R"("code": "red", "colour": "x",)")) == SchemaError::bad_structure);
  }
  SECTION("missing members") {
    CHECK(error_of(with(R"("label": {"en": "Colour", "zh-Hans": "颜色", "zh-Hant": "顏色"},)", "")) ==
          SchemaError::bad_structure);
    CHECK(error_of(with(R"("code": "red", )", "")) == SchemaError::bad_structure);
  }
  SECTION("bad version") {
    CHECK(error_of(with(R"("version": 2)", R"("version": 0)")) == SchemaError::bad_version);
    CHECK(error_of(with(R"("version": 2)", R"("version": 2.5)")) == SchemaError::bad_version);
    CHECK(error_of(with(R"("version": 2)", R"("version": "2")")) == SchemaError::bad_version);
    CHECK(error_of(with(R"("version": 2,)", "")) == SchemaError::bad_version);
  }
  SECTION("name differs from the file name") {
    CHECK(error_of(kValid, "color.json") == SchemaError::name_mismatch);
    CHECK(error_of(kValid, "colour.txt") == SchemaError::name_mismatch);
  }
  SECTION("retirement rules") {
    CHECK(error_of(with(R"("retired": true, "replaced_by": "dark_blue")", R"("replaced_by": "dark_blue")")) ==
          SchemaError::bad_structure);
    CHECK(error_of(with(R"("replaced_by": "dark_blue")", R"("replaced_by": "green")")) == SchemaError::unknown_code);
    CHECK(error_of(with(R"("retired": true)", R"("retired": "yes")")) == SchemaError::bad_structure);
  }
  SECTION("attributes must be text or lists of text") {
    CHECK(error_of(with(R"("group": "cold")", R"("group": 3)")) == SchemaError::bad_structure);
    CHECK(error_of(with(R"(["X", "Y"])", R"(["X", ""])")) == SchemaError::bad_structure);
  }
  SECTION("no entries") {
    auto at = kValid.find("\"entries\"");
    CHECK(error_of(kValid.substr(0, at) + "\"entries\": []}") == SchemaError::bad_structure);
  }
}

TEST_CASE("only strict JSON is read", "[schema][vocab][loader]") {
  CHECK(error_of("\xEF\xBB\xBF" + kValid) == SchemaError::malformed_json);                      // byte-order mark
  CHECK(error_of(with(R"("version": 2,)", R"("version": 2, "version": 2,)")) == SchemaError::malformed_json);  // duplicate key
  CHECK(error_of(kValid + "{}") == SchemaError::malformed_json);                               // trailing data
  CHECK(error_of(kValid.substr(0, kValid.size() / 2)) == SchemaError::malformed_json);         // truncated
  CHECK(error_of(with("颜色", "\xC3\x28")) == SchemaError::malformed_json);                     // invalid UTF-8
  CHECK(error_of(with(R"("version": 2,)", "\"version\": 2, // comment\n")) == SchemaError::malformed_json);
  CHECK(error_of(std::string(100, '[') + std::string(100, ']')) == SchemaError::malformed_json);  // too deep
  CHECK(error_of("") == SchemaError::malformed_json);
  CHECK(error_of("[]") == SchemaError::bad_structure);
}

TEST_CASE("two files with one vocabulary name are refused", "[schema][vocab][loader]") {
  SourceFile files[] = {{"a/colour.json", kValid}, {"b/colour.json", kValid}};
  auto r = Vocabularies::parse(files);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == SchemaError::duplicate_name);
}

TEST_CASE("loader errors name the place but never the offending text", "[schema][vocab][loader]") {
  auto r = load(with(R"("en": "Red")", R"("en": "Secret name\n")"));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().path.find("entries[0].label") != std::string::npos);
  CHECK(r.error().describe().find("Secret") == std::string::npos);
}

TEST_CASE("loader errors read as file: place", "[schema][vocab][loader]") {
  auto r = load(with(R"("code": "dark_blue")", R"("code": "Dark")"));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().path == "colour.json: entries[1].code");
  CHECK(r.error().describe() == "colour.json: entries[1].code: code breaks the vocabulary's code pattern");
}
