#pragma once
// The fields of a record as given on a command line: a JSON document
// (--json FILE, `-` = stdin), then the command's own convenience options,
// then --field / --not-answered / --unset, each later source overriding.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "field_args.hpp"
#include "json_input.hpp"
#include "safehold/storage/records.hpp"

namespace safehold::cli {

struct RecordArgs {
  std::string json_file;
  FieldArgs fields;
  // Convenience options of the command: field name -> value, applied after
  // the JSON and before --field (e.g. case new --title).
  std::vector<std::pair<std::string, std::string>> shortcuts;
};

void add_record_args(CLI::App* app, RecordArgs& args, bool with_unset);

// The entity, case and fields to write. `base` is the starting fields (the
// stored record for edit, {} for add); a JSON document replaces them.
[[nodiscard]] expected<ParsedRecordInput, Failure> build_record(const RecordArgs& args, const RecordInput& expect,
                                                                nlohmann::json base);

// Convenience options: `field` set to `value` (before any --field).
void add_shortcut(RecordArgs& args, const std::string& field, const std::string& value);
// The same for every (field, value) pair whose value was given (not empty).
void add_shortcuts(RecordArgs& args, std::initializer_list<std::pair<const char*, const std::string*>> given);
// A repeatable option for a list field: its values become the list, ahead of
// any --field for the same field (which then appends).
void add_list_shortcut(RecordArgs& args, const std::string& field, const std::vector<std::string>& values);

void print_record_json_or_text(const storage::Record& record, bool json);

}  // namespace safehold::cli
