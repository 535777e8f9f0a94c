// validate_fields / validate_record: complete realistic records of every
// entity pass; every error kind is caught with its path; "not answered" is
// accepted everywhere except on required fields.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "safehold/schema/record.hpp"
#include "validation_helpers.hpp"

using namespace safehold::schema;
using nlohmann::json;
using safehold::test::entity;
using safehold::test::error_after;
using safehold::test::sample_fields;

namespace {

// Every field path of the model (list items as "[]") that `fields` holds.
void require_complete(const std::vector<FieldDef>& defs, const json& object, const std::string& prefix) {
  for (const auto& def : defs) {
    INFO(prefix + def.name);
    REQUIRE(object.contains(def.name));
    const auto& v = object[def.name];
    if (def.type == FieldType::object && !is_not_answered(v)) require_complete(def.fields, v, prefix + def.name + ".");
    if (def.type == FieldType::list) {
      // Sub-fields may be spread over the items (e.g. contact vs organisation).
      json merged = json::object();
      for (const auto& item : v) merged.update(item);
      require_complete(def.fields, merged, prefix + def.name + "[].");
    }
  }
}

}  // namespace

TEST_CASE("a complete realistic record of every entity validates", "[schema][validate]") {
  REQUIRE(sample_fields().size() == Model::builtin().entities().size());
  for (const auto& e : Model::builtin().entities()) {
    INFO(e.name);
    const auto& fields = sample_fields().at(e.name);
    require_complete(e.fields, fields, "");
    auto r = validate_fields(e, fields);
    INFO((r ? std::string() : r.error().describe()));
    CHECK(r.has_value());
  }
}

TEST_CASE("an empty record validates for every entity but person, incident and consent", "[schema][validate]") {
  for (const auto& e : Model::builtin().entities()) {
    INFO(e.name);
    auto r = validate_fields(e, json::object());
    bool has_required = e.name == "person" || e.name == "incident" || e.name == "consent";
    CHECK(r.has_value() == !has_required);
    if (!r) CHECK(r.error().code == SchemaError::missing_required);
  }
  CHECK(validate_fields(entity("person"), json::object()).error().path == "pseudonym");
  CHECK(validate_fields(entity("incident"), json::object()).error().path == "tactics");
  CHECK(validate_fields(entity("incident"), json{{"tactics", json::array()}}).error().code ==
        SchemaError::missing_required);
  CHECK(validate_fields(entity("person"), json{{"pseudonym", "Swallow"}}).has_value());
  CHECK(validate_fields(entity("incident"), json{{"tactics", {"B5"}}}).has_value());
}

TEST_CASE("not answered is accepted for every field except required ones", "[schema][validate]") {
  for (const char* kind : {"declined", "unknown"}) {
    for (const auto& e : Model::builtin().entities()) {
      for (const auto& def : e.fields) {
        INFO(e.name << "." << def.name << " " << kind);
        auto fields = sample_fields().at(e.name);
        fields[def.name] = json{{"not_answered", kind}};
        auto r = validate_fields(e, fields);
        if (def.required) {
          REQUIRE_FALSE(r.has_value());
          CHECK(r.error().code == SchemaError::not_answered_required);
          CHECK(r.error().path == def.name);
        } else {
          CHECK(r.has_value());
        }
        // Nested: each sub-field of an object or of the first list item.
        for (const auto& sub : def.fields) {
          INFO(sub.name);
          auto nested = sample_fields().at(e.name);
          auto& holder = def.type == FieldType::list ? nested[def.name][0] : nested[def.name];
          holder[sub.name] = json{{"not_answered", kind}};
          CHECK(validate_fields(e, nested).has_value() == !sub.required);
        }
      }
    }
  }
}

TEST_CASE("a malformed not-answered marker is refused", "[schema][validate]") {
  for (const json& bad : {json{{"not_answered", "maybe"}}, json{{"not_answered", true}},
                          json{{"not_answered", "declined"}, {"why", "x"}}}) {
    auto e = error_after("incident", [&](json& f) { f["channel"] = bad; });
    CHECK(e.code == SchemaError::bad_not_answered);
    CHECK(e.path == "channel");
  }
}

TEST_CASE("each kind of invalid value is refused with its path", "[schema][validate]") {
  struct Case {
    const char* name;
    const char* entity;
    std::function<void(json&)> change;
    SchemaError code;
    const char* path;
  };
  const std::string long_text(kMaxTextBytes + 1, 'x');
  const Case cases[] = {
      {"fields not an object", "case", [](json& f) { f = json::array(); }, SchemaError::not_an_object, ""},
      {"unknown field", "case", [](json& f) { f["colour"] = "red"; }, SchemaError::unknown_field, "colour"},
      {"unknown nested field", "incident", [](json& f) { f["perpetrators"][1]["rank"] = "x"; },
       SchemaError::unknown_field, "perpetrators[1].rank"},
      {"odd member name not echoed", "case", [](json& f) { f["Secret Name"] = 1; }, SchemaError::unknown_field,
       "<member>"},
      {"text as number", "case", [](json& f) { f["title"] = 5; }, SchemaError::wrong_type, "title"},
      {"boolean as string", "incident", [](json& f) { f["narrative"]["verbatim"] = "yes"; },
       SchemaError::wrong_type, "narrative.verbatim"},
      {"integer as float", "evidence_item", [](json& f) { f["size"] = 1.5; }, SchemaError::wrong_type, "size"},
      {"negative size", "evidence_item", [](json& f) { f["size"] = -1; }, SchemaError::out_of_range, "size"},
      {"integer above max", "risk_assessment", [](json& f) { f["relatives_at_risk"] = 10001; },
       SchemaError::out_of_range, "relatives_at_risk"},
      {"huge unsigned", "evidence_item", [](json& f) { f["size"] = 18446744073709551615ULL; },
       SchemaError::out_of_range, "size"},
      {"unknown code", "incident", [](json& f) { f["channel"] = "carrier_pigeon"; }, SchemaError::unknown_code,
       "channel"},
      {"unknown tactic", "incident", [](json& f) { f["tactics"][1] = "G1"; }, SchemaError::unknown_code,
       "tactics[1]"},
      {"code of another vocabulary", "incident", [](json& f) { f["outcome"] = "yes"; }, SchemaError::unknown_code,
       "outcome"},
      {"duplicate code", "incident", [](json& f) { f["tactics"] = {"D1", "D1"}; }, SchemaError::duplicate_value,
       "tactics[1]"},
      {"codes not a list", "incident", [](json& f) { f["tactics"] = "D1"; }, SchemaError::wrong_type, "tactics"},
      {"excluded code", "person", [](json& f) { f["location"]["precision"] = "exact"; },
       SchemaError::code_not_allowed, "location.precision"},
      {"unknown country", "incident", [](json& f) { f["country"] = "XX"; }, SchemaError::unknown_country,
       "country"},
      {"lowercase country", "person", [](json& f) { f["citizenship"] = {"cn"}; }, SchemaError::unknown_country,
       "citizenship[0]"},
      {"unknown language", "person", [](json& f) { f["languages"][0] = "zh"; }, SchemaError::unknown_language,
       "languages[0]"},
      {"bad uuid", "incident", [](json& f) { f["targets"] = {"not-a-uuid"}; }, SchemaError::bad_uuid,
       "targets[0]"},
      {"uppercase uuid", "consent", [](json& f) { f["person"] = "5B0F3C1E-8D2A-4F6B-9C3D-2E1F0A9B8C7D"; },
       SchemaError::bad_uuid, "person"},
      {"uuid v1", "consent", [](json& f) { f["person"] = "5b0f3c1e-8d2a-1f6b-9c3d-2e1f0a9b8c7d"; },
       SchemaError::bad_uuid, "person"},
      {"nested bad uuid", "incident", [](json& f) { f["perpetrators"][0]["person"] = "1234"; },
       SchemaError::bad_uuid, "perpetrators[0].person"},
      {"duplicate ref", "incident", [](json& f) { f["targets"] = {safehold::test::kPersonId, safehold::test::kPersonId}; },
       SchemaError::duplicate_value, "targets[1]"},
      {"impossible date", "person", [](json& f) { f["birth_date"] = {{"value", "1988-02-30"}, {"precision", "exact"}}; },
       SchemaError::bad_date, "birth_date"},
      {"date out of range", "person", [](json& f) { f["birth_date"] = {{"value", "0988"}, {"precision", "year"}}; },
       SchemaError::bad_date, "birth_date"},
      {"date as string", "person", [](json& f) { f["birth_date"] = "1988"; }, SchemaError::wrong_type, "birth_date"},
      {"date precision mismatch", "person",
       [](json& f) { f["birth_date"] = {{"value", "1988-02"}, {"precision", "year"}}; },
       SchemaError::bad_date_precision, "birth_date"},
      {"date without precision", "person", [](json& f) { f["birth_date"] = {{"value", "1988"}}; },
       SchemaError::bad_date_precision, "birth_date"},
      {"unknown precision", "person", [](json& f) { f["birth_date"] = {{"value", "1988"}, {"precision", "roughly"}}; },
       SchemaError::bad_date_precision, "birth_date"},
      {"end without range", "incident", [](json& f) { f["start_date"]["end"] = "2024"; },
       SchemaError::bad_date_precision, "start_date"},
      {"range without end", "incident", [](json& f) { f["end_date"].erase("end"); }, SchemaError::bad_date_precision,
       "end_date"},
      {"range ending before it starts", "incident", [](json& f) { f["end_date"]["end"] = "2022-12"; },
       SchemaError::bad_date, "end_date"},
      {"extra date member", "incident", [](json& f) { f["start_date"]["calendar"] = "lunar"; }, SchemaError::bad_date,
       "start_date"},
      {"timestamp with offset", "consent", [](json& f) { f["given_at"] = "2026-11-28T09:30:00+01:00"; },
       SchemaError::bad_datetime, "given_at"},
      {"timestamp with fraction", "consent", [](json& f) { f["given_at"] = "2026-11-28T09:30:00.5Z"; },
       SchemaError::bad_datetime, "given_at"},
      {"nested timestamp", "interview_session", [](json& f) { f["breaks"][0]["end"] = "10:35"; },
       SchemaError::bad_datetime, "breaks[0].end"},
      {"missing required", "consent", [](json& f) { f.erase("method"); }, SchemaError::missing_required, "method"},
      {"empty required scopes", "consent", [](json& f) { f["scopes"] = json::object(); },
       SchemaError::missing_required, "scopes"},
      {"unknown scope", "consent", [](json& f) { f["scopes"]["sell_data"] = "yes"; }, SchemaError::unknown_code,
       "scopes"},
      {"bad scope answer", "consent", [](json& f) { f["scopes"]["audio_record"] = "maybe"; },
       SchemaError::unknown_code, "scopes.audio_record"},
      {"text too long", "case", [&](json& f) { f["title"] = long_text; }, SchemaError::too_long, "title"},
      {"newline in one-line text", "case", [](json& f) { f["title"] = "line\nbreak"; }, SchemaError::bad_text,
       "title"},
      {"control character", "incident", [](json& f) { f["narrative"]["text"] = std::string("a\x01", 2); },
       SchemaError::bad_text, "narrative.text"},
      {"invalid UTF-8", "case", [](json& f) { f["title"] = std::string("\xC3\x28"); }, SchemaError::bad_text, "title"},
      {"bad sha256", "evidence_item", [](json& f) { f["sha256"] = std::string(64, 'G'); }, SchemaError::bad_format,
       "sha256"},
      {"uppercase media type", "evidence_item", [](json& f) { f["media_type"] = "Image/PNG"; },
       SchemaError::bad_format, "media_type"},
      {"bad age recipient", "contact", [](json& f) { f["age_recipient"] = "age1BAD"; }, SchemaError::bad_format,
       "age_recipient"},
      {"bad minisign key", "contact", [](json& f) { f["minisign_public_key"] = "RWQ"; }, SchemaError::bad_format,
       "minisign_public_key"},
      {"list item not an object", "risk_assessment", [](json& f) { f["safety_plan"][1] = "call"; },
       SchemaError::not_an_object, "safety_plan[1]"},
      {"object as list", "incident", [](json& f) { f["narrative"] = json::array(); }, SchemaError::not_an_object,
       "narrative"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto e = error_after(c.entity, c.change);
    CHECK(e.code == c.code);
    CHECK(e.path == c.path);
    CHECK(!e.describe().empty());
    CHECK(e.describe().find('\n') == std::string::npos);
  }
}
