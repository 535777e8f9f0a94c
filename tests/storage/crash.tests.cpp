// Crash safety: a child process writes to the vault and is killed with
// SIGKILL at random moments. Afterwards the vault opens, the database and the
// audit chain check clean, and everything the child reported committed is
// there. The same for attachment imports (no orphan files either).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>

#include <catch2/catch_test_macros.hpp>

#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Runs the writer, kills it `delay` after start (or, with `after_first_write`,
// after its first commit), and returns the ids it printed (complete lines
// only: each was printed after its commit).
std::vector<std::string> run_and_kill(const fs::path& folder, const char* mode, std::chrono::milliseconds delay,
                                      bool after_first_write) {
  int out[2];
  REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::execl(SAFEHOLD_CRASH_WRITER, SAFEHOLD_CRASH_WRITER, folder.c_str(), mode, static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string data;
  // Waiting for the first write is bounded too: a writer that never writes fails below.
  auto deadline = Clock::now() + (after_first_write ? std::chrono::milliseconds(30000) : delay);
  bool killed = false;
  char buf[4096];
  for (;;) {
    if (after_first_write && data.find('\n') != std::string::npos) {
      deadline = Clock::now() + delay;
      after_first_write = false;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (!killed && left <= 0) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
    pollfd p{out[0], POLLIN, 0};
    ::poll(&p, 1, killed ? 1000 : static_cast<int>(std::max<long>(left, 0)));
    if (p.revents == 0) continue;
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;  // EOF: the child is gone and everything it wrote is read
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  INFO("writer exit status " << status);
  REQUIRE(WIFSIGNALED(status));  // it must not have stopped on an error of its own
  std::vector<std::string> ids;
  for (std::size_t pos = 0, nl; (nl = data.find('\n', pos)) != std::string::npos; pos = nl + 1) {
    ids.push_back(data.substr(pos, nl - pos));
  }
  return ids;
}

Vault open_and_check(const fs::path& folder) {
  auto v = Vault::unlock(folder, pass("correct horse"));
  if (!v) FAIL("unlock after kill: " << v.error().describe());
  auto report = v->check_integrity();
  REQUIRE(report);
  CHECK(report->database_ok);
  CHECK(report->audit.intact);
  CHECK(report->missing_attachments.empty());
  return std::move(*v);
}

}  // namespace

TEST_CASE("crash safety: killed while writing cases, 50 times", "[crash][slow]") {
  VaultFixture f;
  f.vault.lock();
  std::mt19937 rng(std::random_device{}());
  std::vector<std::string> committed;
  for (int round = 0; round < 50; ++round) {
    // Every fifth kill may land anywhere, start-up and unlock included.
    const bool anywhere = round % 5 == 0;
    const auto delay = std::chrono::milliseconds(rng() % 200);
    auto ids = run_and_kill(f.folder, "cases", delay, !anywhere);
    if (!anywhere) CHECK_FALSE(ids.empty());
    committed.insert(committed.end(), ids.begin(), ids.end());
    Vault v = open_and_check(f.folder);
    for (const auto& id : ids) CHECK(v.records().get(id).has_value());
    CHECK(v.cases().count({}).value() >= committed.size());
  }
  Vault v = open_and_check(f.folder);
  for (const auto& id : committed) {
    INFO(id);
    REQUIRE(v.records().get(id).has_value());
    CHECK(v.cases().get(id)->consent == ConsentState::given);
  }
  CHECK(committed.size() >= 40);
}

TEST_CASE("crash safety: killed while importing attachments", "[crash][slow][attachments]") {
  VaultFixture f;
  f.vault.lock();
  std::mt19937 rng(std::random_device{}());
  std::vector<std::string> committed;
  for (int round = 0; round < 20; ++round) {
    const auto delay = std::chrono::milliseconds(rng() % 300);
    auto ids = run_and_kill(f.folder, "attachments", delay, round % 4 != 0);
    committed.insert(committed.end(), ids.begin(), ids.end());
    Vault v = open_and_check(f.folder);
    // After the unlock clean-up, every file belongs to a key row and vice versa.
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(f.folder / "attachments")) {
      CHECK(e.path().filename().string().size() == 32);
      ++files;
    }
    std::size_t rows = 0;
    const auto evidence = v.records().list_entity("evidence_item").value();
    for (const auto& ev : evidence) {
      if (v.attachments().for_evidence(ev.id).value().has_value()) ++rows;
    }
    CHECK(files == rows);
    for (const auto& id : ids) {
      auto reader = v.attachments().get(id);
      REQUIRE(reader);
      std::vector<std::uint8_t> buf(1 << 16);
      std::uint64_t total = 0;
      for (;;) {
        auto n = (*reader)->read(buf);
        REQUIRE(n);  // reading to the end verifies every chunk and the SHA-256
        if (*n == 0) break;
        total += *n;
      }
      CHECK(total == (3u << 20));
    }
  }
  CHECK_FALSE(committed.empty());
}
