// The one table of screens (app/gui/src/screens.hpp): every screen of the
// unlocked app has exactly one entry, and every `--screen` name shows one
// screen, the one the entry says.
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>
#include <string_view>

#include "command_line.hpp"
#include "screens.hpp"

using namespace safehold;
using appmodel::Screen;

TEST_CASE("Screen table: one entry per screen, each --screen name opens its entry's screen", "[gui][screens]") {
  for (const Screen id : {Screen::cases, Screen::intake, Screen::case_view, Screen::contacts, Screen::exchange,
                          Screen::audit, Screen::settings, Screen::statistics}) {
    INFO("screen " << static_cast<int>(id));
    const gui::ScreenEntry* entry = gui::FindScreen(id);
    REQUIRE(entry != nullptr);
    CHECK(entry->id == id);
    CHECK(entry->draw != nullptr);
  }
  CHECK(gui::FindScreen(Screen::start) == nullptr);  // drawn by the shell while locked

  std::set<std::string_view> names;
  for (const auto& entry : gui::Screens()) {
    for (const std::string_view name : entry.names) {
      if (name.empty()) continue;
      INFO("--screen " << name);
      CHECK(names.insert(name).second);
      CHECK(gui::ScreenFromName(std::string(name)) == entry.id);
      const std::string usage = gui::Usage();
      const std::string word(name);
      CHECK((usage.find(" " + word + ",") != std::string::npos || usage.find(" " + word + ")") != std::string::npos ||
             usage.find("(" + word + ",") != std::string::npos));
    }
  }
  // The names the docs, screenshots and Xvfb scripts use.
  CHECK(gui::ScreenFromName("export") == Screen::exchange);
  CHECK(gui::ScreenFromName("case-add") == Screen::case_view);
  CHECK(gui::ScreenFromName("wipe") == Screen::settings);
  CHECK(gui::ScreenFromName("no such screen") == Screen::cases);
}
