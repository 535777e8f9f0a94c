#include "help_command.hpp"

#include <cstdio>
#include <string_view>

namespace safehold::cli {
namespace {

void allow_one_optional_subcommand(CLI::App& app) {
  auto subs = app.get_subcommands({});
  if (!subs.empty()) app.require_subcommand(0, 1);
  for (auto* sub : subs) allow_one_optional_subcommand(*sub);
}

// Global options that take a value (main.cpp): their value is not a command.
bool takes_value(std::string_view arg) {
  return arg == "--vault" || arg == "--passphrase-file" || arg == "--new-passphrase-file";
}

std::string path_of(const CLI::App* app) {
  std::string path;
  for (; app != nullptr && app->get_parent() != nullptr; app = app->get_parent()) {
    path = app->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

// The help text as `COMMAND --help` prints it: CLI11 starts the usage line
// with the names of the command's parents ("safehold-cli case list").
std::string help_of(const CLI::App* app) {
  std::string parents;
  for (const auto* up = app->get_parent(); up != nullptr; up = up->get_parent()) {
    parents = up->get_name() + (parents.empty() ? "" : " " + parents);
  }
  return app->help(parents);
}

}  // namespace

CLI::App* subcommand_named(CLI::App& app, const std::string& name) {
  for (auto* sub : app.get_subcommands({})) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

void add_help_command(CLI::App& app) {
  auto* help = app.add_subcommand("help", "Show the help of the tool or of a command: help [COMMAND [SUBCOMMAND]]");
  help->allow_extras();  // answered by help_topic() before parsing; listed here for --help
  allow_one_optional_subcommand(app);
}

std::optional<std::vector<std::string>> help_topic(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (takes_value(arg)) {
      ++i;
      continue;
    }
    if (!arg.empty() && arg.front() == '-') continue;
    if (arg != "help") return std::nullopt;
    std::vector<std::string> topic;
    for (int j = i + 1; j < argc; ++j) {
      if (argv[j][0] != '-') topic.emplace_back(argv[j]);
    }
    return topic;
  }
  return std::nullopt;
}

int print_help(CLI::App& app, const std::vector<std::string>& topic) {
  CLI::App* at = &app;
  for (const auto& word : topic) {
    auto* next = subcommand_named(*at, word);
    if (next == nullptr) {
      const auto where = path_of(at);
      std::fprintf(stderr, "safehold-cli: error: help: %s has no command %s (see safehold-cli help%s)\n",
                   where.empty() ? "safehold-cli" : where.c_str(), word.c_str(),
                   where.empty() ? "" : (" " + where).c_str());
      return 2;
    }
    at = next;
  }
  std::fputs(help_of(at).c_str(), stdout);
  return 0;
}

std::string group_without_subcommand(CLI::App& app) {
  CLI::App* at = &app;
  for (auto chosen = at->get_subcommands(); !chosen.empty(); chosen = at->get_subcommands()) at = chosen.front();
  std::string names;
  for (const auto* sub : at->get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
  const auto where = path_of(at);
  if (where.empty()) return "no command given; commands: " + names;
  return where + " needs a subcommand: " + names;
}

}  // namespace safehold::cli
