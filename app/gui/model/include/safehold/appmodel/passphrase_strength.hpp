#pragma once
// Passphrase strength for the create/change-passphrase forms (libzxcvbn).
#include <string_view>

namespace safehold::appmodel {

struct PassphraseStrength {
  double bits = 0;   // zxcvbn's entropy estimate
  int score = 0;     // 0 very weak … 4 strong
  // i18n key of the label ("strength.0" … "strength.4").
  [[nodiscard]] const char* label_key() const noexcept;
  // The create form accepts a passphrase from score 2 ("fair") up; below that
  // an offline attacker with the copied vault guesses it too quickly even
  // through Argon2id.
  [[nodiscard]] bool acceptable() const noexcept { return score >= 2; }
};

// `passphrase` must be NUL-terminated at passphrase.size() (zxcvbn is a C API);
// it is read in place and never copied into an ordinary string.
[[nodiscard]] PassphraseStrength estimate_strength(std::string_view passphrase) noexcept;

}  // namespace safehold::appmodel
