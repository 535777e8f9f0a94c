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

TEST_CASE("A date typed part by part keeps a precision that matches its shape", "[gui][fields]") {
  Json f = Json::object();
  // As the widget does: each keystroke re-stores the value with the
  // precision the field holds from the previous one.
  for (const char* typed : {"2", "20", "2026", "2026-0", "2026-03", "2026-03-1", "2026-03-15"}) {
    DateValue d = date_of(f, "start_date");
    d.value = typed;
    set_date(f, "start_date", d);
  }
  CHECK(f["start_date"]["precision"] == "exact");
  DateValue d = date_of(f, "start_date");
  d.value = "2026-03";  // shortened again
  set_date(f, "start_date", d);
  CHECK(f["start_date"]["precision"] == "month");
  d = date_of(f, "start_date");
  d.precision = "estimate";  // the caseworker's choice stays
  set_date(f, "start_date", d);
  d.value = "2026";
  set_date(f, "start_date", d);
  CHECK(f["start_date"]["precision"] == "estimate");
}

TEST_CASE("Time fields take a typed space, minutes only and no Z", "[gui][fields]") {
  CHECK(typed_utc_time("2026-12-06 14:00") == "2026-12-06T14:00:00Z");
  CHECK(typed_utc_time("2026-12-06  14:00:30") == "2026-12-06T14:00:30Z");
  CHECK(typed_utc_time("2026-12-06T14:00") == "2026-12-06T14:00:00Z");
  CHECK(typed_utc_time("2026-12-06T14:00:00Z") == "2026-12-06T14:00:00Z");
  CHECK(typed_utc_time(" 2026-12-06 09:05 ") == "2026-12-06T09:05:00Z");
  CHECK_FALSE(typed_utc_time("2026-12-06"));
  CHECK_FALSE(typed_utc_time("2026-02-30 14:00"));  // no such day
  CHECK_FALSE(typed_utc_time("2026-12-06 25:00"));
  CHECK_FALSE(typed_utc_time("2026-12-06 14:00+02:00"));  // UTC only
  CHECK_FALSE(typed_utc_time("2026-12-06 14"));
}
