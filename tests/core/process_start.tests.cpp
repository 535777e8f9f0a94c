// core::start_process() as both programs call it: umask 077, not dumpable,
// no core dumps. Run in a forked child so the test runner keeps its own state.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <string>

#include "safehold/core/policy/process_start.hpp"

namespace {

// The "Umask:" line of /proc/self/status ("0077"), as the kernel sees it.
std::string umask_in_proc_status() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Umask:", 0) == 0) return line.substr(line.find_first_not_of(" \t", 6));
  }
  return {};
}

// Exit status bits: 1 start failed, 2 umask, 4 dumpable, 8 core limit.
int child_checks() {
  ::umask(022);
  ::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
  int bad = 0;
  if (!safehold::core::start_process()) bad |= 1;
  if (umask_in_proc_status() != "0077") bad |= 2;
  if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) bad |= 4;
  rlimit core{};
  if (::getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0) bad |= 8;
  return bad;
}

}  // namespace

TEST_CASE("process start: umask 077, not dumpable, no core dumps", "[core][policy]") {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(child_checks());
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
