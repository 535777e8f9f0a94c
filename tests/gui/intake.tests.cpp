#include <catch2/catch_test_macros.hpp>

#include "headless_ui.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
using appmodel::IntakeStep;

namespace {

// Consent given now, orally noted, agreeing to the interview.
void give_consent(test::HeadlessUi& ui) {
  ui.Click("intake.consent.given_at.now");
  ui.Click("intake.consent.method");
  ui.Click("intake.consent.method.oral_noted");
  ui.Click("intake.consent.scopes.be_interviewed.yes");
}

}  // namespace

TEST_CASE("Intake: consent gates the later steps", "[gui][headless][intake]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  REQUIRE(f.app.intake.draft);
  CHECK(f.app.intake.draft->step == IntakeStep::consent);
  CHECK_FALSE(ui.Enabled("intake.step.2"));  // the person
  ui.Click("intake.next");                   // session is open before consent
  CHECK(f.app.intake.draft->step == IntakeStep::session);
  CHECK_FALSE(ui.Enabled("intake.next"));
  ui.Click("intake.back");
  give_consent(ui);
  CHECK(f.app.intake.consent_complete());
  CHECK(ui.Enabled("intake.step.2"));
  const auto& c = f.app.intake.draft->consent.fields;
  CHECK(c["method"] == "oral_noted");
  CHECK(c["scopes"]["be_interviewed"] == "yes");
}

TEST_CASE("Intake: narrative and an incident survive lock as an encrypted draft", "[gui][headless][intake]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  give_consent(ui);

  ui.Click("intake.step.1");
  ui.Click("intake.session.sensitive_modules.relative_detained_dead");
  CHECK(f.app.intake.sensitive_opened().count("relative_detained_dead") == 1);

  ui.Click("intake.step.3");
  const std::string narrative = "My brother was taken to the station twice after I spoke at the rally";
  ui.Click("intake.narrative.notes");
  ui.Type(narrative);
  CHECK(f.app.intake.draft->session.fields["notes"] == narrative);

  ui.Click("intake.step.4");
  ui.Click("intake.add.incident");
  REQUIRE(f.app.intake.draft->incidents.size() == 1);
  ui.Click("intake.incident.title");
  ui.Type("Brother questioned by police");
  ui.Click("intake.incident.tactics.filter");
  ui.Type("D1");
  ui.Click("intake.incident.tactics.D1");
  const auto& incident = f.app.intake.draft->incidents[0].fields;
  CHECK(incident["title"] == "Brother questioned by police");
  CHECK(incident["tactics"] == appmodel::Json::array({"D1"}));

  // "Prefer not to answer" on the channel.
  ui.Click("intake.incident.channel.na");
  ui.Click("intake.incident.channel.na.declined");
  CHECK(f.app.intake.draft->incidents[0].fields["channel"] == appmodel::Json{{"not_answered", "declined"}});

  ui.Click("nav.lock");
  REQUIRE_FALSE(f.app.unlocked());
  CHECK_FALSE(f.app.intake.draft.has_value());
  CHECK_FALSE(test::imgui_memory_holds(narrative));
  CHECK_FALSE(test::imgui_memory_holds("Brother questioned"));

  // The draft is in the vault's drafts table, encrypted with everything else.
  {
    auto pass = crypto::SecretBuffer::copy_of(std::string_view(test::kTestPassphrase));
    auto v = storage::Vault::unlock(f.folder(), pass);
    REQUIRE(v);
    auto stored = v->drafts().get(appmodel::IntakeModel::kDraftKey);
    REQUIRE(stored);
    REQUIRE(stored->has_value());
    CHECK((*stored)->find("Brother questioned by police") != std::string::npos);
  }
  // No plaintext of it anywhere in the vault folder.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(f.folder())) {
    if (!entry.is_regular_file()) continue;
    const auto bytes = test::read_file(entry.path());
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.find("Brother questioned") == std::string::npos);
  }

  f.unlock(ui);
  ui.Click("nav.intake");
  REQUIRE(ui.Has("intake.resume"));
  ui.Click("intake.resume");
  REQUIRE(f.app.intake.draft);
  CHECK(f.app.intake.draft->incidents.size() == 1);
  CHECK(f.app.intake.draft->session.fields["notes"] == narrative);
}

TEST_CASE("Intake: Pause hides the form and logs a break", "[gui][headless][intake]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  ui.Click("intake.pause");
  CHECK(f.app.intake.paused());
  CHECK_FALSE(ui.Has("intake.next"));
  ui.Click("intake.resume_after_pause");
  CHECK_FALSE(f.app.intake.paused());
  const auto& breaks = f.app.intake.draft->session.fields["breaks"];
  REQUIRE(breaks.size() == 1);
  CHECK(breaks[0].contains("start"));
  CHECK(breaks[0].contains("end"));
  CHECK(breaks[0]["requested_by"] == "interviewee");
}
