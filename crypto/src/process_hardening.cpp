#include "safehold/crypto/process_hardening.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "safehold/crypto/secret.hpp"

namespace safehold::crypto {

bool harden_process() noexcept {
  bool ok = sodium_ready();
  const rlimit no_core{0, 0};
  ok = (::setrlimit(RLIMIT_CORE, &no_core) == 0) && ok;
  ok = (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0) && ok;
  ::umask(077);
  return ok;
}

}  // namespace safehold::crypto
