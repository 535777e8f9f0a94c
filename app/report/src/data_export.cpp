// compose_data_export: the cases of an export as CSV or JSON bytes
// (schema/export-v1.md sections 1 and 2). What goes is report_case's answer,
// the same as for a report to the same audience.
#include "safehold/report/data_export.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "report_case.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::report {
namespace {

using detail::ReportCase;
using nlohmann::json;

// The entities a CSV export has one file for, in this order (section 2.1):
// interview sessions and contacts never go.
constexpr const char* kCsvEntities[] = {"case",          "person",  "incident",        "legal_measure", "evidence_item",
                                        "custody_event", "consent", "risk_assessment", "intervention"};

// Records are valid UTF-8 (the vault checks it); replace guards the dump anyway.
std::string dump(const json& j, int indent = -1) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

std::string reference_of(const ReportCase& c) {
  const auto it = c.case_record().fields.find("reference");
  return it != c.case_record().fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string cell_text(const json* v) {
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return v->get<std::string>();
  return dump(*v);  // integers, booleans, objects and lists
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(cells[i]);
  }
  out += "\r\n";
}

std::string withheld_paths(const detail::ReportRecord& r) {
  std::set<std::string> paths;
  for (const auto& w : r.withheld) paths.insert(w.path);
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : ";") + p;
  return out;
}

std::string csv_of_entity(const std::vector<ReportCase>& cases, const schema::EntityDef& entity) {
  std::string out;
  std::vector<std::string> header{"case_reference", "id", "created_at", "updated_at", "withheld"};
  for (const auto& f : entity.fields) header.push_back(f.name);
  append_row(out, header);
  for (const auto& c : cases) {
    const std::string reference = reference_of(c);
    for (const auto& r : c.records) {
      if (r.record.entity != entity.name) continue;
      std::vector<std::string> row{reference, r.record.id, r.record.created_at, r.record.updated_at,
                                   withheld_paths(r)};
      for (const auto& f : entity.fields) {
        const auto it = r.record.fields.find(f.name);
        row.push_back(cell_text(it == r.record.fields.end() ? nullptr : &*it));
      }
      append_row(out, row);
    }
  }
  return out;
}

std::string json_of_case(const ReportCase& c, const ExportRequest& req, const std::string& generated_at,
                         const std::string& records_sha256) {
  json left_out = json::array();
  for (const auto& l : c.left_out) left_out.push_back({{"reason", l.reason}, {"records", l.records}});
  json records = json::array();
  for (const auto& r : c.records) {
    json withheld = json::array();
    for (const auto& w : r.withheld) {
      const bool identifying = w.reason == core::disclosure::WithheldReason::identifying;
      withheld.push_back({{"path", w.path}, {"reason", identifying ? "identifying" : "names_other_holders"}});
    }
    json rec = r.record.to_json();
    rec["withheld"] = std::move(withheld);
    records.push_back(std::move(rec));
  }
  const json audience{{"contact_id", req.contact_id.empty() ? json(nullptr) : json(req.contact_id)},
                      {"kind", c.audience_kind}};
  return dump(json{{"format", "safehold-data-export"},
                   {"version", 1},
                   {"generated_at", generated_at},
                   {"audience", audience},
                   {"case_id", c.case_record().id},
                   {"reference", reference_of(c)},
                   {"identifying_included", c.identifying_included},
                   {"left_out", left_out},
                   {"records_sha256", records_sha256},
                   {"records", records}},
              2) +
         "\n";
}

// Every case of the vault, oldest first.
ReportResult<std::vector<std::string>> every_case_id(storage::Vault& vault) {
  auto cases = vault.records().list_entity("case");
  if (!cases) return unexpected(detail::from_storage(cases.error()));
  std::vector<std::string> out;
  for (const auto& c : *cases) out.push_back(c.id);
  return out;
}

}  // namespace

std::optional<ExportFormat> export_format_from_name(std::string_view name) noexcept {
  if (name == "csv") return ExportFormat::csv;
  if (name == "json") return ExportFormat::json;
  return std::nullopt;
}

std::string csv_cell(std::string_view value) {
  std::string v;
  // Formula guard: a spreadsheet would run a cell starting with one of
  // these; a leading ' makes it text (schema/export-v1.md section 2.1).
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) v = "'";
  v += value;
  if (v.find_first_of("\",\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char ch : v) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

ReportResult<ComposedExport> compose_data_export(storage::Vault& vault, const ExportRequest& req) {
  if (req.every_case != req.case_ids.empty()) {
    return report_fail(ReportError::invalid_request, "name the cases (--case) or ask for every case (--all), not both");
  }
  if (std::set<std::string>(req.case_ids.begin(), req.case_ids.end()).size() != req.case_ids.size()) {
    return report_fail(ReportError::invalid_request, "a case is named twice");
  }
  auto ids = req.every_case ? every_case_id(vault) : ReportResult<std::vector<std::string>>(req.case_ids);
  if (!ids) return unexpected(ids.error());
  ComposedExport out;
  out.generated_at = req.generated_at.empty() ? detail::now_utc() : req.generated_at;
  std::vector<ReportCase> cases;
  std::vector<std::string> all_lines;
  for (const auto& id : *ids) {
    ReportRequest r;
    r.case_id = id;
    r.contact_id = req.contact_id;
    r.audience_kind = req.audience_kind;
    r.include_identifying = req.include_identifying;
    auto c = detail::report_case(vault, r);
    // Naming cases, any refusal refuses the whole export; asking for every
    // case, a case its consent keeps from this audience is left out and listed.
    if (!c && req.every_case && c.error().code == ReportError::consent_refused) {
      out.cases_left_out.push_back({id, c.error().detail});
      continue;
    }
    if (!c) return unexpected(c.error());
    auto lines = detail::record_lines(*c);
    all_lines.insert(all_lines.end(), lines.begin(), lines.end());
    out.case_ids.push_back(id);
    out.case_records_sha256.push_back(detail::records_sha256(std::move(lines)));
    out.records += c->records.size();
    out.audit_counterparty = c->audit_counterparty;
    out.audience_name = c->audience_name;
    auto& evidence = out.case_evidence_ids.emplace_back();
    for (const auto& rec : c->records) {
      if (rec.record.entity == "evidence_item") evidence.push_back(rec.record.id);
    }
    cases.push_back(std::move(*c));
  }
  if (cases.empty()) {
    return report_fail(ReportError::consent_refused,
                       "no case may go to this audience (" + std::to_string(out.cases_left_out.size()) +
                           " left out by their consent)");
  }
  if (req.format == ExportFormat::csv) {
    const std::string all = detail::records_sha256(std::move(all_lines));
    const auto& model = schema::Model::builtin();
    for (const char* name : kCsvEntities) {
      const auto* entity = model.entity(name);
      if (entity == nullptr) return report_fail(ReportError::vault_failed, std::string("model has no ") + name);
      out.files.push_back({std::string(name) + ".csv", csv_of_entity(cases, *entity), cases.size(), all});
    }
  } else {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      out.files.push_back({"case-" + cases[i].case_record().id + ".json",
                           json_of_case(cases[i], req, out.generated_at, out.case_records_sha256[i]), 1,
                           out.case_records_sha256[i]});
    }
  }
  return out;
}

}  // namespace safehold::report
