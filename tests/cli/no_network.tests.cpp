// safehold-cli never opens a network connection: a full scripted session
// runs under strace, which records every socket() and connect(); no AF_INET
// or AF_INET6 socket may appear.
#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <sstream>

#include "cli_fixture.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

std::string find_strace() {
  for (const char* p : {"/usr/bin/strace", "/bin/strace"}) {
    if (fs::exists(p)) return p;
  }
  return {};
}

}  // namespace

TEST_CASE("cli: a whole session opens no network socket", "[cli][network]") {
  const auto strace = find_strace();
  if (strace.empty()) SKIP("strace is not installed (packaging/setup-debian.sh installs it)");
  CliVault v;
  const auto log = v.dir / "strace.log";
  auto traced = [&](std::vector<std::string> args, std::string_view in = {}) {
    args = v.with_vault(args);
    args.insert(args.begin(), {strace, "-f", "-e", "trace=socket,connect", "-o", log.string(), cli_binary()});
    // LeakSanitizer cannot run under ptrace; the other tests check for leaks.
    Child child(args, {"ASAN_OPTIONS=detect_leaks=0"});
    if (!in.empty()) child.write_stdin(in);
    const auto r = child.wait();
    std::ifstream f(log);
    std::stringstream trace;
    trace << f.rdbuf();
    return std::pair{r, trace.str()};
  };
  write_text(v.dir / "doc.txt", "evidence content");
  std::string case_id, attachment;
  const std::vector<std::vector<std::string>> session = {
      {"case", "new", "--title", "Network test"},
      {"consent", "record", "CASE", "--method", "oral_noted", "--scope", "all=yes"},
      {"incident", "add", "CASE", "--tactic", "F1", "--narrative", "spyware on the phone"},
      {"attachment", "add", "CASE", (v.dir / "doc.txt").string()},
      {"attachment", "get", "ATTACHMENT", "-o", (v.dir / "out.txt").string()},
      {"search", "spyware"},
      {"case", "list", "--json"},
      {"audit", "verify"},
      {"check"},
      {"vocab", "list", "tactic", "--lang", "zh-Hant"},
  };
  std::size_t socket_calls = 0;
  for (auto args : session) {
    for (auto& a : args) {
      if (a == "CASE") a = case_id;
      if (a == "ATTACHMENT") a = attachment;
    }
    const auto [r, trace] = traced(args);
    INFO("command: " << args[0] << " stderr: " << r.err << "\ntrace:\n" << trace);
    REQUIRE(r.exit_code == 0);
    CHECK(trace.find("AF_INET") == std::string::npos);  // also matches AF_INET6
    CHECK(trace.find("exited with") != std::string::npos);  // strace really traced it
    std::size_t pos = 0;
    while ((pos = trace.find("socket(", pos)) != std::string::npos) ++socket_calls, ++pos;
    if (args[0] == "case" && args[1] == "new") case_id = first_line(r.out);
    if (args[0] == "attachment" && args[1] == "add") attachment = first_line(r.out);
  }
  CHECK(socket_calls == 0);
  CHECK(read_file(v.dir / "out.txt") == read_file(v.dir / "doc.txt"));
}
