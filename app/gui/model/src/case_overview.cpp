#include "safehold/appmodel/case_overview.hpp"

#include <algorithm>
#include <set>

#include "safehold/appmodel/case_view_model.hpp"
#include "safehold/appmodel/record_fields.hpp"

namespace safehold::appmodel {
namespace {

// The record whose `key` text is the latest (then the latest created): the
// rule storage uses for the current consent (docs/storage.md "Consent").
const storage::Record* latest_by(const std::vector<storage::Record>& rs, const char* key) {
  const storage::Record* best = nullptr;
  for (const auto& r : rs) {
    if (best == nullptr) {
      best = &r;
      continue;
    }
    const std::string a = text_of(r.fields, key), b = text_of(best->fields, key);
    if (a != b ? a > b : r.created_at > best->created_at) best = &r;
  }
  return best;
}

void summarize_consent(const CaseViewModel& m, storage::Vault& vault, CaseOverview& o) {
  const std::string& case_id = m.case_record()->id;
  auto consent = vault.consent();
  auto state = consent.state(case_id);
  if (!state) {
    o.consent_read_failed = true;
    return;
  }
  o.consent = *state;
  for (const char* scope : kSharingScopes) {
    auto answer = consent.scope(case_id, scope);
    if (!answer) {
      o.consent_read_failed = true;
      return;
    }
    // A withdrawal turns every scope to no, answered or not.
    if (o.consent == storage::ConsentState::withdrawn) *answer = "no";
    o.sharing.emplace_back(scope, *answer);
  }
  const storage::Record* current = latest_by(m.of("consent"), "given_at");
  if (current == nullptr) return;
  o.consent_given_at = text_of(current->fields, "given_at");
  o.consent_method = text_of(current->fields, "method");
  if (auto w = current->fields.find("withdrawal"); w != current->fields.end() && w->is_object()) {
    o.consent_withdrawn_at = text_of(*w, "at");
  }
  if (auto r = current->fields.find("recontact_allowed"); r != current->fields.end() && r->is_boolean()) {
    o.recontact_allowed = r->get<bool>();
  }
}

void summarize_incidents(const CaseViewModel& m, CaseOverview& o) {
  std::set<std::string> tactics;
  for (const auto& r : m.of("incident")) {
    if (auto t = r.fields.find("tactics"); t != r.fields.end() && t->is_array()) {
      for (const auto& code : *t) {
        if (code.is_string()) tactics.insert(code.get<std::string>());
      }
    }
    const std::string start = date_of(r.fields, "start_date").value;
    const std::string end = date_of(r.fields, "end_date").value;
    if (!start.empty() && (o.first_incident.empty() || start < o.first_incident)) o.first_incident = start;
    for (const auto& d : {start, end}) {
      if (!d.empty() && d > o.last_incident) o.last_incident = d;
    }
  }
  o.tactics.assign(tactics.begin(), tactics.end());
}

void summarize_next_steps(const CaseViewModel& m, CaseOverview& o) {
  if (const storage::Record* risk = latest_by(m.of("risk_assessment"), "assessed_at")) {
    o.risk_rating = text_of(risk->fields, "rating");
    o.risk_assessed_at = text_of(risk->fields, "assessed_at");
    o.risk_review_by = date_of(risk->fields, "review_by").value;
    if (auto plan = risk->fields.find("safety_plan"); plan != risk->fields.end() && plan->is_array()) {
      for (const auto& item : *plan) {
        const std::string status = item.is_object() ? text_of(item, "status") : "";
        if (status == "planned" || status == "in_progress") ++o.open_safety_measures;
      }
    }
  }
  for (const auto& r : m.of("intervention")) {
    const std::string status = text_of(r.fields, "status");
    if (status == "planned" || status == "submitted" || status == "in_progress") ++o.open_interventions;
  }
  for (const auto& r : m.of("interview_session")) {
    const std::string d = date_of(r.fields, "follow_up").value;
    if (d > o.next_follow_up) o.next_follow_up = d;
  }
}

}  // namespace

CaseOverview summarize_case(const CaseViewModel& m, storage::Vault& vault) {
  CaseOverview o;
  const storage::Record& c = *m.case_record();
  summarize_consent(m, vault, o);
  o.sessions = m.of("interview_session").size();
  o.people = m.of("person").size();
  o.incidents = m.of("incident").size();
  o.measures = m.of("legal_measure").size();
  o.evidence = m.of("evidence_item").size();
  summarize_incidents(m, o);
  summarize_next_steps(m, o);
  o.last_change = c.updated_at;
  for (const char* entity : {"consent", "interview_session", "person", "incident", "legal_measure",
                             "evidence_item", "custody_event", "risk_assessment", "intervention"}) {
    for (const auto& r : m.of(entity)) o.last_change = std::max(o.last_change, r.updated_at);
  }
  return o;
}

}  // namespace safehold::appmodel
