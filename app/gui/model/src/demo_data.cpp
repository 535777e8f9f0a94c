#include "safehold/appmodel/demo_data.hpp"

#include <array>
#include <string>

#include "safehold/appmodel/record_fields.hpp"

namespace safehold::appmodel {
namespace {

struct Story {
  const char* title;
  const char* incident;
  std::array<const char*, 2> tactics;
  const char* country;
  const char* measure;  // "" for none
  const char* risk;
};

// Short, generic, fictional situations covering the tactic groups; some
// names and places in Uyghur, Turkish, Tibetan, Kazakh, Polish and Greek
// show every script the app draws (docs/gui.md).
constexpr Story kStories[] = {
    {"Relatives questioned after a protest abroad (fictional)", "Parents visited by local police and asked about the sample person's activities abroad", {"D1", "E1"}, "CN", "relative_summoned", "high"},
    {"Passport renewal refused (fictional)", "Consulate declined to renew the passport and offered a one-way travel document", {"C1", "C2"}, "CN", "passport_refused", "medium"},
    {"示例案件（虚构）：亲属被约谈", "示例事件（虚构）：亲属多次被叫去“喝茶”，被要求劝其回国", {"D1", "D4"}, "CN", "relative_summoned", "high"},
    {"Red Notice used against a student (fictional)", "Host police detained the sample person briefly on an Interpol notice", {"B5", "B1"}, "TH", "red_notice", "critical"},
    {"示例案件（虛構）：網上騷擾與冒充", "示例事件（虛構）：社交媒體上出現冒充帳號，散布不實資訊", {"F3", "F5"}, "HK", "", "medium"},
    {"Phishing messages to an activist (fictional)", "Messages with links imitating a login page; the account was then taken over", {"F2", "F1"}, "GB", "", "medium"},
    {"Persuasion calls to interpreter ئابدۇرېھىم ئەيسا, Şanlıurfa (fictional)", "Repeated video calls from officials urging a return home from İstanbul", {"E2", "E1"}, "TR", "", "high"},
    {"Surveillance of བཀྲ་ཤིས་བདེ་ལེགས at community events (fictional)", "The sample person was followed and photographed after a community meeting", {"A6", "A3"}, "NL", "", "medium"},
    {"Wanted notice and trial in absentia (fictional)", "A wanted notice was published; relatives were told a trial would go ahead", {"E3", "D3"}, "CN", "wanted_notice", "high"},
    {"Exit ban on a parent (fictional)", "A parent was stopped at the border and told they may not travel", {"C3", "D1"}, "CN", "relative_exit_ban", "high"},
    {"Pressure to inform on the diaspora (fictional)", "Contact officer asked for reports on a student association in exchange for a relative's safety", {"D5", "E1"}, "AU", "", "critical"},
    {"Luring to a third country: Қазақстан, Łódź, Ἀθῆναι (fictional)", "Invitation to a business meeting in a third country by an intermediary", {"A5", "A3"}, "AE", "", "critical"},
};

constexpr const char* kStatuses[] = {"open", "active", "pending", "active", "closed"};
constexpr std::size_t kWithdrawnCase = 4;  // status "closed"
constexpr const char* kPriorities[] = {"normal", "high", "urgent", "normal", "low"};

Json consent_fields() {
  Json scopes = Json::object();
  for (const char* s : {"be_interviewed", "use_in_own_legal_case", "share_own_lawyer", "share_named_ngos",
                        "anonymised_statistics"}) {
    scopes[s] = "yes";
  }
  scopes["store_real_identity"] = "no";
  scopes["publish_anonymised_story"] = "later";
  return Json{{"given_at", "2026-01-15T10:00:00Z"}, {"method", "oral_noted"}, {"comprehension_checked", true},
              {"scopes", scopes}, {"disclosure", "pseudonym"}};
}

}  // namespace

expected<void, storage::StorageError> seed_demo_cases(storage::Vault& vault, const DemoOptions& o) {
  auto batch = vault.begin_batch();
  if (!batch) return unexpected(batch.error());
  auto records = vault.records();
  for (std::size_t n = 0; n < o.cases; ++n) {
    const Story& s = kStories[n % std::size(kStories)];
    const std::string suffix = n < std::size(kStories) ? "" : " #" + std::to_string(n + 1);
    Json case_fields{{"title", std::string(s.title) + suffix},
                     {"status", kStatuses[n % std::size(kStatuses)]},
                     {"priority", kPriorities[n % std::size(kPriorities)]},
                     {"purposes", Json::array({n % 2 == 0 ? "asylum_claim" : "interpol_ccf_challenge"})}};
    auto c = records.create("case", "", case_fields);
    if (!c) return unexpected(c.error());
    auto consent = records.create("consent", c->id, consent_fields());
    if (!consent) return unexpected(consent.error());
    Json person{{"pseudonym", "Sample person " + std::to_string(n + 1)},
                {"roles", Json::array({"interviewee"})},
                {"citizenship", Json::array({"CN"})}};
    auto p = records.create("person", c->id, person);
    if (!p) return unexpected(p.error());
    Json cf = consent->fields;
    cf["person"] = p->id;
    if (auto r = records.update(consent->id, cf); !r) return unexpected(r.error());

    std::size_t incidents = o.rich ? 1 + n % 3 : 1;
    if (n == 0) incidents += o.incidents_in_first_case;
    for (std::size_t i = 0; i < incidents; ++i) {
      const int year = 2019 + static_cast<int>((n + i) % 7);
      const int month = 1 + static_cast<int>((n * 5 + i * 7) % 12);
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d", year, month);
      Json inc{{"title", std::string(s.incident) + (i == 0 ? "" : " (" + std::to_string(i + 1) + ")")},
               {"tactics", Json::array({s.tactics[0], s.tactics[1]})},
               {"country", s.country},
               {"start_date", Json{{"value", date}, {"precision", "month"}}},
               {"targets", Json::array({p->id})},
               {"narrative", Json{{"text", "Fictional sample narrative for demonstration only."}, {"language", "eng"}}}};
      if (auto r = records.create("incident", c->id, inc); !r) return unexpected(r.error());
    }
    if (!o.rich) continue;
    Json session{{"start", "2026-01-15T10:05:00Z"}, {"mode", "in_person_office"}, {"recording", "typed_notes"},
                 {"notes", "Fictional sample: the person described events in their own words."},
                 {"follow_up", Json{{"value", "2026-02-12"}, {"precision", "exact"}}}};
    if (auto r = records.create("interview_session", c->id, session); !r) return unexpected(r.error());
    if (*s.measure != '\0') {
      Json m{{"type", s.measure}, {"jurisdiction", s.country}, {"date", Json{{"value", "2024"}, {"precision", "year"}}}};
      if (auto r = records.create("legal_measure", c->id, m); !r) return unexpected(r.error());
      Json aid{{"type", "legal_aid"}, {"status", "in_progress"}, {"date", Json{{"value", "2026-01"}, {"precision", "month"}}}};
      if (auto r = records.create("intervention", c->id, aid); !r) return unexpected(r.error());
    }
    Json risk{{"assessed_at", "2026-01-15T11:30:00Z"}, {"rating", s.risk},
              {"review_by", Json{{"value", "2026-04-15"}, {"precision", "exact"}}},
              {"threats", Json::array({"relatives_in_origin", "digital"})},
              {"safety_plan", Json::array({Json{{"measure", "safe_channel"}, {"status", "done"}},
                                           Json{{"measure", "device_check"}, {"status", "planned"}}})}};
    if (auto r = records.create("risk_assessment", c->id, risk); !r) return unexpected(r.error());
    if (n == kWithdrawnCase) {
      // One closed case shows what a withdrawal looks like.
      cf["withdrawal"] = Json{{"at", "2026-02-20T09:00:00Z"}, {"extent", "all"}};
      if (auto r = records.update(consent->id, cf); !r) return unexpected(r.error());
    }
  }
  return batch->commit();
}

}  // namespace safehold::appmodel
