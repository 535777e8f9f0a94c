// Fuzzes the minisign secret key file parser and both ways of opening it.
// Decryption is capped at libsodium's minimum scrypt cost so that each run
// stays fast; a key that opens must sign something its public key verifies.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/crypto/minisign_secret_key.hpp"

namespace ms = safehold::crypto::minisign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto file = ms::SecretKeyFile::parse(text);
  if (!file) return 0;
  auto key = file->encrypted()
                 ? file->decrypt(safehold::crypto::SecretBuffer::copy_of(std::string_view("fuzz")),
                                 ms::kMinScryptCost)
                 : file->open_unencrypted();
  if (!key) return 0;
  const ms::Prehash hash{};
  auto sig = ms::sign_prehashed(*key, hash, "fuzz");
  if (!sig) std::abort();
  auto tc = ms::verify_prehashed(key->public_key(), *sig, hash);
  if (!tc || *tc != "fuzz") std::abort();
  return 0;
}
