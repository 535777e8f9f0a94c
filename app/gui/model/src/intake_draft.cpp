#include "safehold/appmodel/intake_draft.hpp"

#include <cstdio>

#include "safehold/crypto/secret.hpp"

namespace safehold::appmodel {
namespace {

constexpr const char* kStepNames[kIntakeSteps] = {"consent",  "session",  "interviewee", "narrative",
                                                  "incidents", "people",  "measures",    "evidence",
                                                  "risk",      "closing"};

Json record_json(const DraftRecord& r) { return Json{{"id", r.id}, {"fields", r.fields}}; }

DraftRecord record_from(const Json& j) {
  DraftRecord r;
  if (!j.is_object()) return r;
  r.id = text_of(j, "id");
  if (j.contains("fields") && j["fields"].is_object()) r.fields = j["fields"];
  if (r.id.empty()) r.id = new_uuid();
  return r;
}

std::vector<DraftRecord> records_from(const Json& j, const char* key) {
  std::vector<DraftRecord> out;
  if (!j.contains(key) || !j[key].is_array()) return out;
  for (const auto& item : j[key]) out.push_back(record_from(item));
  return out;
}

Json records_json(const std::vector<DraftRecord>& rs) {
  Json a = Json::array();
  for (const auto& r : rs) a.push_back(record_json(r));
  return a;
}

}  // namespace

const char* step_key(IntakeStep s) noexcept {
  static constexpr const char* kKeys[kIntakeSteps] = {
      "intake.step.consent",  "intake.step.session",  "intake.step.interviewee", "intake.step.narrative",
      "intake.step.incidents", "intake.step.people",  "intake.step.measures",    "intake.step.evidence",
      "intake.step.risk",      "intake.step.closing"};
  return kKeys[static_cast<int>(s)];
}

std::string new_uuid() {
  std::array<std::uint8_t, 16> b{};
  crypto::fill_random(b);
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
  char out[37];
  std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                b[14], b[15]);
  return out;
}

IntakeDraft IntakeDraft::fresh() {
  IntakeDraft d;
  d.id = new_uuid();
  d.started_at = utc_now();
  for (DraftRecord* r : {&d.case_record, &d.consent, &d.session, &d.interviewee, &d.risk}) r->id = new_uuid();
  d.interviewee.fields["roles"] = Json::array({"interviewee"});
  d.session.fields["start"] = d.started_at;
  d.case_record.fields["status"] = "open";
  return d;
}

Json IntakeDraft::to_json() const {
  Json evidence_json = Json::array();
  for (const auto& e : evidence) {
    Json j = record_json(e.record);
    j["file"] = e.file;
    evidence_json.push_back(std::move(j));
  }
  Json checks = Json::array();
  for (bool c : closing) checks.push_back(c);
  return Json{{"format", "safehold-intake-draft-1"},
              {"id", id},
              {"started_at", started_at},
              {"step", kStepNames[static_cast<int>(step)]},
              {"case", record_json(case_record)},
              {"consent", record_json(consent)},
              {"session", record_json(session)},
              {"interviewee", record_json(interviewee)},
              {"incidents", records_json(incidents)},
              {"people", records_json(people)},
              {"measures", records_json(measures)},
              {"evidence", evidence_json},
              {"risk", record_json(risk)},
              {"closing", checks}};
}

std::optional<IntakeDraft> IntakeDraft::from_json(const Json& j) {
  if (!j.is_object() || text_of(j, "format") != "safehold-intake-draft-1") return std::nullopt;
  IntakeDraft d;
  d.id = text_of(j, "id");
  if (d.id.empty()) return std::nullopt;
  d.started_at = text_of(j, "started_at");
  const std::string step = text_of(j, "step");
  for (int i = 0; i < kIntakeSteps; ++i) {
    if (step == kStepNames[i]) d.step = static_cast<IntakeStep>(i);
  }
  d.case_record = record_from(j.value("case", Json()));
  d.consent = record_from(j.value("consent", Json()));
  d.session = record_from(j.value("session", Json()));
  d.interviewee = record_from(j.value("interviewee", Json()));
  d.risk = record_from(j.value("risk", Json()));
  d.incidents = records_from(j, "incidents");
  d.people = records_from(j, "people");
  d.measures = records_from(j, "measures");
  if (j.contains("evidence") && j["evidence"].is_array()) {
    for (const auto& e : j["evidence"]) d.evidence.push_back({record_from(e), text_of(e, "file")});
  }
  if (j.contains("closing") && j["closing"].is_array()) {
    for (std::size_t i = 0; i < d.closing.size() && i < j["closing"].size(); ++i) {
      d.closing[i] = j["closing"][i].is_boolean() && j["closing"][i].get<bool>();
    }
  }
  return d;
}

}  // namespace safehold::appmodel
