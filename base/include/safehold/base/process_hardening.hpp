#pragma once
// Process-wide protections applied first thing by safehold and safehold-cli
// (through core::start_process, which also initialises libsodium).

namespace safehold::base {

// - No core dumps (RLIMIT_CORE = 0, PR_SET_DUMPABLE = 0): a crash must not
//   write decrypted testimony or keys to disk, and other processes of the same
//   user cannot ptrace-attach or read /proc/<pid>/mem.
// - umask 077: every file and folder the process creates is private.
// Returns false if any step failed (the caller should refuse to continue).
[[nodiscard]] bool harden_process() noexcept;

}  // namespace safehold::base
