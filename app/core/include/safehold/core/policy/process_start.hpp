#pragma once
// What safehold and safehold-cli do first thing, before any argument is
// parsed or any file opened.

namespace safehold::core {

// base::harden_process() (umask 077, not dumpable, no core dumps) and
// crypto::sodium_ready(), then SQLCipher's process-wide log switched off so a damaged vault
// gives the program's own one-line error and nothing on stderr.
// Returns false if a protection could not be applied: the caller refuses to run.
[[nodiscard]] bool start_process() noexcept;

}  // namespace safehold::core
