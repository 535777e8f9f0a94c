#include "safehold/base/process_hardening.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace safehold::base {

bool harden_process() noexcept {
  const rlimit no_core{0, 0};
  bool ok = ::setrlimit(RLIMIT_CORE, &no_core) == 0;
  ok = (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0) && ok;
  ::umask(077);
  return ok;
}

}  // namespace safehold::base
