#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "headless_ui.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

namespace {

using Sharing = std::vector<std::pair<std::string, std::string>>;

std::map<std::string, std::string> case_ids_by_title(storage::Vault& v) {
  storage::CaseQuery all;
  all.limit = 100;
  auto listed = v.cases().list(all);
  REQUIRE(listed);
  std::map<std::string, std::string> out;
  for (const auto& c : *listed) out[c.title] = c.case_id;
  return out;
}

std::string latest_update(storage::Vault& v, const std::string& case_id) {
  auto c = v.records().get(case_id);
  auto rs = v.records().list(case_id);
  REQUIRE(c);
  REQUIRE(rs);
  std::string latest = c->updated_at;
  for (const auto& r : *rs) latest = std::max(latest, r.updated_at);
  return latest;
}

}  // namespace

TEST_CASE("Case overview: consent, sharing, counts, tactics, dates, risk, next steps from a real vault",
          "[gui][headless][overview]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  storage::Vault& v = f.app.session().vault();
  REQUIRE(appmodel::seed_demo_cases(v, appmodel::DemoOptions{.cases = 5}));
  const auto ids = case_ids_by_title(v);
  appmodel::Session session(v);
  appmodel::CaseViewModel m(session);

  SECTION("a case with consent, one incident, a measure, a risk assessment") {
    const std::string id = ids.at("Relatives questioned after a protest abroad (fictional)");
    REQUIRE(m.load(id));
    const auto& o = m.overview();
    CHECK_FALSE(o.consent_read_failed);
    CHECK(o.consent == storage::ConsentState::given);
    CHECK(o.consent_given_at == "2026-01-15T10:00:00Z");
    CHECK(o.consent_method == "oral_noted");
    CHECK(o.consent_withdrawn_at.empty());
    CHECK_FALSE(o.recontact_allowed.has_value());
    CHECK(o.sharing == Sharing{{"share_own_lawyer", "yes"}, {"share_named_ngos", "yes"},
                               {"share_host_authorities", ""}, {"share_un_bodies", ""}});
    CHECK(o.sessions == 1);
    CHECK(o.people == 1);
    CHECK(o.incidents == 1);
    CHECK(o.measures == 1);
    CHECK(o.evidence == 0);
    CHECK(o.tactics == std::vector<std::string>{"D1", "E1"});
    CHECK(o.first_incident == "2019-01");
    CHECK(o.last_incident == "2019-01");
    CHECK(o.risk_rating == "high");
    CHECK(o.risk_assessed_at == "2026-01-15T11:30:00Z");
    CHECK(o.risk_review_by == "2026-04-15");
    CHECK(o.open_safety_measures == 1);  // device check planned; safe channel done
    CHECK(o.open_interventions == 1);
    CHECK(o.next_follow_up == "2026-02-12");
    CHECK(o.last_change == latest_update(v, id));
  }

  SECTION("incidents over several years give the date range and the union of tactics") {
    REQUIRE(m.load(ids.at("示例案件（虚构）：亲属被约谈")));
    const auto& o = m.overview();
    CHECK(o.incidents == 3);
    CHECK(o.tactics == std::vector<std::string>{"D1", "D4"});
    CHECK(o.first_incident == "2021-11");
    CHECK(o.last_incident == "2023-01");
    CHECK(o.open_interventions == 1);
  }

  SECTION("withdrawn consent: every sharing scope reads no") {
    REQUIRE(m.load(ids.at("示例案件（虛構）：網上騷擾與冒充")));
    const auto& o = m.overview();
    CHECK(o.consent == storage::ConsentState::withdrawn);
    CHECK(o.consent_withdrawn_at == "2026-02-20T09:00:00Z");
    CHECK(o.sharing == Sharing{{"share_own_lawyer", "no"}, {"share_named_ngos", "no"},
                               {"share_host_authorities", "no"}, {"share_un_bodies", "no"}});
    CHECK(o.measures == 0);
    CHECK(o.open_interventions == 0);
  }

  SECTION("a new case without consent") {
    auto c = v.records().create("case", "", {{"title", "Bare case"}});
    REQUIRE(c);
    REQUIRE(m.load(c->id));
    const auto& o = m.overview();
    CHECK(o.consent == storage::ConsentState::none);
    CHECK(o.consent_given_at.empty());
    CHECK(o.incidents + o.people + o.sessions + o.measures + o.evidence == 0);
    CHECK(o.tactics.empty());
    CHECK(o.first_incident.empty());
    CHECK(o.risk_rating.empty());
    CHECK(o.next_follow_up.empty());
    CHECK(o.last_change == c->updated_at);
  }

  SECTION("the overview tab draws it, in Traditional Chinese too, and lock clears it") {
    f.app.open_case(ids.at("示例案件（虛構）：網上騷擾與冒充"));
    ui.Frames(3);
    CHECK(ui.Has("case.overview.consent"));
    CHECK(ui.Has("case.overview.counts"));
    CHECK(f.app.case_view.overview().consent == storage::ConsentState::withdrawn);
    appmodel::set_language(appmodel::Language::zh_Hant);
    ui.Frames(3);
    CHECK(ui.Has("case.overview.counts"));
    appmodel::set_language(appmodel::Language::en);
    ui.Click("nav.lock");
    CHECK(f.app.case_view.overview().consent == storage::ConsentState::none);
    CHECK(f.app.case_view.overview().sharing.empty());
  }
}
