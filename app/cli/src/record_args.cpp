#include "record_args.hpp"

#include "output.hpp"
#include "safehold/schema/record.hpp"

namespace safehold::cli {

void add_record_args(CLI::App* app, RecordArgs& args, bool edit) {
  app->add_option("--from-file", args.from_file,
                  edit ? "Fields as JSON: a fields object or a record (DEVELOPERS.md shape); '-' = stdin. Each field "
                         "given replaces that field; the others stay (see --replace)"
                       : "Fields as JSON: a fields object or a record (DEVELOPERS.md shape); '-' = stdin")
      ->type_name("FILE");
  if (edit) {
    app->add_flag("--replace", args.replace,
                  "Replace the whole record: fields not given (by --from-file or options) are removed");
  }
  add_field_options(app, args.fields, edit);
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
  if (args.replace || !base.is_object()) base = nlohmann::json::object();
  ParsedRecordInput out{expect.entity, expect.case_id, std::move(base)};
  if (!args.from_file.empty()) {
    auto doc = read_json_input(args.from_file);
    if (!doc) return unexpected(doc.error());
    auto parsed = parse_record_input(*doc, expect);
    if (!parsed) return unexpected(parsed.error());
    out.entity = std::move(parsed->entity);
    out.case_id = std::move(parsed->case_id);
    // Merged field by field: a file naming one field changes only that one.
    for (auto& [name, value] : parsed->fields.items()) out.fields[name] = std::move(value);
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

Outcome refuse_all_schema_errors(const std::string& entity, const nlohmann::json& fields) {
  auto def = entity_def(entity);
  if (!def) return unexpected(def.error());
  const auto errors = schema::field_errors(**def, fields);
  if (errors.empty()) return {};
  std::string lines;
  for (const auto& e : errors) lines += (lines.empty() ? "" : "\n") + entity + " " + e.describe();
  return fail(ExitCode::usage, lines);
}

void print_record_json_or_text(const storage::Record& record, bool json) {
  if (json) {
    print_json(record.to_json());
  } else {
    print_record(record);
  }
}

}  // namespace safehold::cli
