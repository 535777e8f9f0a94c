#pragma once
// The screens of the unlocked app, in one table. Adding a screen: its id in
// appmodel::Screen, its struct in ScreenStates, and one entry in
// screens.cpp (toolbar label and probe, draw function, shortcut, the names
// `--demo --screen` accepts). The toolbar, the shell's drawing, the reset
// on lock and the command line all read the table.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "safehold/appmodel/app_model.hpp"
#include "audit_screen.hpp"
#include "case_list_screen.hpp"
#include "case_view_screen.hpp"
#include "contacts_screen.hpp"
#include "exchange_screen.hpp"
#include "intake_screen.hpp"
#include "settings_screen.hpp"
#include "shortcuts.hpp"
#include "statistics_screen.hpp"

namespace safehold::gui {

// The screens' own state (text being typed, open dialogs). Replaced by a
// fresh one on lock and after unlock.
struct ScreenStates {
  SettingsScreen settings;
  AuditScreen audit;
  IntakeScreen intake;
  CaseListScreen cases;
  CaseViewScreen case_view;
  ContactsScreen contacts;
  ExchangeScreen exchange;
  StatisticsScreen statistics;
};

struct ScreenEntry {
  appmodel::Screen id;
  // The i18n key of its toolbar button, also the button's probe; nullptr:
  // not in the toolbar (opened from another screen).
  const char* toolbar_key;
  void (*draw)(ScreenStates&, appmodel::AppModel&);
  // Opens it from anywhere in the unlocked app (tooltip on its button);
  // `on_shortcut` then runs once, after the screen was chosen.
  std::optional<shortcuts::Action> shortcut;
  void (*on_shortcut)(ScreenStates&, appmodel::AppModel&);
  // Names `--demo --screen` accepts for it ("" unused; main.cpp prepares
  // the demo for some of them, e.g. "report" opens the dialog).
  std::array<std::string_view, 3> names;
};

// In toolbar order.
[[nodiscard]] std::span<const ScreenEntry> Screens();
[[nodiscard]] const ScreenEntry* FindScreen(appmodel::Screen id);
// The screen `--screen NAME` shows; nullptr for an unknown name.
[[nodiscard]] const ScreenEntry* FindScreen(const std::string& name);

}  // namespace safehold::gui
