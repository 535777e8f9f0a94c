// --version on both programs (no vault, no window), `help [COMMAND]`, and a
// group given without its subcommand: its subcommands in the one error line
// and exit 2, not CLI11's "A subcommand is required".
#include <catch2/catch_test_macros.hpp>

#include <regex>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

using namespace safehold::test;

namespace {

// No vault anywhere and no display: --version must need neither.
const std::vector<std::string> kNothing = {"HOME=/nonexistent", "XDG_DATA_HOME=/nonexistent", "DISPLAY=",
                                           "WAYLAND_DISPLAY="};

std::string commit_of(const std::string& version_line) {
  std::smatch m;
  static const std::regex line(R"(^safehold(-cli)? [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{40}|unknown)\)\n$)");
  return std::regex_match(version_line, m, line) ? m[2].str() : std::string("no match: ") + version_line;
}

}  // namespace

TEST_CASE("cli: --version prints the version and the commit, before any command", "[cli][help]") {
  const auto r = run_cli({"--version"}, {}, kNothing);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto commit = commit_of(r.out);
  CHECK(commit.rfind("no match", 0) != 0);
  // Global options before it do not matter; the commit is fixed at configure time.
  CHECK(run_cli({"--vault", "/nonexistent", "--version"}, {}, kNothing).out == r.out);
}

#ifdef SAFEHOLD_GUI_PATH
TEST_CASE("gui: safehold --version answers without opening a window", "[cli][help][gui]") {
  const auto cli = run_cli({"--version"}, {}, kNothing);
  Child gui({SAFEHOLD_GUI_PATH, "--version"}, kNothing);  // no DISPLAY: a window would fail
  const auto r = gui.wait();
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("safehold ", 0) == 0);
  CHECK(commit_of(r.out) == commit_of(cli.out));  // one commit for both programs
}
#endif

TEST_CASE("cli: help [COMMAND [SUBCOMMAND]] prints that command's --help", "[cli][help]") {
  const auto top = run_cli({"help"}, {}, kNothing);
  CHECK(top.exit_code == 0);
  CHECK(top.out == run_cli({"--help"}).out);
  const auto group = run_cli({"help", "case"}, {}, kNothing);
  CHECK(group.exit_code == 0);
  CHECK(group.out == run_cli({"case", "--help"}).out);
  const auto leaf = run_cli({"--vault", "/nonexistent", "help", "case", "list"}, {}, kNothing);
  CHECK(leaf.exit_code == 0);
  CHECK(leaf.out == run_cli({"case", "list", "--help"}).out);
  CHECK(leaf.out.find("--tactic") != std::string::npos);
  // An unknown command is a usage error naming it.
  const auto bad = run_cli({"help", "case", "frobnicate"}, {}, kNothing);
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("frobnicate") != std::string::npos);
  // `help` itself is listed in the tool's help.
  CHECK(top.out.find("help") != std::string::npos);
}

TEST_CASE("cli: a group without its subcommand lists its subcommands, exit 2", "[cli][help]") {
  for (const auto& [group, some] : std::vector<std::pair<std::string, std::string>>{
           {"case", "import-json"}, {"record", "edit"}, {"audit", "verify"}, {"contact", "remove"}}) {
    INFO("group: " << group);
    const auto r = run_cli({group}, {}, kNothing);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("A subcommand is required") == std::string::npos);
    CHECK(r.err.find(some) != std::string::npos);
    CHECK(r.err.rfind("safehold-cli: error: " + group + " needs a subcommand: ", 0) == 0);
    CHECK(r.err.find('\n') == r.err.size() - 1);  // one line, as every error
  }
  // The tool alone: its commands, exit 2.
  const auto none = run_cli({}, {}, kNothing);
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("import") != std::string::npos);
  // Still at most one subcommand: a second one is an error, not a second action.
  CHECK(run_cli({"case", "list", "show"}, {}, kNothing).exit_code == 2);
}

TEST_CASE("cli: --json means machine output on every command that prints", "[cli][help]") {
  // Every command whose result goes to stdout (docs/cli.md "Commands").
  const std::vector<std::vector<std::string>> printing = {
      {"init"},           {"check"},          {"case", "new"},       {"case", "list"},      {"case", "show"},
      {"case", "import-json"}, {"record", "add"}, {"record", "show"}, {"record", "list"},   {"consent", "record"},
      {"consent", "show"}, {"incident", "add"}, {"attachment", "add"}, {"attachment", "list"}, {"search"},
      {"audit", "show"},  {"audit", "verify"}, {"vocab", "list"},     {"identity", "show"}, {"contact", "add"},
      {"contact", "list"}, {"contact", "show"}, {"export"},          {"verify"},            {"import"},
      {"backup"},         {"backup", "verify"}, {"restore"},         {"wipe"},              {"conflict", "list"},
      {"conflict", "settle"}, {"report"},     {"stats"},             {"notice", "list"}};
  for (auto command : printing) {
    command.push_back("--help");
    INFO("command: " << command.front() << " " << (command.size() > 2 ? command[1] : ""));
    static const std::regex json_option(R"((^|\n) +--json\b)");  // the option itself, not a mention
    CHECK(std::regex_search(run_cli(command).out, json_option));
  }
  // A command that prints an id prints {"id": ...} with --json.
  CliVault v;
  const auto plain = v.cli({"case", "new", "--title", "Plain"});
  REQUIRE(plain.exit_code == 0);
  const auto machine = v.cli({"case", "new", "--title", "Machine", "--json"});
  REQUIRE(machine.exit_code == 0);
  const auto id = nlohmann::json::parse(machine.out).at("id").get<std::string>();
  CHECK(id.size() == 36);
  const auto verify = nlohmann::json::parse(v.cli({"audit", "verify", "--json"}).out);
  CHECK(verify.at("intact") == true);
  CHECK(verify.at("entries").get<long>() >= 2);
}
