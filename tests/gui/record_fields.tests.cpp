#include <catch2/catch_test_macros.hpp>

#include "safehold/appmodel/record_fields.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/schema/formats.hpp"

using namespace safehold::appmodel;

TEST_CASE("Text fields are removed when emptied, never stored as empty strings", "[gui][fields]") {
  Json f = Json::object();
  set_text(f, "title", "Father questioned");
  CHECK(text_of(f, "title") == "Father questioned");
  set_text(f, "title", "");
  CHECK_FALSE(f.contains("title"));
  CHECK(text_of(f, "missing") == "");
}

TEST_CASE("Not-answered markers replace a value and are recognised", "[gui][fields]") {
  Json f = {{"channel", "phone_call"}};
  CHECK(not_answered_kind(f, "channel").empty());
  set_not_answered(f, "channel", "unknown");
  CHECK(f["channel"] == Json{{"not_answered", "unknown"}});
  CHECK(not_answered_kind(f, "channel") == "unknown");
  set_not_answered(f, "channel", "declined");
  CHECK(not_answered_kind(f, "channel") == "declined");
}

TEST_CASE("Code lists toggle in order and disappear when empty", "[gui][fields]") {
  Json f = Json::object();
  toggle_code(f, "tactics", "D1");
  toggle_code(f, "tactics", "C1");
  CHECK(f["tactics"] == Json::array({"D1", "C1"}));
  CHECK(has_code(f, "tactics", "C1"));
  toggle_code(f, "tactics", "D1");
  CHECK(f["tactics"] == Json::array({"C1"}));
  toggle_code(f, "tactics", "C1");
  CHECK_FALSE(f.contains("tactics"));
  // A not-answered marker is replaced by the first chosen code.
  set_not_answered(f, "tactics", "unknown");
  toggle_code(f, "tactics", "B5");
  CHECK(f["tactics"] == Json::array({"B5"}));
}

TEST_CASE("Dates infer their precision from the value and keep end only for ranges", "[gui][fields]") {
  Json f = Json::object();
  set_date(f, "start_date", {"2023-03", "", ""});
  CHECK(f["start_date"] == Json{{"value", "2023-03"}, {"precision", "month"}});
  set_date(f, "start_date", {"2023", "", "2024"});
  CHECK(f["start_date"] == Json{{"value", "2023"}, {"precision", "year"}});
  set_date(f, "start_date", {"2023-03-04", "range", "2023-05"});
  CHECK(date_of(f, "start_date").end == "2023-05");
  set_date(f, "start_date", {"2023-03-04", "estimate", "2023-05"});
  CHECK_FALSE(f["start_date"].contains("end"));
  set_date(f, "start_date", {"", "exact", ""});
  CHECK_FALSE(f.contains("start_date"));
}

TEST_CASE("utc_now has the record timestamp format", "[gui][fields]") {
  CHECK(safehold::schema::is_utc_timestamp(utc_now()));
  CHECK(display_time("2026-11-28T19:41:27Z") == "2026-11-28 19:41");
  CHECK(display_time("not a time") == "not a time");
}

TEST_CASE("Vocabulary labels follow the UI language", "[gui][i18n][fields]") {
  set_language(Language::zh_Hant);
  CHECK(vocab_label("not_answered", "declined") == "不願回答");
  set_language(Language::zh_Hans);
  CHECK(vocab_label("not_answered", "declined") == "不愿回答");
  set_language(Language::en);
  CHECK(vocab_label("not_answered", "declined") == "Prefer not to answer");
  CHECK(vocab_label("tactic", "Z9") == "Z9");
  CHECK(all_schema_text().find("護照") != std::string::npos);
}
