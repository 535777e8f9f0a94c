#pragma once
// Passphrase strength for the create/change-passphrase forms: the one
// estimate both programs use (core/policy/passphrase.hpp, libzxcvbn).
#include "safehold/core/policy/passphrase.hpp"

namespace safehold::appmodel {

using core::estimate_strength;
using core::PassphraseStrength;

}  // namespace safehold::appmodel
