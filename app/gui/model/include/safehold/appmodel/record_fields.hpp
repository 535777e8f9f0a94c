#pragma once
// Editing helpers over a record's `fields` JSON object (DEVELOPERS.md,
// "Records"): the form widgets call these, so the rules live in one tested
// place. A field that was never answered is absent; an emptied text or list
// is removed again, never stored as "" or [].
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "safehold/schema/formats.hpp"

namespace safehold::appmodel {

using Json = nlohmann::json;

// "declined" / "unknown" when the field holds the not-answered marker, else "".
[[nodiscard]] std::string_view not_answered_kind(const Json& fields, std::string_view name);
void set_not_answered(Json& fields, std::string_view name, std::string_view kind);

// Text value ("" if absent or not a string). set_text removes the field when
// `value` is empty.
[[nodiscard]] std::string text_of(const Json& fields, std::string_view name);
void set_text(Json& fields, std::string_view name, std::string_view value);

// codes/refs/countries/languages lists.
[[nodiscard]] bool has_code(const Json& fields, std::string_view name, std::string_view code);
// Adds or removes `code`, keeping the list in insertion order; removes the
// field when the list becomes empty.
void toggle_code(Json& fields, std::string_view name, std::string_view code);

// Date fields: {"value": "YYYY[-MM[-DD]]", "precision": p, "end": ... (range)}.
struct DateValue {
  std::string value;
  std::string precision;  // date_precision code
  std::string end;        // only for "range"
};
[[nodiscard]] DateValue date_of(const Json& fields, std::string_view name);
// Stores the date, or removes the field when value is empty. Fills the
// precision from the value's shape when not chosen (YYYY → year, YYYY-MM →
// month, YYYY-MM-DD → exact); "end" is kept only for "range".
void set_date(Json& fields, std::string_view name, const DateValue& d);

// Current time as the records' UTC timestamp ("YYYY-MM-DDTHH:MM:SSZ").
[[nodiscard]] inline std::string utc_now() { return schema::utc_timestamp_now(); }
// A UTC time as typed into a time field: "2026-12-06 14:00", "2026-12-06T14:00",
// with or without seconds and the Z, → "2026-12-06T14:00:00Z"; nullopt if
// it is not a real time of that shape.
[[nodiscard]] std::optional<std::string> typed_utc_time(std::string_view typed);
// "2026-11-28T19:41:27Z" → "2026-11-28 19:41" for tables (the column header
// says UTC); anything else is returned unchanged.
[[nodiscard]] std::string display_time(std::string_view rfc3339);

}  // namespace safehold::appmodel
