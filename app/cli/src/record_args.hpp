#pragma once
// The fields of a record as given on a command line: a JSON document
// (--from-file FILE, `-` = stdin), then the command's own convenience
// options, then --field / --not-answered / --unset, each later source
// overriding. (`--json` means machine output on every command.)
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "field_args.hpp"
#include "json_input.hpp"
#include "safehold/storage/records.hpp"

namespace safehold::cli {

struct RecordArgs {
  std::string from_file;
  bool replace = false;  // edit: start from no fields instead of the stored ones
  FieldArgs fields;
  // Convenience options of the command: field name -> value, applied after
  // the JSON and before --field (e.g. case new --title).
  std::vector<std::pair<std::string, std::string>> shortcuts;
};

// `edit`: also --unset and --replace.
void add_record_args(CLI::App* app, RecordArgs& args, bool edit);

// The entity, case and fields to write. `base` is the starting fields (the
// stored record for edit, {} for add). Each field a JSON document holds
// replaces that field of `base`; the others stay, unless --replace, which
// starts from no fields at all.
[[nodiscard]] expected<ParsedRecordInput, Failure> build_record(const RecordArgs& args, const RecordInput& expect,
                                                                nlohmann::json base);

// Convenience options: `field` set to `value` (before any --field).
void add_shortcut(RecordArgs& args, const std::string& field, const std::string& value);
// The same for every (field, value) pair whose value was given (not empty).
void add_shortcuts(RecordArgs& args, std::initializer_list<std::pair<const char*, const std::string*>> given);
// A repeatable option for a list field: its values become the list, ahead of
// any --field for the same field (which then appends).
void add_list_shortcut(RecordArgs& args, const std::string& field, const std::vector<std::string>& values);

// Every schema error of these fields at once (storage would stop at the
// first): exit 2 with one line per error, each naming the field path and the
// rule, never the value. Called just before a record is written.
[[nodiscard]] Outcome refuse_all_schema_errors(const std::string& entity, const nlohmann::json& fields);

void print_record_json_or_text(const storage::Record& record, bool json);

}  // namespace safehold::cli
