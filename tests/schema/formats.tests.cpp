// Shared value formats and the strict JSON reader.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "safehold/schema/formats.hpp"
#include "safehold/schema/strict_json.hpp"

using namespace safehold::schema;

TEST_CASE("UUIDs: lowercase canonical version 4 only", "[schema][formats]") {
  CHECK(is_uuid_v4("3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10"));
  CHECK(is_uuid_v4("00000000-0000-4000-8000-000000000000"));
  CHECK(is_uuid_v4("ffffffff-ffff-4fff-bfff-ffffffffffff"));
  CHECK_FALSE(is_uuid_v4("3F0C9A52-5D0E-4C7B-9A51-0C1D7E2B9F10"));  // uppercase
  CHECK_FALSE(is_uuid_v4("3f0c9a52-5d0e-1c7b-9a51-0c1d7e2b9f10"));  // version 1
  CHECK_FALSE(is_uuid_v4("3f0c9a52-5d0e-4c7b-ca51-0c1d7e2b9f10"));  // variant
  CHECK_FALSE(is_uuid_v4("3f0c9a525d0e4c7b9a510c1d7e2b9f10"));      // no dashes
  CHECK_FALSE(is_uuid_v4("{3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10}"));
  CHECK_FALSE(is_uuid_v4("3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f1"));
  CHECK_FALSE(is_uuid_v4("3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f1g"));
  CHECK_FALSE(is_uuid_v4(""));
}

TEST_CASE("UTC timestamps: YYYY-MM-DDTHH:MM:SSZ with a real date", "[schema][formats]") {
  CHECK(is_utc_timestamp("2026-11-28T18:00:00Z"));
  CHECK(is_utc_timestamp("2024-02-29T23:59:59Z"));
  CHECK_FALSE(is_utc_timestamp("2023-02-29T00:00:00Z"));  // not a leap year
  CHECK_FALSE(is_utc_timestamp("2026-11-28T24:00:00Z"));
  CHECK_FALSE(is_utc_timestamp("2026-11-28T23:59:60Z"));  // no leap seconds
  CHECK_FALSE(is_utc_timestamp("2026-11-28T18:00:00z"));
  CHECK_FALSE(is_utc_timestamp("2026-11-28t18:00:00Z"));
  CHECK_FALSE(is_utc_timestamp("2026-11-28T18:00:00+00:00"));
  CHECK_FALSE(is_utc_timestamp("2026-11-28T18:00Z"));
  CHECK_FALSE(is_utc_timestamp("2026-11-28 18:00:00Z"));
  CHECK_FALSE(is_utc_timestamp("2026-13-28T18:00:00Z"));
  CHECK_FALSE(is_utc_timestamp("+026-11-28T18:00:00Z"));
}

TEST_CASE("partial dates: year, month or day, real calendar dates", "[schema][formats]") {
  CHECK(partial_date_parts("2023") == 1);
  CHECK(partial_date_parts("2023-03") == 2);
  CHECK(partial_date_parts("2023-03-31") == 3);
  CHECK(partial_date_parts("2000-02-29") == 3);
  CHECK(partial_date_parts("1900-02-29") == 0);
  CHECK(partial_date_parts("2023-04-31") == 0);
  CHECK(partial_date_parts("2023-00") == 0);
  CHECK(partial_date_parts("2023-3") == 0);
  CHECK(partial_date_parts("2023-03-1") == 0);
  CHECK(partial_date_parts("1799") == 0);
  CHECK(partial_date_parts("2201") == 0);
  CHECK(partial_date_parts("2023-03-01T00:00:00Z") == 0);
  CHECK(partial_date_parts("") == 0);
}

TEST_CASE("UTF-8: well-formed only", "[schema][formats]") {
  CHECK(is_valid_utf8("plain"));
  CHECK(is_valid_utf8("维吾尔 ۋاڭ 😀"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE4\xB8"));          // truncated
  CHECK_FALSE(is_valid_utf8("\x80"));
}

TEST_CASE("strict JSON: one document, no duplicates, no BOM, bounded depth", "[schema][formats]") {
  CHECK(parse_strict_json(R"({"a": [1, {"b": "c"}], "d": {"a": 1}})").has_value());
  CHECK(parse_strict_json(std::string(kMaxJsonDepth - 1, '[') + std::string(kMaxJsonDepth - 1, ']')).has_value());
  for (std::string bad : {std::string(R"({"a": 1, "a": 2})"), std::string(R"({"x": {"a": 1, "a": 1}})"),
                          std::string("\xEF\xBB\xBF{}"), std::string("{} {}"), std::string("{'a': 1}"),
                          std::string("[1,]"), std::string(R"({"a": NaN})"), std::string("/* c */ {}"),
                          std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']'),
                          std::string("\"\xFF\"")}) {
    INFO(bad);
    auto r = parse_strict_json(bad, "where.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == SchemaError::malformed_json);
    CHECK(r.error().path == "where.json");
  }
}
