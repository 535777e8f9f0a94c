#pragma once
// The vault passphrase rules shared by safehold and safehold-cli: one length
// limit, one strength estimate (libzxcvbn), one mapping of the Argon2id
// presets the programs offer.
#include <cstddef>
#include <string_view>

#include "safehold/crypto/secret.hpp"
#include "safehold/storage/kdf_params.hpp"

namespace safehold::core {

// Longest passphrase either program accepts, in bytes (UTF-8).
inline constexpr std::size_t kMaxPassphraseBytes = 1024;

struct PassphraseStrength {
  double bits = 0;  // zxcvbn's entropy estimate
  int score = 0;    // 0 very weak … 4 strong
  // i18n key of the label ("strength.0" … "strength.4").
  [[nodiscard]] const char* label_key() const noexcept;
  // A new passphrase is accepted from score 2 ("fair") up; below that an
  // offline attacker with the copied vault guesses it too quickly even
  // through Argon2id.
  [[nodiscard]] bool acceptable() const noexcept { return score >= 2; }
};

// `passphrase` must be NUL-terminated at passphrase.size() (zxcvbn is a C API);
// it is read in place and never copied into an ordinary string.
[[nodiscard]] PassphraseStrength estimate_strength(std::string_view passphrase) noexcept;

enum class NewPassphraseProblem { none, empty, too_long, too_weak };
// For a NEW passphrase (create, change). Unlocking takes any length up to
// kMaxPassphraseBytes, so a vault keeps opening whatever the rules become.
[[nodiscard]] NewPassphraseProblem check_new_passphrase(std::string_view passphrase) noexcept;
// The same for a passphrase held exactly (no NUL after it): checked through a
// NUL-terminated copy in guarded memory.
[[nodiscard]] NewPassphraseProblem check_new_passphrase(const crypto::SecretBuffer& passphrase);
// One line for people, e.g. "the new passphrase is too weak"; "" for none.
[[nodiscard]] const char* describe(NewPassphraseProblem problem) noexcept;

// The two Argon2id costs offered to people: interactive = libsodium MODERATE
// (3 passes, 256 MiB, about 1 s), strong = SENSITIVE (4 passes, 1 GiB).
enum class KdfPreset { interactive, strong };
[[nodiscard]] storage::KdfParams kdf_params(KdfPreset preset) noexcept;

}  // namespace safehold::core
