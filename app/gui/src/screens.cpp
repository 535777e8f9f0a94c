#include "screens.hpp"

namespace safehold::gui {

using appmodel::AppModel;
using appmodel::Screen;

namespace {

constexpr ScreenEntry kScreens[] = {
    {Screen::cases, "nav.cases", [](ScreenStates& s, AppModel& app) { s.cases.Draw(app); }, std::nullopt,
     nullptr, {"cases"}},
    {Screen::intake, "nav.intake", [](ScreenStates& s, AppModel& app) { s.intake.Draw(app); },
     shortcuts::Action::new_intake,
     [](ScreenStates& s, AppModel& app) {
       if (!app.intake.draft) s.intake.RequestBegin();
     },
     {"intake"}},
    {Screen::contacts, "nav.contacts", [](ScreenStates& s, AppModel& app) { s.contacts.Draw(app); },
     std::nullopt, nullptr, {"contacts"}},
    {Screen::exchange, "nav.exchange", [](ScreenStates& s, AppModel& app) { s.exchange.Draw(app); },
     std::nullopt, nullptr, {"exchange", "export", "import"}},
    {Screen::statistics, "nav.statistics", [](ScreenStates& s, AppModel& app) { s.statistics.Draw(app); },
     std::nullopt, nullptr, {"statistics"}},
    {Screen::audit, "nav.audit", [](ScreenStates& s, AppModel& app) { s.audit.Draw(app); }, std::nullopt,
     nullptr, {"audit"}},
    {Screen::settings, "nav.settings", [](ScreenStates& s, AppModel& app) { s.settings.Draw(app); },
     std::nullopt, nullptr, {"settings", "backup", "wipe"}},
    {Screen::case_view, nullptr, [](ScreenStates& s, AppModel& app) { s.case_view.Draw(app); }, std::nullopt,
     nullptr, {"case", "case-add", "report"}},
};

}  // namespace

std::span<const ScreenEntry> Screens() { return kScreens; }

const ScreenEntry* FindScreen(Screen id) {
  for (const auto& s : kScreens) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const ScreenEntry* FindScreen(const std::string& name) {
  for (const auto& s : kScreens) {
    for (const auto& n : s.names) {
      if (!n.empty() && n == name) return &s;
    }
  }
  return nullptr;
}

}  // namespace safehold::gui
