#include <catch2/catch_test_macros.hpp>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "safehold/base/process_hardening.hpp"

TEST_CASE("process hardening disables core dumps and ptrace and sets umask 077", "[base][process]") {
  ::umask(022);
  REQUIRE(safehold::base::harden_process());
  rlimit lim{};
  REQUIRE(::getrlimit(RLIMIT_CORE, &lim) == 0);
  REQUIRE(lim.rlim_cur == 0);
  REQUIRE(lim.rlim_max == 0);
  REQUIRE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
  const mode_t mask = ::umask(077);
  REQUIRE(mask == 077);
}
