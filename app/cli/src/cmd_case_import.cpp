// case import-json FILE: a whole case from JSON (the array that
// `case show --all --json` prints, or one produced by another system),
// written as new records with new ids by core/casework's record-set writer
// (one batch: all or nothing; model-derived order; references between the
// records of the document remapped to the new ids, both ways). Attachment
// content does not travel in JSON: evidence items arrive empty.
// A JSON data export (schema/export-v1.md, an object with "format":
// "safehold-data-export") is read by report::data_export_from_json, strictly,
// and written the same way (section 5).
#include <memory>
#include <set>

#include "commands.hpp"
#include "failure.hpp"
#include "field_args.hpp"
#include "json_input.hpp"
#include "output.hpp"
#include "safehold/core/casework/record_set.hpp"
#include "safehold/report/data_import.hpp"
#include "safehold/schema/formats.hpp"

namespace safehold::cli {

namespace {

using nlohmann::json;

expected<core::casework::RecordSet, Failure> read_items(const json& doc) {
  if (!doc.is_array()) return fail(ExitCode::usage, "JSON input: expected an array of records");
  core::casework::RecordSet set;
  std::set<std::string> seen;
  std::size_t cases = 0;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const auto& r = doc[i];
    const auto where = "JSON input: record " + std::to_string(i);
    if (!r.is_object() || !r.contains("entity") || !r["entity"].is_string() || !r.contains("fields") ||
        !r["fields"].is_object()) {
      return fail(ExitCode::usage, where + ": needs \"entity\" and a \"fields\" object");
    }
    for (const auto& [key, v] : r.items()) {
      if (key != "id" && key != "entity" && key != "case_id" && key != "created_at" && key != "updated_at" &&
          key != "fields") {
        return fail(ExitCode::usage, where + ": unknown member \"" + key + "\"");
      }
    }
    auto def = entity_def(r["entity"].get<std::string>());
    if (!def) return unexpected(def.error());
    core::casework::NewRecord item{"", (*def)->name, r["fields"], {}};
    if (r.contains("id")) {
      if (!r["id"].is_string() || !schema::is_uuid_v4(r["id"].get<std::string>())) {
        return fail(ExitCode::usage, where + ": \"id\" is not a UUID v4");
      }
      item.draft_id = r["id"].get<std::string>();
      if (!seen.insert(item.draft_id).second) return fail(ExitCode::usage, where + ": duplicate id " + item.draft_id);
    }
    if ((*def)->name == "case") {
      ++cases;
      item.fields.erase("reference");  // the vault assigns a new one
    } else if (!(*def)->in_case) {
      return fail(ExitCode::usage, where + ": a " + (*def)->name + " record does not belong to a case");
    }
    set.records.push_back(std::move(item));
  }
  if (cases != 1) return fail(ExitCode::usage, "JSON input: expected exactly one case record");
  return set;
}

struct ImportOptions {
  std::string file;
  IdOutput printed;
};

// A data export (schema/export-v1.md section 5): the document's case as a new case here.
Outcome run_export_import(Context& ctx, const json& doc, const ImportOptions& o) {
  auto parsed = report::data_export_from_json(doc);
  if (!parsed) return fail(exit_code_for(parsed.error().code), "JSON input: " + parsed.error().describe());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto imported = report::import_data_export(**vault, *parsed);
  if (!imported) return fail(exit_code_for(imported.error().code), imported.error().describe());
  o.printed.print(imported->case_id);
  print_note("imported data export of " + parsed->reference + " as " + imported->reference + ": " +
             count_of(imported->records, "record") +
             (parsed->withheld_fields == 0 ? std::string()
                                           : "; " + count_of(parsed->withheld_fields, "field") +
                                                 " the export withheld " +
                                                 (parsed->withheld_fields == 1 ? "is" : "are") + " not in it"));
  return {};
}

Outcome run_case_import(Context& ctx, const ImportOptions& o) {
  const std::string& file = o.file;
  auto doc = read_json_input(file);
  if (!doc) return unexpected(doc.error());
  if (doc->is_object()) return run_export_import(ctx, *doc, o);
  auto items = read_items(*doc);
  if (!items) return unexpected(items.error());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto written = core::casework::write_record_set(**vault, *items);
  if (!written) {
    const auto& e = written.error();
    if (!e.vault) return fail(ExitCode::usage, "JSON input: " + e.describe());
    return unexpected(to_failure(*e.vault));
  }
  const std::string& case_id = written->case_id;
  o.printed.print(case_id);
  print_note("imported " + count_of(items->records.size(), "record"));
  return {};
}

}  // namespace

void add_case_import_command(CLI::App* group, Context& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* sub = group->add_subcommand(
      "import-json", "Import a case from a JSON array of records (as `case show --all --json` prints) or a JSON data export "
      "(schema/export-v1.md); prints its id");
  sub->add_option("FILE", o->file, "JSON file ('-' = stdin)")->required();
  o->printed.add_flag(sub);
  ctx.bind(sub, [&ctx, o] { return run_case_import(ctx, *o); });
}

}  // namespace safehold::cli
