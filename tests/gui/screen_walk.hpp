#pragma once
// Walks the app's screens in the demo vault (fictional cases, contacts and a
// received bundle) and calls `visit(name)` on each once it has settled: the
// start screen, the case list, every case-view tab and the add form, every
// intake step (with one incident, person, measure and file added), contacts,
// export, the import dialog with the bundle verified, its file browser, the
// audit log and settings. Used by the layout and Tab-order tests.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "headless_ui.hpp"
#include "safehold/appmodel/demo_exchange.hpp"
#include "test_util.hpp"

namespace safehold::test {

struct DemoApp {
  TempDir dir;
  appmodel::VaultOpener opener{storage::KdfParams::insecure_for_tests()};
  appmodel::AppModel app{opener};
  DemoApp() {
    appmodel::set_language(appmodel::Language::en);
    app.apply_settings(appmodel::Settings{});
  }
};

using Visit = std::function<void(const std::string& screen)>;

inline std::string FirstCaseId(appmodel::AppModel& app) {
  storage::CaseQuery q;
  q.limit = 1;
  auto listed = app.session().vault().cases().list(q);
  REQUIRE(listed);
  REQUIRE_FALSE(listed->empty());
  return (*listed)[0].case_id;
}

// `settle` frames after each change (auto-sized windows, tab bars, pages
// read on the worker thread).
inline void WalkScreens(HeadlessUi& ui, DemoApp& d, const Visit& visit, const Visit& after_unlock = {}) {
  appmodel::AppModel& app = d.app;
  const auto settle = [&] { ui.FramesUntil([&] { return !app.cases.reading() && !app.importer.busy(); }, 20); ui.Frames(6); };
  app.start.mode = appmodel::StartModel::Mode::create;
  app.start.folder = (d.dir.path() / "vault").string();
  settle();
  visit("start.create");
  app.start_demo(d.dir.path() / "vault");
  REQUIRE(ui.FramesUntil([&] { return app.unlocked(); }, 120));
  if (after_unlock) after_unlock("unlocked");
  app.go(appmodel::Screen::cases);
  REQUIRE(ui.FramesUntil([&] { return app.cases.count() > 0 && !app.cases.reading(); }, 20));
  settle();
  visit("cases");
  // The backup reminder stays shown for the whole walk (the demo vault has
  // no verified backup): on a short screen at 200 % the toolbar's banners
  // must scroll with the screen, not take the room of its controls.
  REQUIRE(app.backup_reminder());

  const std::string case_id = FirstCaseId(app);
  app.open_case(case_id);
  settle();
  for (const char* tab : {"case.tab.overview", "case.tab.consent", "case.tab.sessions", "case.tab.people",
                          "case.tab.incidents", "case.tab.measures", "case.tab.evidence", "case.tab.risk",
                          "case.tab.interventions", "case.tab.history"}) {
    ui.Click(tab);
    settle();
    visit(tab);
  }
  app.case_view.add.begin(case_id, "incident");
  settle();
  visit("case.add.incident");
  app.case_view.add.cancel();

  app.go(appmodel::Screen::intake);
  app.intake.begin();
  settle();
  ui.Click("intake.consent.given_at.now");
  ui.Click("intake.consent.method");
  ui.Click("intake.consent.method.oral_noted");
  ui.Click("intake.consent.scopes.be_interviewed.yes");
  for (int s = 0; s < appmodel::kIntakeSteps; ++s) {
    app.intake.go(static_cast<appmodel::IntakeStep>(s));
    settle();
    // A list step opens on its Add button: Enter adds a record, so the
    // record's form is walked too.
    const auto step = static_cast<appmodel::IntakeStep>(s);
    if (step == appmodel::IntakeStep::incidents || step == appmodel::IntakeStep::people ||
        step == appmodel::IntakeStep::measures) {
      ui.Press(ImGuiKey_Enter);
      settle();
    }
    visit("intake.step." + std::to_string(s + 1));
  }
  app.intake.pause("interviewee");
  settle();
  visit("intake.paused");
  app.intake.resume_after_pause();

  app.go(appmodel::Screen::contacts);
  settle();
  visit("contacts");

  app.export_case(case_id);
  (void)app.contacts.load();
  for (const auto& c : app.contacts.contacts()) app.exporter.toggle_recipient(c.id);
  settle();
  visit("export");

  app.exchange_tab = appmodel::AppModel::ExchangeTab::receive;
  app.exchange_tab_requested = true;
  (void)app.importer.verify(appmodel::demo_bundle_path(app.demo_folder()));
  settle();
  visit("import");
  ui.Click("import.choose");
  settle();
  visit("import.file_browser");
  ui.Press(ImGuiKey_Escape);
  settle();

  app.go(appmodel::Screen::audit);
  settle();
  visit("audit");
  app.go(appmodel::Screen::settings);
  settle();
  visit("settings");

  app.lock();
  settle();
  visit("start.unlock");
}

}  // namespace safehold::test
