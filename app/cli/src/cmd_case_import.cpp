// case import-json FILE: a whole case from JSON (the array that
// `case show --all --json` prints, or one produced by another system),
// written as new records with new ids in one transaction: all or nothing.
//
// References between the records of the document are remapped to the new
// ids. Because references can run both ways (consent -> person while a
// person needs consent first; legal measure <-> evidence item), records are
// created first without their reference fields, then updated with them.
// Attachment content does not travel in JSON: evidence items arrive empty.
#include <map>
#include <memory>
#include <set>

#include "commands.hpp"
#include "failure.hpp"
#include "field_args.hpp"
#include "json_input.hpp"
#include "output.hpp"
#include "safehold/schema/formats.hpp"

namespace safehold::cli {
namespace {

using nlohmann::json;

struct Item {
  std::string old_id;  // may be empty
  const schema::EntityDef* def = nullptr;
  json fields;
  std::string new_id;
  bool has_refs = false;
};

bool holds_reference(const schema::FieldDef& f) {
  if (f.type == schema::FieldType::ref || f.type == schema::FieldType::refs) return true;
  for (const auto& sub : f.fields) {
    if (holds_reference(sub)) return true;
  }
  return false;
}

// Fields without any reference-holding field; `stripped` tells if one was dropped.
json without_references(const schema::EntityDef& def, const json& fields, bool& stripped) {
  json out = json::object();
  for (const auto& [name, value] : fields.items()) {
    const auto* f = def.field(name);
    if (f != nullptr && holds_reference(*f)) {
      stripped = true;
    } else {
      out[name] = value;
    }
  }
  return out;
}

void remap(json& value, const std::map<std::string, std::string>& ids) {
  if (value.is_string()) {
    const auto it = ids.find(value.get<std::string>());
    if (it != ids.end()) value = it->second;
  } else if (value.is_array() || value.is_object()) {
    for (auto& v : value) remap(v, ids);
  }
}

int import_rank(const std::string& entity) {
  if (entity == "case") return 0;
  if (entity == "consent") return 1;
  if (entity == "interview_session") return 2;
  return 3;
}

expected<std::vector<Item>, Failure> read_items(const json& doc) {
  if (!doc.is_array()) return fail(ExitCode::usage, "JSON input: expected an array of records");
  std::vector<Item> items;
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
    Item item{"", *def, r["fields"], "", false};
    if (r.contains("id")) {
      if (!r["id"].is_string() || !schema::is_uuid_v4(r["id"].get<std::string>())) {
        return fail(ExitCode::usage, where + ": \"id\" is not a UUID v4");
      }
      item.old_id = r["id"].get<std::string>();
      if (!seen.insert(item.old_id).second) return fail(ExitCode::usage, where + ": duplicate id " + item.old_id);
    }
    if ((*def)->name == "case") {
      ++cases;
      item.fields.erase("reference");  // the vault assigns a new one
    } else if (!(*def)->in_case) {
      return fail(ExitCode::usage, where + ": a " + (*def)->name + " record does not belong to a case");
    }
    items.push_back(std::move(item));
  }
  if (cases != 1) return fail(ExitCode::usage, "JSON input: expected exactly one case record");
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return import_rank(a.def->name) < import_rank(b.def->name); });
  return items;
}

Outcome run_import(Context& ctx, const std::string& file) {
  auto doc = read_json_input(file);
  if (!doc) return unexpected(doc.error());
  auto items = read_items(*doc);
  if (!items) return unexpected(items.error());
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto batch = lift((*vault)->begin_batch());
  if (!batch) return unexpected(batch.error());
  auto records = (*vault)->records();
  std::map<std::string, std::string> ids;
  std::string case_id;
  for (auto& item : *items) {
    auto fields = without_references(*item.def, item.fields, item.has_refs);
    remap(fields, ids);
    auto rec = lift(records.create(item.def->name, case_id, std::move(fields)));
    if (!rec) return unexpected(rec.error());
    item.new_id = rec->id;
    if (item.def->name == "case") case_id = rec->id;
    if (!item.old_id.empty()) ids[item.old_id] = rec->id;
  }
  for (auto& item : *items) {
    if (!item.has_refs) continue;
    remap(item.fields, ids);
    auto rec = lift(records.update(item.new_id, std::move(item.fields)));
    if (!rec) return unexpected(rec.error());
  }
  if (auto committed = lift(batch->commit()); !committed) return committed;
  print_line(case_id);
  print_note("imported " + std::to_string(items->size()) + " records");
  return {};
}

}  // namespace

void add_case_import_command(CLI::App* group, Context& ctx) {
  auto file = std::make_shared<std::string>();
  auto* sub = group->add_subcommand(
      "import-json", "Import a case from a JSON array of records (as `case show --all --json` prints); prints its id");
  sub->add_option("FILE", *file, "JSON file ('-' = stdin)")->required();
  ctx.bind(sub, [&ctx, file] { return run_import(ctx, *file); });
}

}  // namespace safehold::cli
