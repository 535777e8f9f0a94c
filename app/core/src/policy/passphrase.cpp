#include "safehold/core/policy/passphrase.hpp"

#include <zxcvbn.h>

#include <algorithm>

namespace safehold::core {

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

NewPassphraseProblem check_new_passphrase(std::string_view passphrase) noexcept {
  if (passphrase.empty()) return NewPassphraseProblem::empty;
  if (passphrase.size() > kMaxPassphraseBytes) return NewPassphraseProblem::too_long;
  if (!estimate_strength(passphrase).acceptable()) return NewPassphraseProblem::too_weak;
  return NewPassphraseProblem::none;
}

NewPassphraseProblem check_new_passphrase(const crypto::SecretBuffer& passphrase) {
  if (passphrase.size() > kMaxPassphraseBytes) return NewPassphraseProblem::too_long;
  crypto::SecretBuffer terminated(passphrase.size() + 1);
  std::copy(passphrase.data(), passphrase.data() + passphrase.size(), terminated.data());
  terminated.data()[passphrase.size()] = 0;
  return check_new_passphrase(std::string_view(reinterpret_cast<const char*>(terminated.data()), passphrase.size()));
}

const char* describe(NewPassphraseProblem problem) noexcept {
  switch (problem) {
    case NewPassphraseProblem::none: return "";
    case NewPassphraseProblem::empty: return "the passphrase is empty";
    case NewPassphraseProblem::too_long: return "the passphrase is longer than 1024 bytes";
    case NewPassphraseProblem::too_weak:
      return "the new passphrase is too easy to guess: use four or more unrelated words";
  }
  return "";
}

storage::KdfParams kdf_params(KdfPreset preset) noexcept {
  return preset == KdfPreset::strong ? storage::KdfParams::strong() : storage::KdfParams::interactive();
}

}  // namespace safehold::core
