#include "safehold/appmodel/passphrase_strength.hpp"

#include <zxcvbn.h>

namespace safehold::appmodel {

const char* PassphraseStrength::label_key() const noexcept {
  static constexpr const char* kKeys[] = {"strength.0", "strength.1", "strength.2", "strength.3",
                                          "strength.4"};
  return kKeys[score < 0 ? 0 : score > 4 ? 4 : score];
}

PassphraseStrength estimate_strength(std::string_view passphrase) noexcept {
  PassphraseStrength s;
  if (passphrase.empty()) return s;
  s.bits = ZxcvbnMatch(passphrase.data(), nullptr, nullptr);
  // Thresholds in bits of guessing work before Argon2id's slowdown.
  s.score = s.bits < 28 ? 0 : s.bits < 40 ? 1 : s.bits < 55 ? 2 : s.bits < 70 ? 3 : 4;
  return s;
}

}  // namespace safehold::appmodel
