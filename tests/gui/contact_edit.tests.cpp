// Editing a contact through the real UI: a verified contact added without a
// kind cannot be a recipient; "Edit…" gives it one (and a new name and an
// organisation, and notes kept exactly, a character outside the BMP included),
// its verification stays, and the export check no longer names it. A blank
// name is refused in plain words; cancel keeps everything.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "headless_ui.hpp"
#include "home_at.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
namespace ex = core::exchange;

namespace {

// Problems of the export plan about the recipient alone (not verified, no kind).
std::size_t recipient_problems(const appmodel::AppModel& app, const std::string& contact_id) {
  const auto& problems = app.exporter.plan()->problems;
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(), [&](const ex::ExportProblem& p) {
    return p.case_id.empty() && p.contact_id == contact_id;
  }));
}

constexpr const char* kClinic = "Harbour Legal Clinic";
constexpr const char* kRenamed = "Harbour Clinic intake";
// Notes with an emoji (U+1F600), typed as the host's char callback does.
const std::string kNotes = "Met in Geneva \xF0\x9F\x98\x80 ask for Lina";

}  // namespace

TEST_CASE("Contacts: editing gives a verified contact a kind, keeps its verification, and export accepts it",
          "[gui][headless][exchange]") {
  test::TempDir home;
  test::HomeAt at(home.path());
  test::VaultFixture a;
  test::VaultFixture b;
  std::string case_id;
  ex::Contact before;
  {
    auto vb = b.open();
    REQUIRE(vb.set_owner_name(kClinic));
    const auto card = ex::own_identity(vb).value().card;
    auto va = a.open();
    REQUIRE(appmodel::seed_demo_cases(va, {.cases = 1, .rich = false}));
    case_id = va.cases().list({}).value().front().case_id;
    // Added and verified without a kind, as before contacts could be edited.
    const auto added = ex::ContactBook(va).add_card(test::as_bytes(card)).value();
    before = ex::ContactBook(va).verify(added.id, "in_person").value();
  }
  test::HeadlessUi ui(a.app);
  a.unlock(ui);

  // The export check names the contact: it has no kind.
  a.app.open_case(case_id);
  ui.Click("case.send");
  ui.Click("export.to." + std::string(kClinic));
  ui.Frames(2);
  REQUIRE(a.app.exporter.plan());
  CHECK(recipient_problems(a.app, before.id) == 1);

  ui.Click("nav.contacts");
  // Cancel keeps everything.
  ui.Click("contacts.edit." + std::string(kClinic));
  REQUIRE(ui.Has("contacts.edit.name"));
  ui.Click("contacts.edit.organisation");
  ui.Type("Harbour Legal");
  ui.Click("contacts.edit.cancel");
  CHECK_FALSE(ui.Has("contacts.edit.name"));
  CHECK(a.app.contacts.find(before.id)->organisation.empty());

  // A blank name is refused in plain words, in the panel; nothing is stored.
  ui.Click("contacts.edit." + std::string(kClinic));
  ui.Click("contacts.edit.name");
  ui.Press(ImGuiKey_A, /*ctrl=*/true);
  ui.PressNamed(ImGuiKey_Backspace);
  ui.Click("contacts.edit.save");
  REQUIRE(a.app.contacts.error_key() != nullptr);
  CHECK(std::string(a.app.contacts.error_key()) == "contacts.error.name_empty");
  REQUIRE(ui.Has("contacts.error"));
  REQUIRE(ui.Has("contacts.edit.name"));  // the panel stays open
  CHECK(a.app.contacts.find(before.id)->display_name == kClinic);

  // Name, kind and organisation; then save.
  ui.Click("contacts.edit.name");
  ui.Type(kRenamed);
  ui.Click("contacts.edit.kind");
  ui.Click("contacts.edit.kind.ngo");
  ui.Click("contacts.edit.organisation");
  ui.Type("Harbour Legal");
  ui.Click("contacts.edit.notes");
  ui.Type("Met in Geneva ");
  ImGui::GetIO().AddInputCharacter(0x1F600u);  // as GLFW's char callback queues it
  ui.Frame();
  ui.Type(" ask for Lina");
  ui.Click("contacts.edit.save");
  CHECK(a.app.contacts.error_key() == nullptr);
  CHECK_FALSE(ui.Has("contacts.edit.name"));
  const auto* after = a.app.contacts.find(before.id);
  REQUIRE(after != nullptr);
  CHECK(after->display_name == kRenamed);
  CHECK(after->kind == "ngo");
  CHECK(after->organisation == "Harbour Legal");
  CHECK(after->notes == kNotes);
  CHECK(after->fingerprint == before.fingerprint);
  CHECK(after->verified);
  CHECK(after->verified_at == before.verified_at);
  REQUIRE(ui.Has("contacts.state." + std::string(kRenamed)));

  // Editing again and saving keeps the notes, the emoji included.
  ui.Click("contacts.edit." + std::string(kRenamed));
  ui.Click("contacts.edit.save");
  CHECK(a.app.contacts.find(before.id)->notes == kNotes);

  // The export check, run again, has nothing against the recipient now.
  ui.Click("nav.exchange");
  ui.Frames(2);
  REQUIRE(a.app.exporter.plan());
  CHECK(recipient_problems(a.app, before.id) == 0);

  ui.Click("nav.lock");
  auto va = a.open();
  const auto stored = ex::ContactBook(va).find(before.id);
  REQUIRE(stored);
  CHECK(stored->display_name == kRenamed);
  CHECK(stored->kind == "ngo");
  CHECK(stored->organisation == "Harbour Legal");
  CHECK(stored->notes == kNotes);
  CHECK(stored->age_recipient == before.age_recipient);
  CHECK(stored->minisign_public_key == before.minisign_public_key);
  CHECK(stored->verified);
  auto audit = va.audit().verify();
  REQUIRE(audit);
  CHECK(audit->intact);
}
