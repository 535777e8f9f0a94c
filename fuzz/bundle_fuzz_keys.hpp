#pragma once
// Fixed keys shared by the bundle fuzzers and their seed writer, so that the
// seed bundles verify inside the fuzzer and mutations explore past the
// signature check. Test keys only: derived from constant seeds.
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <string>

#include "safehold/crypto/age/x25519.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::fuzz {

struct BundleFuzzKeys {
  crypto::minisign::SecretKey signer;
  std::string own_recipient;
};

inline BundleFuzzKeys bundle_fuzz_keys() {
  if (!crypto::sodium_ready()) std::abort();
  std::array<std::uint8_t, 32> seed{};
  seed.fill(0x42);
  std::array<std::uint8_t, 32> pk{};
  std::array<std::uint8_t, 64> sk{};
  crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
  const crypto::minisign::KeyId id = {1, 2, 3, 4, 5, 6, 7, 8};
  auto signer = crypto::minisign::SecretKey::from_bytes(id, sk);
  if (!signer) std::abort();
  std::array<std::uint8_t, 32> recipient_key{};
  recipient_key.fill(0x11);
  const age::X25519Recipient recipient{std::span<const std::uint8_t, 32>(recipient_key)};
  return {std::move(*signer), recipient.encode()};
}

}  // namespace safehold::fuzz
