// --help works for every command and group (exit 0, usage on stdout, no
// vault needed), and every group's help lists its commands.
#include <catch2/catch_test_macros.hpp>

#include <map>

#include "cli_fixture.hpp"

using namespace safehold::test;

namespace {

// Every group and its commands (docs/cli.md); leaf commands without a group
// have no entries.
const std::map<std::string, std::vector<std::string>> kCommands = {
    {"init", {}},
    {"passwd", {}},
    {"check", {}},
    {"search", {}},
    {"case", {"new", "list", "show", "edit", "delete", "import-json"}},
    {"record", {"add", "show", "edit", "delete", "list"}},
    {"consent", {"record", "show", "withdraw"}},
    {"incident", {"add", "list", "show", "edit", "delete"}},
    {"person", {"add", "list", "show", "edit", "delete"}},
    {"session", {"add", "list", "show", "edit", "delete"}},
    {"legal-measure", {"add", "list", "show", "edit", "delete"}},
    {"attachment", {"add", "get", "list", "delete"}},
    {"audit", {"show", "verify"}},
    {"vocab", {"list"}},
    {"identity", {"show", "export-card", "export-age-key"}},
    {"contact", {"add", "list", "show", "edit", "verify", "remove"}},
    {"export", {}},
    {"verify", {}},
    {"import", {}},
    {"backup", {"verify"}},
    {"restore", {}},
    {"wipe", {}},
    {"report", {}},
    {"data", {"export"}},
    {"stats", {}},
    {"notice", {"list"}},
    {"schema", {"entities", "fields"}},
    {"custody", {"show"}},
    {"help", {}},
};

void check_help(const std::vector<std::string>& command) {
  std::string shown;
  for (const auto& c : command) shown += c + " ";
  INFO("command: " << shown);
  auto args = command;
  args.push_back("--help");
  // No vault anywhere: help must not need one.
  const auto r = run_cli(args, {}, {"HOME=/nonexistent", "XDG_DATA_HOME=/nonexistent"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Usage:") != std::string::npos);
  CHECK(r.out.find("--help") != std::string::npos);
  CHECK(r.err.empty());
}

}  // namespace

TEST_CASE("cli: --help for the tool, every group and every command", "[cli][help]") {
  check_help({});
  const auto top = run_cli({"--help"});
  for (const auto& [group, commands] : kCommands) {
    CHECK(top.out.find(group) != std::string::npos);
    check_help({group});
    const auto group_help = run_cli({group, "--help"});
    for (const auto& command : commands) {
      CHECK(group_help.out.find(command) != std::string::npos);
      check_help({group, command});
    }
  }
  // -h too, and help ends parsing even with other options present.
  CHECK(run_cli({"case", "new", "-h"}).exit_code == 0);
  CHECK(run_cli({"--vault", "/nonexistent", "attachment", "get", "--help"}).exit_code == 0);
}

TEST_CASE("cli: --help-all documents every command in one page", "[cli][help]") {
  const auto r = run_cli({"--help-all"});
  CHECK(r.exit_code == 0);
  for (const auto& [group, commands] : kCommands) {
    for (const auto& command : commands) CHECK(r.out.find(command) != std::string::npos);
  }
}
