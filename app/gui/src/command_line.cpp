#include "command_line.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

#include "screens.hpp"

namespace safehold::gui {

namespace {

// The screen names of `--screen` (screens.hpp), wrapped under the option's
// column.
std::string ScreenNamesWrapped() {
  constexpr std::size_t kWidth = 80;
  const std::string indent(26, ' ');
  std::string out = indent + "open (";
  std::size_t line = out.size();
  bool line_empty = true;
  for (const auto& s : Screens()) {
    for (const auto& name : s.names) {
      if (name.empty()) continue;
      const std::string word = std::string(name) + ",";
      if (!line_empty && line + 1 + word.size() > kWidth) {
        out += "\n" + indent;
        line = indent.size();
        line_empty = true;
      }
      if (!line_empty) {
        out += ' ';
        ++line;
      }
      out += word;
      line += word.size();
      line_empty = false;
    }
  }
  out.back() = ')';
  return out + "\n";
}

}  // namespace

const char* Usage() {
  static const std::string text =
      "Usage: safehold [--vault FOLDER] [--demo] [--exit-after-frames N] [--help] [--version]\n"
      "\n"
      "  --vault FOLDER          vault folder to unlock or create\n"
      "                          (default: $SAFEHOLD_VAULT, else $XDG_DATA_HOME/safehold/vault)\n"
      "  --demo                  open a throw-away vault with fictional sample cases,\n"
      "                          in a private temporary folder deleted on exit\n"
      "  --screen NAME           with --demo: show this screen once the demo vault is\n" +
      ScreenNamesWrapped() +
      "  --exit-after-frames N   quit after N frames (tests and screenshots)\n"
      "  --help                  show this help\n"
      "  --version               print the version and the git commit it was built from\n";
  return text.c_str();
}

Options ParseOptions(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        o.error = a + " needs a value";
        return false;
      }
      out = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--version") {
      o.version = true;
    } else if (a == "--demo") {
      o.demo = true;
    } else if (a == "--vault") {
      if (!value(o.vault)) return o;
    } else if (a == "--screen") {
      if (!value(o.screen)) return o;
    } else if (a == "--exit-after-frames") {
      std::string n;
      if (!value(n)) return o;
      auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), o.exit_after_frames);
      if (ec != std::errc() || p != n.data() + n.size() || o.exit_after_frames < 1) {
        o.error = "--exit-after-frames needs a positive number";
        return o;
      }
    } else {
      o.error = "unknown option: " + a;
      return o;
    }
  }
  if (o.demo && !o.vault.empty()) o.error = "--demo and --vault cannot be combined";
  if (!o.screen.empty() && !o.demo) o.error = "--screen needs --demo";
  return o;
}

appmodel::Screen ScreenFromName(const std::string& name) {
  const ScreenEntry* s = FindScreen(name);
  return s != nullptr ? s->id : appmodel::Screen::cases;
}

}  // namespace safehold::gui
