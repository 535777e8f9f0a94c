#pragma once
// Command-line options of the `safehold` binary.
#include <optional>
#include <string>
#include <vector>

#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct Options {
  bool help = false;
  bool version = false;       // print the version and commit, open no window
  bool demo = false;
  std::string vault;          // vault folder; default: core::default_vault_folder()
  std::string screen;         // --demo only: screen to show once unlocked (screenshots)
  int exit_after_frames = 0;  // 0 = run until closed (for the Xvfb smoke test)
  std::string error;          // non-empty: print it with the usage, exit 2
};

Options ParseOptions(const std::vector<std::string>& args);
const char* Usage();
// "cases", "intake", ... as in --screen; unknown names give the case list.
appmodel::Screen ScreenFromName(const std::string& name);

}  // namespace safehold::gui
