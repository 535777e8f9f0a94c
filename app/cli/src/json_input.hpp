#pragma once
// JSON given to the CLI (--json FILE, `-` = standard input), held to
// safehold_schema's strict JSON (one UTF-8 document, no duplicate keys).
#include <string>

#include <nlohmann/json.hpp>

#include "exit_codes.hpp"

namespace safehold::cli {

inline constexpr std::size_t kMaxJsonInputBytes = 64u * 1024 * 1024;

[[nodiscard]] expected<nlohmann::json, Failure> read_json_input(const std::string& file);

// What a record command reads: either a bare `fields` object, or a record in
// the DEVELOPERS.md shape whose `entity` / `case_id` / `id`, when present,
// must agree with the command line. `allow_envelope_ids`: whether `id` and
// the timestamps may appear (edit: they must match; add: refused).
struct RecordInput {
  std::string entity;   // expected entity ("" = take it from the input)
  std::string case_id;  // expected case ("" = take it from the input)
  std::string id;       // the record being edited ("" for add)
};
struct ParsedRecordInput {
  std::string entity;
  std::string case_id;
  nlohmann::json fields = nlohmann::json::object();
};
[[nodiscard]] expected<ParsedRecordInput, Failure> parse_record_input(const nlohmann::json& doc,
                                                                      const RecordInput& expect);

}  // namespace safehold::cli
