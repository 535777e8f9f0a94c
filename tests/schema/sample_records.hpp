#pragma once
// One complete, realistic `fields` object per entity: every field of the model
// is present (the tests check that), with Chinese text where people write it.
// All people, places and numbers are invented.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace safehold::test {

inline constexpr const char* kPersonId = "5b0f3c1e-8d2a-4f6b-9c3d-2e1f0a9b8c7d";
inline constexpr const char* kPerpetratorId = "0c9d8e7f-6a5b-4c3d-8e1f-0a1b2c3d4e5f";
inline constexpr const char* kIncidentId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
inline constexpr const char* kEvidenceId = "3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10";
inline constexpr const char* kMeasureId = "7e6d5c4b-3a29-4180-b7a6-958473625140";
inline constexpr const char* kContactId = "d4c3b2a1-0f9e-4d8c-a7b6-a5b4c3d2e1f0";

inline const std::map<std::string, nlohmann::json>& sample_fields() {
  static const std::map<std::string, nlohmann::json> samples = [] {
    std::map<std::string, nlohmann::json> s;
    s["case"] = nlohmann::json::parse(R"JSON({
      "reference": "SH-2026-0042",
      "title": "海外亲属被约谈 / Relatives questioned",
      "status": "active",
      "priority": "urgent",
      "purposes": ["asylum_claim", "interpol_ccf_challenge"],
      "privilege": "lawyer_client",
      "lead_worker": "M. Keller",
      "retention_review": {"value": "2031-06", "precision": "month"}
    })JSON");
    s["person"] = nlohmann::json::parse(R"JSON({
      "roles": ["interviewee"],
      "pseudonym": "Swallow",
      "legal_name": {"hanzi": "王小明", "pinyin": "Wang Xiaoming", "other_script": "ۋاڭ شياۋمىڭ",
                     "other_script_language": "uig"},
      "aliases": [{"name": "小燕子", "note": "网名 / online handle"}],
      "birth_date": {"value": "1988", "precision": "year"},
      "gender": "female",
      "citizenship": ["CN"],
      "residence_status": "asylum_seeker",
      "ethnicity": "维吾尔族",
      "religion": "Muslim",
      "languages": ["uig", "cmn", "eng"],
      "occupation": "护士 / nurse",
      "characteristics": ["minority_uyghur", "asylum_seeker"],
      "location": {"country": "NL", "area": "Utrecht", "precision": "city"},
      "exact_address": "Voorbeeldstraat 1\n3511 AA Utrecht",
      "safe_contact": {"method": "Signal", "details": "+31 6 0000 0000", "note": "只在晚上八点后联系"},
      "relationship": {"not_answered": "unknown"},
      "third_party_not_consented": false
    })JSON");
    s["incident"] = nlohmann::json::parse(R"JSON({
      "title": "父亲被派出所约谈",
      "narrative": {"text": "他们说：“你女儿要是不回来，你的退休金就没了。”\n之后每周都打电话。",
                    "language": "cmn", "verbatim": true},
      "start_date": {"value": "2023-03", "precision": "month"},
      "end_date": {"value": "2023", "end": "2024-01", "precision": "range"},
      "country": "CN",
      "location": {"area": "Ürümqi", "precision": "city"},
      "exact_location": "某区某派出所",
      "location_type": "police_station",
      "tactics": ["D1", "D4", "E1"],
      "channel": "wechat",
      "campaign": "persuade_to_return",
      "targets": ["5b0f3c1e-8d2a-4f6b-9c3d-2e1f0a9b8c7d"],
      "perpetrators": [
        {"type": "psb_mps", "person": "0c9d8e7f-6a5b-4c3d-8e1f-0a1b2c3d4e5f", "basis": "badge_shown",
         "description": "自称国保大队民警"},
        {"type": "relative_under_pressure", "basis": "self_identified", "description": "uncle"}
      ],
      "violation_status": "alleged",
      "reliability": "medium",
      "outcome": "not_returned"
    })JSON");
    s["legal_measure"] = nlohmann::json::parse(R"JSON({
      "type": "red_notice",
      "issuing_authority": "Interpol General Secretariat",
      "reference_number": "A-0000/0-2020",
      "date": {"value": "2020-11-03", "precision": "exact"},
      "jurisdiction": "CN",
      "status": "active",
      "ccf_status": "deletion_request",
      "evidence": ["3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10"],
      "notes": "律师已于十月提交删除请求。"
    })JSON");
    s["evidence_item"] = nlohmann::json::parse(R"JSON({
      "kind": "screenshot",
      "acquisition": "interviewee_screenshot",
      "acquired_at": "2026-11-28T10:15:00Z",
      "acquired_by": "M. Keller",
      "original_file_name": "IMG_2023_wang_wechat.png",
      "media_type": "image/png",
      "size": 482133,
      "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "description": "微信聊天截图：警察要求她回国。",
      "incidents": ["a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"],
      "measures": []
    })JSON");
    s["custody_event"] = nlohmann::json::parse(R"JSON({
      "evidence": "3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10",
      "at": "2026-11-28T10:16:02Z",
      "actor": "M. Keller",
      "action": "hashed",
      "note": "SHA-256 computed on arrival.",
      "hash_verified": true
    })JSON");
    s["consent"] = nlohmann::json::parse(R"JSON({
      "person": "5b0f3c1e-8d2a-4f6b-9c3d-2e1f0a9b8c7d",
      "given_at": "2026-11-28T09:30:00Z",
      "method": "oral_noted",
      "language": "cmn",
      "interpreter": "L. Chen",
      "comprehension_checked": true,
      "scopes": {"be_interviewed": "yes", "store_real_identity": "yes", "audio_record": "no",
                 "share_own_lawyer": "yes", "share_named_ngos": "later", "be_recontacted": "yes"},
      "allowed_recipients": [{"contact": "d4c3b2a1-0f9e-4d8c-a7b6-a5b4c3d2e1f0"},
                             {"organisation": "香港人权组织"}],
      "disclosure": "pseudonym",
      "recontact_allowed": true,
      "recontact_method": "Signal，经律师转达",
      "withdrawal": {"at": "2026-12-01T08:00:00Z", "extent": "listed_scopes", "scopes": ["share_named_ngos"],
                     "note": "电话告知"}
    })JSON");
    s["interview_session"] = nlohmann::json::parse(R"JSON({
      "start": "2026-11-28T09:30:00Z",
      "end": "2026-11-28T11:45:00Z",
      "mode": "in_person_office",
      "interviewers": [{"name": "M. Keller", "role": "lead"}, {"name": "J. Doe", "role": "note-taker"}],
      "interpreter": {"name": "L. Chen", "from_language": "uig", "to_language": "eng", "vetted": true,
                      "conflict_checked": true},
      "language": "uig",
      "recording": "typed_notes",
      "breaks": [{"start": "2026-11-28T10:20:00Z", "end": "2026-11-28T10:35:00Z", "requested_by": "interviewee"}],
      "questions_declined": "Detention of her brother.",
      "sensitive_modules": ["relative_detained_dead"],
      "notes": "受访者在谈到哥哥时需要休息。",
      "follow_up": {"value": "2026-12-05", "precision": "exact"}
    })JSON");
    s["risk_assessment"] = nlohmann::json::parse(R"JSON({
      "assessed_at": "2026-11-28T12:00:00Z",
      "threats": ["relatives_in_origin", "digital"],
      "relatives_at_risk": 3,
      "digital_compromise_suspected": true,
      "rating": "high",
      "review_by": {"value": "2027-01", "precision": "month"},
      "safety_plan": [
        {"measure": "device_check", "owner": "J. Doe", "due": {"value": "2026-12-02", "precision": "exact"},
         "status": "planned", "note": "Phone only"},
        {"measure": "safe_channel", "owner": "M. Keller", "due": {"value": "2026-11-28", "precision": "exact"},
         "status": "done", "note": "Signal"}
      ]
    })JSON");
    s["intervention"] = nlohmann::json::parse(R"JSON({
      "type": "interpol_ccf_application",
      "date": {"value": "2026-12-10", "precision": "exact"},
      "party": "Commission for the Control of INTERPOL's Files",
      "response": "Acknowledged receipt.",
      "status": "submitted"
    })JSON");
    s["contact"] = nlohmann::json::parse(R"JSON({
      "display_name": "陈律师 (Chen Law)",
      "organisation": "Chen & Partners",
      "age_recipient": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
      "minisign_public_key": "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3",
      "kind": "lawyer",
      "verified_at": "2026-11-20T14:00:00Z",
      "verification_method": "in_person",
      "verified_fingerprint": "48213 90125 33871 06652 77410 28193",
      "notes": "Verified at the office."
    })JSON");
    return s;
  }();
  return samples;
}

}  // namespace safehold::test
