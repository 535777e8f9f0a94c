#pragma once
// Realistic record fields for the storage tests and benchmarks, valid under
// the built-in model, in English and Chinese (simplified and traditional).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace safehold::test {

using nlohmann::json;

inline json case_fields(const std::string& title, const std::string& status = "open",
                        const std::string& priority = "high") {
  return {{"title", title},
          {"status", status},
          {"priority", priority},
          {"purposes", {"asylum_claim", "interpol_ccf_challenge"}},
          {"privilege", "lawyer_client"},
          {"lead_worker", "A. Caseworker"},
          {"retention_review", {{"value", "2031-06"}, {"precision", "month"}}}};
}

inline json interviewee_fields(const std::string& pseudonym) {
  return {{"roles", {"interviewee"}},
          {"pseudonym", pseudonym},
          {"birth_date", {{"value", "1986"}, {"precision", "year"}}},
          {"gender", {{"not_answered", "declined"}}},
          {"citizenship", {"CN"}},
          {"languages", {"cmn", "uig"}},
          {"characteristics", {"minority_uyghur", "asylum_seeker"}},
          {"location", {{"country", "NL"}, {"area", "Utrecht"}, {"precision", "city"}}}};
}

inline json relative_fields(const std::string& pseudonym) {
  return {{"roles", {"relative"}},
          {"pseudonym", pseudonym},
          {"relationship", "parent"},
          {"location", {{"country", "CN"}, {"area", "喀什"}, {"precision", "city"}}},
          {"third_party_not_consented", true}};
}

// Scopes: every listed scope "yes", the others "no".
inline json consent_fields(const std::string& person_id, const std::vector<std::string>& yes) {
  json scopes = json::object();
  for (const char* s : {"be_interviewed", "audio_record", "video_record", "photograph", "store_real_identity",
                        "use_in_own_legal_case", "share_own_lawyer", "share_named_ngos", "share_host_authorities",
                        "share_un_bodies", "anonymised_statistics", "publish_anonymised_story", "be_recontacted"}) {
    scopes[s] = "no";
  }
  for (const auto& s : yes) scopes[s] = "yes";
  return {{"person", person_id},
          {"given_at", "2026-11-02T09:30:00Z"},
          {"method", "oral_noted"},
          {"language", "cmn"},
          {"comprehension_checked", true},
          {"scopes", scopes},
          {"disclosure", "pseudonym"}};
}

inline json incident_fields(const std::string& title, const std::string& narrative,
                            const std::vector<std::string>& tactics, const std::string& country = "CN") {
  return {{"title", title},
          {"narrative", {{"text", narrative}, {"language", "cmn"}, {"verbatim", false}}},
          {"start_date", {{"value", "2023-03"}, {"precision", "month"}}},
          {"country", country},
          {"location", {{"area", "乌鲁木齐"}, {"precision", "city"}}},
          {"location_type", "police_station"},
          {"tactics", tactics},
          {"channel", "wechat"},
          {"campaign", "persuade_to_return"},
          {"perpetrators", {{{"type", "psb_mps"}, {"basis", "badge_shown"}, {"description", "两名便衣警察"}}}},
          {"violation_status", "alleged"},
          {"reliability", "high"},
          {"outcome", "not_returned"}};
}

inline json evidence_fields(const std::string& description, const std::string& kind = "screenshot") {
  return {{"kind", kind},
          {"acquisition", "interviewee_screenshot"},
          {"acquired_at", "2026-11-02T10:15:00Z"},
          {"acquired_by", "A. Caseworker"},
          {"media_type", "image/png"},
          {"description", description}};
}

inline json session_fields(const std::string& notes, const std::string& recording = "typed_notes") {
  return {{"start", "2026-11-02T09:00:00Z"},
          {"end", "2026-11-02T11:30:00Z"},
          {"mode", "in_person_office"},
          {"interviewers", {{{"name", "A. Caseworker"}, {"role", "lead"}}}},
          {"interpreter", {{"from_language", "uig"}, {"to_language", "eng"}, {"vetted", true}}},
          {"language", "uig"},
          {"recording", recording},
          {"breaks", {{{"start", "2026-11-02T10:00:00Z"}, {"end", "2026-11-02T10:10:00Z"},
                       {"requested_by", "interviewee"}}}},
          {"sensitive_modules", {"relative_detained_dead"}},
          {"notes", notes},
          {"follow_up", {{"value", "2026-12-01"}, {"precision", "exact"}}}};
}

inline json legal_measure_fields(const std::string& evidence_id = {}) {
  json f = {{"type", "red_notice"},
            {"issuing_authority", "Interpol General Secretariat / 公安部"},
            {"date", {{"value", "2022"}, {"precision", "year"}}},
            {"jurisdiction", "TH"},
            {"status", "active"},
            {"ccf_status", "access_request"},
            {"notes", "Red Notice issued after the asylum application; 申请删除中"}};
  if (!evidence_id.empty()) f["evidence"] = {evidence_id};
  return f;
}

inline json risk_fields(const std::string& rating, const std::string& assessed_at = "2026-11-02T12:00:00Z") {
  return {{"assessed_at", assessed_at},
          {"threats", {"relatives_in_origin", "digital"}},
          {"relatives_at_risk", 3},
          {"digital_compromise_suspected", true},
          {"rating", rating},
          {"review_by", {{"value", "2027-01"}, {"precision", "month"}}},
          {"safety_plan", {{{"measure", "device_check"}, {"owner", "A. Caseworker"},
                            {"due", {{"value", "2026-11-20"}, {"precision", "exact"}}}, {"status", "planned"}}}}};
}

inline json intervention_fields() {
  return {{"type", "interpol_ccf_application"},
          {"date", {{"value", "2026-11-15"}, {"precision", "exact"}}},
          {"party", "CCF"},
          {"response", "Acknowledged; 已收到"},
          {"status", "submitted"}};
}

inline json contact_fields(const std::string& name, const std::string& organisation) {
  return {{"display_name", name},
          {"organisation", organisation},
          {"verified_at", "2026-11-01T15:00:00Z"},
          {"verification_method", "in_person"},
          {"notes", "met at the Geneva side event"}};
}

}  // namespace safehold::test
