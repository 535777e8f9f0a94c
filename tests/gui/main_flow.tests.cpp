#include <catch2/catch_test_macros.hpp>

#include "headless_ui.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "vault_fixture.hpp"

using namespace safehold;

// The main flow of issue 5, through the UI only: create a vault, unlock it,
// record an intake with consent and one incident, save it, find it with the
// search box, lock. Then the database is checked directly.
TEST_CASE("Main flow: create, unlock, intake with consent and an incident, search, lock",
          "[gui][headless][flow]") {
  test::TempDir dir;
  appmodel::VaultOpener opener{storage::KdfParams::insecure_for_tests()};
  appmodel::AppModel app{opener};
  appmodel::set_language(appmodel::Language::en);
  app.apply_settings(appmodel::Settings{});
  app.start.folder = (dir.path() / "vault").string();
  app.start.mode = appmodel::StartModel::Mode::create;
  test::HeadlessUi ui(app);

  // Create.
  ui.Click("start.passphrase");
  ui.Type(test::kTestPassphrase);
  ui.Click("start.repeat");
  ui.Type(test::kTestPassphrase);
  ui.Click("start.acknowledge");
  ui.Click("start.primary");
  REQUIRE(ui.FramesUntil([&] { return app.unlocked(); }));
  ui.Click("nav.lock");
  REQUIRE_FALSE(app.unlocked());

  // Unlock.
  ui.Click("start.passphrase");
  ui.Type(test::kTestPassphrase);
  ui.Click("start.primary");
  REQUIRE(ui.FramesUntil([&] { return app.unlocked(); }));

  // Intake: consent, the person, one incident.
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  ui.Click("intake.consent.given_at.now");
  ui.Click("intake.consent.method");
  ui.Click("intake.consent.method.oral_noted");
  ui.Click("intake.consent.scopes.be_interviewed.yes");
  ui.Click("intake.step.2");
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("Swallow");
  ui.Click("intake.step.4");
  ui.Click("intake.add.incident");
  ui.Click("intake.incident.title");
  ui.Type("Passport renewal refused at consulate");
  ui.Click("intake.incident.tactics.filter");
  ui.Type("C1");
  ui.Click("intake.incident.tactics.C1");
  ui.Click("intake.step.9");
  ui.Click("intake.case.title");
  ui.Type("Consulate refusal");
  ui.Click("intake.save");
  REQUIRE(ui.FramesUntil([&] { return !app.intake.saving(); }));
  ui.Frames(2);
  if (app.intake.save_failure()) FAIL(app.intake.save_failure()->detail);
  REQUIRE(app.screen() == appmodel::Screen::case_view);
  const std::string case_id = app.current_case();
  REQUIRE_FALSE(case_id.empty());
  CHECK(ui.Has("case.heading"));

  // Search it.
  ui.Click("nav.cases");
  ui.Click("cases.search");
  ui.Type("passport");
  REQUIRE(ui.FramesUntil([&] { return app.cases.query().text == "passport"; }, 5));
  ui.Frames(2);
  CHECK(app.cases.count() == 1);
  const auto* row = app.cases.row_now(0);
  REQUIRE(row != nullptr);
  CHECK(row->case_id == case_id);
  CHECK(row->tactics == std::vector<std::string>{"C1"});
  // The row is drawn once the worker has read its page (a busy machine may
  // need more than a frame or two).
  const std::string row_probe = "cases.row." + row->reference;
  CHECK(ui.FramesUntil([&] { return ui.Has(row_probe); }, 5));
  ui.Click("cases.search");
  ui.Press(ImGuiKey_A, true);
  ui.Type("asylum");
  REQUIRE(ui.FramesUntil([&] { return app.cases.query().text == "asylum"; }, 5));
  CHECK(app.cases.count() == 0);

  // Lock: nothing of the record stays in ImGui's memory.
  ui.Click("nav.lock");
  REQUIRE_FALSE(app.unlocked());
  ui.Frames(2);
  CHECK_FALSE(test::imgui_memory_holds("Passport renewal refused"));
  CHECK_FALSE(test::imgui_memory_holds("Consulate refusal"));
  CHECK_FALSE(test::imgui_memory_holds("Swallow"));

  // The database holds the records, consent first, linked to the person.
  auto pass = crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase));
  auto v = storage::Vault::unlock(dir.path() / "vault", pass);
  REQUIRE(v);
  auto incidents = v->records().list(case_id, "incident");
  REQUIRE(incidents);
  REQUIRE(incidents->size() == 1);
  CHECK((*incidents)[0].fields["title"] == "Passport renewal refused at consulate");
  auto consents = v->records().list(case_id, "consent");
  REQUIRE(consents);
  REQUIRE(consents->size() == 1);
  auto persons = v->records().list(case_id, "person");
  REQUIRE(persons);
  REQUIRE(persons->size() == 1);
  CHECK((*consents)[0].fields["person"] == (*persons)[0].id);
  CHECK(v->consent().state(case_id).value() == storage::ConsentState::given);
  CHECK_FALSE(v->drafts().get(appmodel::IntakeModel::kDraftKey).value().has_value());
  auto audit = v->audit().verify();
  REQUIRE(audit);
  CHECK(audit->intact);
}

TEST_CASE("Demo sample cases are valid records, marked fictional, searchable in Chinese", "[gui][demo]") {
  test::VaultFixture f;
  auto pass = crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase));
  auto v = storage::Vault::unlock(f.folder(), pass);
  REQUIRE(v);
  auto seeded = appmodel::seed_demo_cases(*v, appmodel::DemoOptions{});
  if (!seeded) FAIL(seeded.error().describe());
  storage::CaseQuery all;
  CHECK(v->cases().count(all).value() == 12);
  all.limit = 100;
  auto listed = v->cases().list(all);
  REQUIRE(listed);
  int withdrawn = 0;
  for (const auto& c : *listed) {
    const bool fictional = c.title.find("fictional") != std::string::npos || c.title.find("虚构") != std::string::npos ||
                           c.title.find("虛構") != std::string::npos;
    CHECK(fictional);
    CHECK(c.consent != storage::ConsentState::none);
    withdrawn += c.consent == storage::ConsentState::withdrawn ? 1 : 0;
  }
  CHECK(withdrawn == 1);  // the demo shows one withdrawn consent
  storage::CaseQuery q;
  q.text = "亲属";
  CHECK(v->cases().count(q).value() >= 1);
  q.text.clear();
  q.tactics = {"B5"};
  CHECK(v->cases().count(q).value() == 1);
}
