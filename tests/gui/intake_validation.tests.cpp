// Per-step validation of the intake: a required field left empty is flagged
// under the field as the caseworker leaves it, the step list marks the
// step, and Save opens the first incomplete step and item instead of failing
// with an error elsewhere.
#include <catch2/catch_test_macros.hpp>

#include "headless_ui.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
using appmodel::IntakeStep;

namespace {

void begin_with_consent(test::VaultFixture& f, test::HeadlessUi& ui) {
  f.unlock(ui);
  ui.Click("nav.intake");
  ui.Click("intake.begin");
  test::give_intake_consent(ui);
  REQUIRE(f.app.intake.consent_complete());
}

}  // namespace

TEST_CASE("Intake validation: an empty pseudonym is flagged when the field is left", "[gui][headless][intake]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  begin_with_consent(f, ui);
  ui.Click("intake.step.2");  // the person
  CHECK_FALSE(ui.Has("intake.interviewee.pseudonym.problem"));  // not before it was visited
  CHECK_FALSE(f.app.intake.step_incomplete(IntakeStep::interviewee));
  ui.Click("intake.interviewee.pseudonym");
  ui.Click("intake.interviewee.occupation");  // leaves the pseudonym empty
  CHECK(ui.Has("intake.interviewee.pseudonym.problem"));
  CHECK(f.app.intake.step_incomplete(IntakeStep::interviewee));
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("River");
  ui.Click("intake.interviewee.occupation");
  CHECK_FALSE(ui.Has("intake.interviewee.pseudonym.problem"));
  CHECK_FALSE(f.app.intake.step_incomplete(IntakeStep::interviewee));
}

TEST_CASE("Intake validation: Save jumps to the first empty required field", "[gui][headless][intake]") {
  test::VaultFixture f;
  test::HeadlessUi ui(f.app);
  begin_with_consent(f, ui);
  ui.Click("intake.step.4");  // incidents: one without tactics
  ui.Click("intake.add.incident");
  ui.Click("intake.incident.title");
  ui.Type("Visit at home");
  ui.Click("intake.step.9");  // closing
  CHECK(f.app.intake.step_incomplete(IntakeStep::incidents));  // left with tactics empty
  CHECK(f.app.intake.step_incomplete(IntakeStep::interviewee) == false);  // never visited
  ui.Click("intake.save");
  CHECK_FALSE(f.app.intake.saving());
  // The first problem is the interviewee's pseudonym (step 3 comes before 5).
  CHECK(f.app.intake.draft->step == IntakeStep::interviewee);
  ui.Frames(2);
  CHECK(ui.Has("intake.interviewee.pseudonym.problem"));
  CHECK(f.app.intake.step_incomplete(IntakeStep::interviewee));
  CHECK(f.app.intake.step_incomplete(IntakeStep::incidents));
  CHECK(std::string(f.app.intake.save_error_key()) == "intake.error.incomplete");
  ui.Click("intake.interviewee.pseudonym");
  ui.Type("River");
  ui.Click("intake.step.9");
  ui.Click("intake.save");
  // Next: the incident, opened on its item with the tactics flagged.
  CHECK(f.app.intake.draft->step == IntakeStep::incidents);
  CHECK(f.app.intake.selected == 0);
  ui.Frames(2);
  CHECK(ui.Has("intake.incident.tactics.problem"));
  ui.Click("intake.incident.tactics.filter");
  ui.Type("D1");
  ui.Click("intake.incident.tactics.D1");
  CHECK_FALSE(ui.Has("intake.incident.tactics.problem"));
  CHECK(f.app.intake.problems().empty());
  ui.Click("intake.step.9");
  ui.Click("intake.save");
  REQUIRE(ui.FramesUntil([&] { return !f.app.intake.saving(); }));
  ui.Frames(2);
  if (f.app.intake.save_failure()) FAIL(f.app.intake.save_failure()->detail);
  CHECK(f.app.screen() == appmodel::Screen::case_view);
}
