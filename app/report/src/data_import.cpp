// parse_data_export_json and import_data_export (schema/export-v1.md
// section 5): a JSON data export back into a vault as a new case. The
// document is hostile input: every member is checked before anything is
// written, and the writing is core/casework's (one batch, all or nothing).
#include "safehold/report/data_import.hpp"

#include <algorithm>
#include <set>

#include "report_case.hpp"
#include "safehold/core/casework/record_set.hpp"
#include "safehold/schema/formats.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/schema/strict_json.hpp"

namespace safehold::report {
namespace {

using nlohmann::json;

// The entities a JSON export carries besides the case (section 1: never
// interview sessions or contacts).
constexpr const char* kCaseEntities[] = {"person",        "incident", "legal_measure",   "evidence_item",
                                         "custody_event", "consent",  "risk_assessment", "intervention"};

unexpected<ReportFailure> not_an_export(const std::string& what) { return report_fail(ReportError::invalid_input, what); }

bool has_exactly(const json& object, std::initializer_list<const char*> keys) {
  if (!object.is_object() || object.size() != keys.size()) return false;
  return std::all_of(keys.begin(), keys.end(), [&](const char* k) { return object.contains(k); });
}

bool is_lower_hex64(const json& v) {
  if (!v.is_string() || v.get_ref<const std::string&>().size() != 64) return false;
  const auto& s = v.get_ref<const std::string&>();
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

ReportResult<std::size_t> check_withheld(const json& withheld, const std::string& where) {
  if (!withheld.is_array()) return not_an_export(where + ": withheld is not a list");
  for (const auto& w : withheld) {
    if (!has_exactly(w, {"path", "reason"}) || !w["path"].is_string() || !w["reason"].is_string() ||
        (w["reason"] != "identifying" && w["reason"] != "names_other_holders")) {
      return not_an_export(where + ": a withheld entry is not {path, reason}");
    }
  }
  return withheld.size();
}

ReportResult<void> check_header(const json& doc) {
  if (!has_exactly(doc, {"format", "version", "generated_at", "audience", "case_id", "reference",
                         "identifying_included", "left_out", "records_sha256", "records"})) {
    return not_an_export("not a data export document (members differ from schema/export-v1.md section 2.2)");
  }
  if (doc["format"] != "safehold-data-export") return not_an_export("format is not safehold-data-export");
  if (!doc["version"].is_number_unsigned() || doc["version"] != 1) return not_an_export("version is not 1");
  if (!doc["generated_at"].is_string() || !schema::is_utc_timestamp(doc["generated_at"].get<std::string>())) {
    return not_an_export("generated_at is not a UTC timestamp");
  }
  const json& a = doc["audience"];
  if (!has_exactly(a, {"contact_id", "kind"}) || !(a["contact_id"].is_null() || a["contact_id"].is_string()) ||
      !a["kind"].is_string()) {
    return not_an_export("audience is not {contact_id, kind}");
  }
  if (!doc["case_id"].is_string() || !schema::is_uuid_v4(doc["case_id"].get<std::string>())) {
    return not_an_export("case_id is not a UUID v4");
  }
  if (!doc["reference"].is_string()) return not_an_export("reference is not a text");
  if (!doc["identifying_included"].is_boolean()) return not_an_export("identifying_included is not a boolean");
  if (!doc["left_out"].is_array()) return not_an_export("left_out is not a list");
  for (const auto& l : doc["left_out"]) {
    if (!has_exactly(l, {"reason", "records"}) || !l["reason"].is_string() || !l["records"].is_number_unsigned()) {
      return not_an_export("a left_out entry is not {reason, records}");
    }
  }
  if (!is_lower_hex64(doc["records_sha256"])) return not_an_export("records_sha256 is not 64 lowercase hex digits");
  if (!doc["records"].is_array() || doc["records"].empty()) return not_an_export("records is not a list of records");
  return {};
}

}  // namespace

ReportResult<ExportDocument> parse_data_export_json(std::string_view bytes) {
  if (bytes.size() > kMaxExportDocumentBytes) return not_an_export("the document is larger than 64 MiB");
  auto parsed = schema::parse_strict_json(bytes);
  if (!parsed) return not_an_export("not strict JSON: " + parsed.error().describe());
  return data_export_from_json(*parsed);
}

ReportResult<ExportDocument> data_export_from_json(const nlohmann::json& doc) {
  if (auto h = check_header(doc); !h) return unexpected(h.error());
  ExportDocument out;
  out.case_id = doc["case_id"].get<std::string>();
  out.reference = doc["reference"].get<std::string>();
  const auto& model = schema::Model::builtin();
  std::map<std::string, std::string> entity_of;  // id -> entity, for the references
  const json& records = doc["records"];
  for (std::size_t i = 0; i < records.size(); ++i) {
    const json& r = records[i];
    std::string where = "record " + std::to_string(i);
    if (!r.is_object() || !r.contains("withheld")) return not_an_export(where + ": not a record with withheld");
    json envelope = r;
    envelope.erase("withheld");
    auto def = schema::validate_record(model, envelope, schema::Mode::write);
    if (!def) return not_an_export(where + ": " + def.error().describe());
    auto record = storage::Record::from_json(envelope);
    if (!record) return not_an_export(where + ": " + record.error().describe());
    where += " (" + record->entity + ")";
    const bool first = i == 0;
    if (first != (record->entity == "case")) return not_an_export(where + ": the case record comes first, and only once");
    if (first) {
      if (record->id != out.case_id) return not_an_export(where + ": the case record's id is not case_id");
      const auto ref = record->fields.find("reference");
      if (ref == record->fields.end() || *ref != doc["reference"]) return not_an_export(where + ": reference differs");
    } else {
      if (std::find_if(std::begin(kCaseEntities), std::end(kCaseEntities),
                       [&](const char* e) { return record->entity == e; }) == std::end(kCaseEntities)) {
        return not_an_export(where + ": an export never holds this entity");
      }
      if (record->case_id != out.case_id) return not_an_export(where + ": belongs to another case");
    }
    auto withheld = check_withheld(r["withheld"], where);
    if (!withheld) return unexpected(withheld.error());
    out.withheld_fields += *withheld;
    if (!entity_of.emplace(record->id, record->entity).second) return not_an_export(where + ": id repeated");
    out.records.push_back(std::move(*record));
  }
  // Every reference names a record of the document (a fresh vault holds
  // nothing else; one of this vault's would be a record the sender never saw).
  for (std::size_t i = 0; i < out.records.size(); ++i) {
    const auto& r = out.records[i];
    for (const auto& ref : schema::referenced_ids(*model.entity(r.entity), r.fields)) {
      const auto target = entity_of.find(ref.id);
      if (target == entity_of.end() || target->second != ref.entity) {
        return not_an_export("record " + std::to_string(i) + " (" + r.entity + ") field " + ref.path +
                   ": no " + ref.entity + " of the document");
      }
    }
  }
  return out;
}

ReportResult<ImportedCase> import_data_export(storage::Vault& vault, const ExportDocument& doc) {
  core::casework::RecordSet set;
  for (const auto& r : doc.records) {
    core::casework::NewRecord item{r.id, r.entity, r.fields, {}};
    if (r.entity == "case") item.fields.erase("reference");  // the vault numbers its own cases
    set.records.push_back(std::move(item));
  }
  auto written = core::casework::write_record_set(vault, set);
  if (!written) {
    const auto& e = written.error();
    if (!e.vault) return not_an_export(e.describe());
    const auto code = e.vault->code;
    const bool consent = code == storage::VaultError::consent_required || code == storage::VaultError::consent_scope_refused;
    const bool input = code == storage::VaultError::invalid_record || code == storage::VaultError::invalid_reference;
    return report_fail(consent ? ReportError::consent_refused : input ? ReportError::invalid_input
                                                                      : ReportError::vault_failed,
                       e.describe());
  }
  ImportedCase out;
  out.case_id = written->case_id;
  out.records = written->records.size();
  out.ids = written->ids;
  for (const auto& r : written->records) {
    if (r.entity != "case") continue;
    const auto ref = r.fields.find("reference");
    if (ref != r.fields.end() && ref->is_string()) out.reference = ref->get<std::string>();
  }
  return out;
}

}  // namespace safehold::report
