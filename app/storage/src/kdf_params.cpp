#include "safehold/storage/kdf_params.hpp"

#include <sodium.h>

namespace safehold::storage {

KdfParams KdfParams::interactive() noexcept {
  return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::strong() noexcept {
  return {crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE, crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE};
}

KdfParams KdfParams::insecure_for_tests() noexcept {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

bool KdfParams::acceptable() const noexcept {
  return opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN && opslimit <= kMaxKdfOpslimit &&
         memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN && memlimit <= kMaxKdfMemlimit;
}

}  // namespace safehold::storage
