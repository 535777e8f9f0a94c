// compose_report: a disclosed case as a Document (schema/report-v1.md
// section 2), every label in the request's language.
#include <algorithm>
#include <map>

#include "report_case.hpp"
#include "field_text.hpp"
#include "labels.hpp"
#include "safehold/report/report.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::report {
namespace {

using detail::ReportCase;
using nlohmann::json;
using schema::Language;

std::string text_of(const json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The sort key of a date field: its value, "~" (after every digit) when undated.
std::string date_key(const json& fields, const char* name) {
  const auto it = fields.find(name);
  if (it == fields.end() || !it->is_object() || !it->contains("value")) return "~";
  return (*it)["value"].is_string() ? (*it)["value"].get<std::string>() : "~";
}

class Composer {
 public:
  Composer(const ReportCase& c, Language lang) : c_(c), lang_(lang), model_(schema::Model::builtin()) {
    for (const auto& d : c.records) by_id_[d.record.id] = &d.record;
  }

  std::string L(std::string_view key) const { return std::string(detail::label(key, lang_)); }

  std::vector<const storage::Record*> of(std::string_view entity) const {
    std::vector<const storage::Record*> out;
    for (const auto& d : c_.records) {
      if (d.record.entity == entity) out.push_back(&d.record);
    }
    return out;
  }

  std::string vocab_label(std::string_view vocab, const std::string& code) const {
    return code.empty() ? std::string() : std::string(schema::label(vocab, code, lang_));
  }

  // How a reference to another record reads: never its id alone when the
  // record is in the report.
  std::string name_of(const std::string& id) const {
    const auto it = by_id_.find(id);
    const std::string short_id = id.substr(0, 8);
    if (it == by_id_.end()) return short_id;
    const auto& r = *it->second;
    std::string name;
    if (r.entity == "incident") name = text_of(r.fields, "title");
    if (r.entity == "person") name = text_of(r.fields, "pseudonym");
    if (r.entity == "evidence_item") name = vocab_label("source", text_of(r.fields, "kind"));
    if (r.entity == "legal_measure") name = vocab_label("measure", text_of(r.fields, "type"));
    return name.empty() ? short_id : name + " (" + short_id + ")";
  }

  // Every field of the record that is present, in model order, except `skip`.
  std::vector<Row> rows(const storage::Record& r, std::initializer_list<std::string_view> skip = {}) const {
    std::vector<Row> out;
    const auto* def = model_.entity(r.entity);
    if (def == nullptr) return out;
    const detail::RefNamer namer = [this](const std::string& id) { return name_of(id); };
    for (const auto& f : def->fields) {
      if (std::find(skip.begin(), skip.end(), f.name) != skip.end()) continue;
      const auto it = r.fields.find(f.name);
      if (it == r.fields.end()) continue;
      out.push_back({f.label.in(lang_), detail::field_text(f, *it, lang_, namer), f.format == "sha256"});
    }
    return out;
  }

  Section cover(const std::string& generated_at, const std::string& records_sha256) const {
    Section s{L("cover"), {}, {}};
    Block b;
    b.rows.push_back({L("case_reference"), text_of(c_.case_record().fields, "reference"), false});
    b.rows.push_back({L("case_title"), text_of(c_.case_record().fields, "title"), false});
    b.rows.push_back({L("generated_at"), generated_at, false});
    std::string audience = vocab_label("recipient_kind", c_.audience_kind);
    if (!c_.audience_name.empty()) audience = c_.audience_name + " — " + audience;
    b.rows.push_back({L("audience"), audience, false});
    b.rows.push_back({L("signing_key_id"), c_.signer_key_id, true});
    b.rows.push_back({L("signing_key"), c_.signer_public_key, true});
    b.rows.push_back({L("records_sha256"), records_sha256, true});
    b.rows.push_back({L("records"), std::to_string(c_.records.size()), false});
    b.rows.push_back({L("identifying"), L(c_.identifying_included ? "included" : "not_included"), false});
    s.blocks.push_back(std::move(b));
    Block left{L("left_out"), {}};
    for (const auto& l : c_.left_out) {
      left.rows.push_back({L("left_out." + l.reason), std::to_string(l.records), false});
    }
    if (left.rows.empty()) left.rows.push_back({L("left_out.nothing"), "", false});
    s.blocks.push_back(std::move(left));
    s.blocks.push_back({L("verify"), {{"", L("verify.text"), false}}});
    return s;
  }

  Section chronology() const {
    auto incidents = of("incident");
    std::stable_sort(incidents.begin(), incidents.end(), [](const auto* a, const auto* b) {
      return date_key(a->fields, "start_date") < date_key(b->fields, "start_date");
    });
    Section s{L("chronology"), {}, L("none")};
    for (const auto* r : incidents) {
      const auto* def = model_.entity("incident");
      const auto start = r->fields.find("start_date");
      std::string when = L("undated");
      if (start != r->fields.end() && def != nullptr && def->field("start_date") != nullptr) {
        when = detail::field_text(*def->field("start_date"), *start, lang_, [](const std::string& id) { return id; });
      }
      s.blocks.push_back({when + " — " + text_of(r->fields, "title"), rows(*r, {"title"})});
    }
    return s;
  }

  Section listed(std::string_view key, std::string_view entity, const char* date_field, const char* heading_field,
                 std::string_view heading_vocab) const {
    auto list = of(entity);
    if (date_field != nullptr) {
      std::stable_sort(list.begin(), list.end(), [date_field](const auto* a, const auto* b) {
        return date_key(a->fields, date_field) < date_key(b->fields, date_field);
      });
    }
    Section s{L(key), {}, L("none")};
    for (const auto* r : list) {
      std::string heading = text_of(r->fields, heading_field);
      if (!heading_vocab.empty()) heading = vocab_label(heading_vocab, heading);
      s.blocks.push_back({heading, rows(*r)});
    }
    return s;
  }

  Section evidence() const {
    Section s{L("evidence"), {}, L("none")};
    auto custody = of("custody_event");
    std::stable_sort(custody.begin(), custody.end(),
                     [](const auto* a, const auto* b) { return text_of(a->fields, "at") < text_of(b->fields, "at"); });
    for (const auto* r : of("evidence_item")) {
      Block b{name_of(r->id), rows(*r)};
      for (const auto* e : custody) {
        if (text_of(e->fields, "evidence") != r->id) continue;
        auto event = rows(*e, {"evidence", "at"});
        std::string line;
        for (const auto& row : event) line += (line.empty() ? "" : "; ") + row.label + ": " + row.value;
        b.rows.push_back({L("custody") + " " + text_of(e->fields, "at"), line, false});
      }
      s.blocks.push_back(std::move(b));
    }
    return s;
  }

  // The current consent, as storage decides it (disclosure hands over its id).
  Section current_consent() const {
    Section s{L("consent"), {}, L("none")};
    const auto it = by_id_.find(c_.consent_id);
    if (it != by_id_.end()) s.blocks.push_back({"", rows(*it->second)});
    return s;
  }

  // The latest record of an entity by a datetime field, then by creation.
  Section latest(std::string_view key, std::string_view entity, const char* at_field) const {
    Section s{L(key), {}, L("none")};
    const storage::Record* best = nullptr;
    for (const auto* r : of(entity)) {
      const auto k = std::make_pair(text_of(r->fields, at_field), r->created_at);
      if (best == nullptr || k >= std::make_pair(text_of(best->fields, at_field), best->created_at)) best = r;
    }
    if (best != nullptr) s.blocks.push_back({"", rows(*best)});
    return s;
  }

 private:
  const ReportCase& c_;
  Language lang_;
  const schema::Model& model_;
  std::map<std::string, const storage::Record*> by_id_;
};

}  // namespace

ReportResult<ComposedReport> compose_report(storage::Vault& vault, const ReportRequest& request) {
  auto disclosed = detail::report_case(vault, request);
  if (!disclosed) return unexpected(disclosed.error());
  ComposedReport out;
  out.generated_at = request.generated_at.empty() ? detail::now_utc() : request.generated_at;
  out.records_sha256 = detail::records_sha256(*disclosed);
  out.reference = text_of(disclosed->case_record().fields, "reference");
  out.records = disclosed->records.size();
  out.identifying_included = disclosed->identifying_included;
  out.audit_counterparty = disclosed->audit_counterparty;
  out.audience_name = disclosed->audience_name;
  for (const auto& r : disclosed->records) {
    if (r.record.entity == "evidence_item") out.evidence_ids.push_back(r.record.id);
  }
  out.left_out = disclosed->left_out;

  const Composer c(*disclosed, request.language);
  Document& doc = out.document;
  doc.language = request.language;
  doc.title = c.L("title");
  doc.reference = out.reference;
  doc.records_sha256 = out.records_sha256;
  doc.page_format = c.L("page_format");
  doc.sections.push_back(c.cover(out.generated_at, out.records_sha256));
  doc.sections.push_back(c.chronology());
  doc.sections.push_back(c.listed("measures", "legal_measure", "date", "type", "measure"));
  doc.sections.push_back(c.evidence());
  doc.sections.push_back(c.listed("persons", "person", nullptr, "pseudonym", ""));
  doc.sections.push_back(c.listed("interventions", "intervention", "date", "type", "intervention"));
  doc.sections.push_back(c.current_consent());
  doc.sections.push_back(c.latest("risk", "risk_assessment", "assessed_at"));
  return out;
}

}  // namespace safehold::report
