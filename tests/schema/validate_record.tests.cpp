// validate_fields limits and modes, validate_record's envelope, and the rule
// that errors never carry record values.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "safehold/embedded/schema_model.hpp"
#include "safehold/embedded/schema_vocabularies.hpp"
#include "safehold/schema/record.hpp"
#include "validation_helpers.hpp"

using namespace safehold::schema;
using nlohmann::json;
using safehold::test::entity;
using safehold::test::error_after;
using safehold::test::sample_fields;


TEST_CASE("size limits: lists and whole records", "[schema][validate]") {
  auto too_many = error_after("risk_assessment", [](json& f) {
    f["safety_plan"] = json::array();
    for (std::size_t i = 0; i <= kMaxListItems; ++i) f["safety_plan"].push_back(json::object());
  });
  CHECK(too_many.code == SchemaError::too_many_items);
  auto at_limit = sample_fields().at("risk_assessment");
  at_limit["safety_plan"] = json::array();
  for (std::size_t i = 0; i < kMaxListItems; ++i) at_limit["safety_plan"].push_back(json::object());
  CHECK(validate_fields(entity("risk_assessment"), at_limit).has_value());

  auto long_ok = sample_fields().at("incident");
  long_ok["narrative"]["text"] = std::string(kMaxLongTextBytes, 'a');
  CHECK(validate_fields(entity("incident"), long_ok).has_value());
  auto too_long = error_after("incident", [](json& f) { f["narrative"]["text"] = std::string(kMaxLongTextBytes + 1, 'a'); });
  CHECK(too_long.code == SchemaError::too_long);

  // 17 list items of 1 MiB each pass item by item but not together.
  auto too_large = error_after("interview_session", [](json& f) {
    f["breaks"] = json::array();
    f["notes"] = std::string(kMaxLongTextBytes, 'n');
    f["interviewers"] = json::array();
    for (int i = 0; i < 2000; ++i) f["interviewers"].push_back({{"name", std::string(kMaxTextBytes, 'x')}});
  });
  CHECK(too_large.code == SchemaError::too_large);
}

TEST_CASE("retired codes: refused for writes, accepted when reading old data", "[schema][validate]") {
  // The built-in data retires nothing yet: load it with the channel
  // vocabulary replaced by a version 2 that retires "sms".
  const std::string channel = R"JSON({"name": "channel", "version": 2,
    "label": {"en": "Channel", "zh-Hans": "渠道", "zh-Hant": "管道"},
    "entries": [
      {"code": "sms", "label": {"en": "SMS", "zh-Hans": "短信", "zh-Hant": "簡訊"}, "retired": true,
       "replaced_by": "wechat"},
      {"code": "wechat", "label": {"en": "WeChat", "zh-Hans": "微信", "zh-Hant": "微信"}}
    ]})JSON";
  std::vector<SourceFile> files;
  for (const auto& f : safehold::embedded::schema_vocabularies()) {
    files.push_back(f.path == "channel.json" ? SourceFile{f.path, channel} : SourceFile{f.path, f.bytes});
  }
  auto vocabs = Vocabularies::parse(files);
  REQUIRE(vocabs.has_value());
  auto model = Model::parse(safehold::embedded::schema_model()[0].bytes, *vocabs);
  REQUIRE(model.has_value());
  const auto& incident = *model->entity("incident");
  auto fields = sample_fields().at("incident");
  fields["channel"] = "sms";
  auto write = validate_fields(incident, fields, Mode::write);
  REQUIRE_FALSE(write.has_value());
  CHECK(write.error().code == SchemaError::retired_code);
  CHECK(write.error().path == "channel");
  CHECK(validate_fields(incident, fields, Mode::read).has_value());
  fields["channel"] = "wechat";
  CHECK(validate_fields(incident, fields, Mode::write).has_value());
}

TEST_CASE("validate_record checks the envelope of DEVELOPERS.md", "[schema][validate]") {
  const auto& model = Model::builtin();
  json record = {{"id", "9b2e6a7c-1d3f-4e5a-8b9c-0d1e2f3a4b5c"},
                 {"entity", "incident"},
                 {"case_id", "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a"},
                 {"created_at", "2026-11-28T18:00:00Z"},
                 {"updated_at", "2026-11-28T18:05:12Z"},
                 {"fields", sample_fields().at("incident")}};
  auto ok = validate_record(model, record);
  REQUIRE(ok.has_value());
  CHECK((*ok)->name == "incident");

  auto refused = [&](const std::function<void(json&)>& change) {
    auto r = record;
    change(r);
    auto result = validate_record(model, r);
    REQUIRE_FALSE(result.has_value());
    return result.error();
  };
  CHECK(refused([](json& r) { r["id"] = "x"; }).path == "id");
  CHECK(refused([](json& r) { r.erase("case_id"); }).path == "case_id");
  CHECK(refused([](json& r) { r["entity"] = "audit_entry"; }).code == SchemaError::unknown_entity);
  CHECK(refused([](json& r) { r["updated_at"] = "2026-11-28T17:00:00Z"; }).path == "updated_at");
  CHECK(refused([](json& r) { r["created_at"] = "2026-11-28 18:00:00"; }).path == "created_at");
  CHECK(refused([](json& r) { r["extra"] = 1; }).code == SchemaError::bad_record);
  CHECK(refused([](json& r) { r.erase("fields"); }).path == "fields");
  CHECK(refused([](json& r) { r["fields"]["tactics"] = {"Z1"}; }).path == "tactics[0]");

  json a_case = {{"id", "9b2e6a7c-1d3f-4e5a-8b9c-0d1e2f3a4b5c"}, {"entity", "case"},
                 {"created_at", "2026-11-28T18:00:00Z"}, {"updated_at", "2026-11-28T18:00:00Z"},
                 {"fields", sample_fields().at("case")}};
  CHECK(validate_record(model, a_case).has_value());
  a_case["case_id"] = "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a";  // a case does not belong to a case
  CHECK(validate_record(model, a_case).error().path == "case_id");
}

TEST_CASE("errors never echo record values", "[schema][validate]") {
  const std::string secret = "WANG-SECRET-值";
  const std::function<void(json&)> changes[] = {
      [&](json& f) { f["pseudonym"] = secret + "\n"; },
      [&](json& f) { f["residence_status"] = secret; },
      [&](json& f) { f["citizenship"] = {secret}; },
      [&](json& f) { f["birth_date"] = {{"value", secret}, {"precision", "year"}}; },
      [&](json& f) { f["birth_date"] = {{"value", "1990"}, {"precision", secret}}; },
      [&](json& f) { f[secret] = 1; },
      [&](json& f) { f["legal_name"][secret] = "x"; },
      [&](json& f) { f["aliases"][0]["name"] = json{{"not_answered", secret}}; },
  };
  for (const auto& change : changes) {
    auto e = error_after("person", change);
    INFO(e.describe());
    CHECK(e.describe().find("SECRET") == std::string::npos);
    CHECK(e.path.find("SECRET") == std::string::npos);
    CHECK(e.detail.find("SECRET") == std::string::npos);
  }
}
