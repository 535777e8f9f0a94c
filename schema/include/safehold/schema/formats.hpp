#pragma once
// Value formats shared by validation, storage and bundles.
#include <string>
#include <string_view>

namespace safehold::schema {

// Lowercase canonical UUID version 4 (8-4-4-4-12 hex, version nibble 4,
// variant 8/9/a/b): the only id form Safehold writes or accepts.
bool is_uuid_v4(std::string_view s) noexcept;

// RFC 3339 in UTC at second precision, exactly "YYYY-MM-DDTHH:MM:SSZ", with
// a real calendar date (no leap second).
bool is_utc_timestamp(std::string_view s) noexcept;

// The current time in exactly that form (the clock every record and audit
// entry is stamped with).
std::string utc_timestamp_now();

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real calendar date, year 1800-2200.
// Returns the number of parts (1, 2 or 3), or 0 when invalid.
int partial_date_parts(std::string_view s) noexcept;

// Well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

}  // namespace safehold::schema
