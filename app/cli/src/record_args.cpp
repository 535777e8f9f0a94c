#include "record_args.hpp"

#include "output.hpp"

namespace safehold::cli {

void add_record_args(CLI::App* app, RecordArgs& args, bool with_unset) {
  app->add_option("--json", args.json_file,
                  "Fields as JSON: a fields object or a record (DEVELOPERS.md shape); '-' = stdin")
      ->type_name("FILE");
  add_field_options(app, args.fields, with_unset);
}

void add_shortcut(RecordArgs& args, const std::string& field, const std::string& value) {
  args.shortcuts.emplace_back(field, value);
}

void add_shortcuts(RecordArgs& args, std::initializer_list<std::pair<const char*, const std::string*>> given) {
  for (const auto& [field, value] : given) {
    if (!value->empty()) add_shortcut(args, field, *value);
  }
}

void add_list_shortcut(RecordArgs& args, const std::string& field, const std::vector<std::string>& values) {
  // apply_field_args: the first --field of a list replaces it, the next ones append.
  auto& set = args.fields.set;
  for (std::size_t i = 0; i < values.size(); ++i) {
    set.insert(set.begin() + static_cast<std::ptrdiff_t>(i), field + "=" + values[i]);
  }
}

expected<ParsedRecordInput, Failure> build_record(const RecordArgs& args, const RecordInput& expect,
                                                  nlohmann::json base) {
  ParsedRecordInput out{expect.entity, expect.case_id, std::move(base)};
  if (!args.json_file.empty()) {
    auto doc = read_json_input(args.json_file);
    if (!doc) return unexpected(doc.error());
    auto parsed = parse_record_input(*doc, expect);
    if (!parsed) return unexpected(parsed.error());
    out = std::move(*parsed);
  }
  if (out.entity.empty()) return fail(ExitCode::usage, "which entity? give --entity or \"entity\" in the JSON");
  auto def = entity_def(out.entity);
  if (!def) return unexpected(def.error());
  if (!out.fields.is_object()) out.fields = nlohmann::json::object();
  FieldArgs shortcut_args;
  for (const auto& [field, value] : args.shortcuts) shortcut_args.set.push_back(field + "=" + value);
  if (auto applied = apply_field_args(**def, shortcut_args, out.fields); !applied) return unexpected(applied.error());
  if (auto applied = apply_field_args(**def, args.fields, out.fields); !applied) return unexpected(applied.error());
  return out;
}

void print_record_json_or_text(const storage::Record& record, bool json) {
  if (json) {
    print_json(record.to_json());
  } else {
    print_record(record);
  }
}

}  // namespace safehold::cli
