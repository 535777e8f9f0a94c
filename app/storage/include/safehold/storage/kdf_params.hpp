#pragma once
// Argon2id cost parameters for turning the passphrase into the key that wraps
// the vault master key. They are recorded in vault.key, so unlocking always
// uses what the vault was created (or last re-keyed) with.
#include <cstdint>

namespace safehold::storage {

struct KdfParams {
  std::uint64_t opslimit = 0;  // Argon2id passes
  std::uint64_t memlimit = 0;  // bytes

  // What safehold-cli and the desktop app use: libsodium's MODERATE
  // (3 passes, 256 MiB; about 1 s on a 2-core laptop).
  static KdfParams interactive() noexcept;
  // A stronger preset: libsodium's SENSITIVE (4 passes, 1 GiB).
  static KdfParams strong() noexcept;
  // libsodium's minimum (1 pass, 8 KiB). Only for tests: a vault created with
  // it is as weak as its passphrase. The CLI and GUI never offer it.
  static KdfParams insecure_for_tests() noexcept;

  // Inside [libsodium minimum, kMax*]. The caps bound what a hostile key file
  // can make unlock spend (memory and time).
  bool acceptable() const noexcept;

  friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

inline constexpr std::uint64_t kMaxKdfOpslimit = 10;
inline constexpr std::uint64_t kMaxKdfMemlimit = 1ULL << 30;  // 1 GiB (= strong())

}  // namespace safehold::storage
