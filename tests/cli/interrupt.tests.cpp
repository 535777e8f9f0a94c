// Ctrl-C during `attachment add` leaves nothing behind: no evidence record,
// no attachment file, no temporary, exit code 130. The content comes from a
// pipe that the test keeps feeding, so the interrupt always lands mid-import.
#include <catch2/catch_test_macros.hpp>

#include <signal.h>

#include <chrono>
#include <thread>

#include "cli_fixture.hpp"

using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

// AtomicFileWriter temporaries are named ".<name>.tmp-<hex>".
std::size_t temporaries(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("cli: Ctrl-C during attachment add keeps nothing", "[cli][interrupt]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const auto audit_before = v.cli({"audit", "show"}).out;

  for (int sig : {SIGINT, SIGTERM}) {
    INFO("signal " << sig);
    std::vector<std::string> argv{cli_binary()};
    for (const auto& a : v.with_vault({"attachment", "add", case_id, "-"})) argv.push_back(a);
    Child child(argv, {});
    const std::string chunk(256 * 1024, 'x');
    // Feed 4 MiB (the CLI is then surely importing), interrupt, keep feeding
    // until the CLI stops reading.
    for (int i = 0; i < 16; ++i) REQUIRE(child.write_stdin(chunk));
    child.signal(sig);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (child.write_stdin(chunk) && std::chrono::steady_clock::now() < deadline) {
    }
    const auto r = child.wait();
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 130);
    CHECK(r.out.empty());  // no attachment id printed
  }
  CHECK(temporaries(v.folder) == 0);
  CHECK(fs::is_empty(v.folder / "attachments"));
  CHECK(v.cli({"record", "list", "--case", case_id, "--entity", "evidence_item"}).out.empty());
  CHECK(v.cli({"audit", "show"}).out == audit_before);
  CHECK(v.cli({"check"}).exit_code == 0);
}
