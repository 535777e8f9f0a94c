#include "safehold/storage/key_file.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace safehold::storage {
namespace {

constexpr std::uint8_t kMagic[8] = {'S', 'H', 'V', 'A', 'U', 'L', 'T', 0x1a};
constexpr std::uint16_t kVersion = 1;
constexpr std::uint8_t kAlgArgon2id13 = 1;
constexpr std::size_t kKekSize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

static_assert(crypto_pwhash_argon2id_SALTBYTES == 16);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24);
static_assert(crypto_aead_xchacha20poly1305_ietf_ABYTES == 16);

std::uint64_t load_be64(const std::uint8_t* p) noexcept {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = v << 8 | p[i];
  return v;
}

void store_be64(std::uint8_t* p, std::uint64_t v) noexcept {
  for (int i = 7; i >= 0; --i) {
    p[i] = static_cast<std::uint8_t>(v);
    v >>= 8;
  }
}

expected<crypto::SecretBuffer, StorageError> derive_kek(const crypto::SecretBuffer& passphrase,
                                                        std::span<const std::uint8_t, 16> salt,
                                                        const KdfParams& kdf) {
  if (!kdf.acceptable()) return unexpected(make_error(VaultError::kdf_params_invalid));
  if (!crypto::sodium_ready()) return unexpected(make_error(VaultError::internal, "libsodium"));
  crypto::SecretBuffer kek(kKekSize);
  // An empty passphrase is hashed like any other: refusing weak passphrases is
  // the caller's policy (the GUI shows strength), not the format's.
  const char* pw = passphrase.empty() ? "" : reinterpret_cast<const char*>(passphrase.data());
  if (crypto_pwhash(kek.data(), kek.size(), pw, passphrase.size(), salt.data(),
                    static_cast<unsigned long long>(kdf.opslimit),
                    static_cast<std::size_t>(kdf.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return unexpected(make_error(VaultError::out_of_memory));
  }
  return kek;
}

}  // namespace

const char* describe(KeyFileError e) noexcept {
  switch (e) {
    case KeyFileError::wrong_size: return "key file has the wrong size";
    case KeyFileError::bad_magic: return "not a Safehold key file";
    case KeyFileError::unsupported_version: return "unsupported key file version";
    case KeyFileError::unsupported_algorithm: return "unsupported key derivation algorithm";
    case KeyFileError::nonzero_reserved: return "reserved key file byte is not zero";
    case KeyFileError::kdf_params_out_of_range: return "key derivation parameters out of range";
  }
  return "malformed key file";
}

expected<KeyFile, KeyFileError> parse_key_file(std::span<const std::uint8_t> b) {
  if (b.size() != kKeyFileSize) return unexpected(KeyFileError::wrong_size);
  if (std::memcmp(b.data(), kMagic, sizeof kMagic) != 0) return unexpected(KeyFileError::bad_magic);
  if ((b[8] << 8 | b[9]) != kVersion) return unexpected(KeyFileError::unsupported_version);
  if (b[10] != kAlgArgon2id13) return unexpected(KeyFileError::unsupported_algorithm);
  if (b[11] != 0) return unexpected(KeyFileError::nonzero_reserved);
  KeyFile k;
  std::copy_n(b.data() + 12, 16, k.vault_id.begin());
  std::copy_n(b.data() + 28, 16, k.salt.begin());
  k.kdf.opslimit = load_be64(b.data() + 44);
  k.kdf.memlimit = load_be64(b.data() + 52);
  if (!k.kdf.acceptable()) return unexpected(KeyFileError::kdf_params_out_of_range);
  std::copy_n(b.data() + 60, 24, k.nonce.begin());
  std::copy_n(b.data() + 84, 48, k.wrapped_master_key.begin());
  return k;
}

std::array<std::uint8_t, kKeyFileSize> serialize_key_file(const KeyFile& k) {
  std::array<std::uint8_t, kKeyFileSize> out{};
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  out[8] = static_cast<std::uint8_t>(kVersion >> 8);
  out[9] = static_cast<std::uint8_t>(kVersion & 0xff);
  out[10] = kAlgArgon2id13;
  out[11] = 0;
  std::copy(k.vault_id.begin(), k.vault_id.end(), out.begin() + 12);
  std::copy(k.salt.begin(), k.salt.end(), out.begin() + 28);
  store_be64(out.data() + 44, k.kdf.opslimit);
  store_be64(out.data() + 52, k.kdf.memlimit);
  std::copy(k.nonce.begin(), k.nonce.end(), out.begin() + 60);
  std::copy(k.wrapped_master_key.begin(), k.wrapped_master_key.end(), out.begin() + 84);
  return out;
}

expected<KeyFile, StorageError> wrap_master_key(const crypto::SecretBuffer& master_key,
                                                const crypto::SecretBuffer& passphrase,
                                                const KdfParams& kdf,
                                                const std::array<std::uint8_t, kVaultIdSize>& vault_id) {
  if (master_key.size() != kMasterKeySize) {
    return unexpected(make_error(VaultError::internal, "master key size"));
  }
  KeyFile k;
  k.vault_id = vault_id;
  k.kdf = kdf;
  crypto::fill_random(k.salt);
  crypto::fill_random(k.nonce);
  auto kek = derive_kek(passphrase, k.salt, kdf);
  if (!kek) return unexpected(kek.error());
  const auto header = serialize_key_file(k);  // the AAD does not depend on the ciphertext
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(k.wrapped_master_key.data(), &len, master_key.data(),
                                             master_key.size(), header.data(), kKeyFileHeaderSize,
                                             nullptr, k.nonce.data(), kek->data());
  return k;
}

expected<crypto::SecretBuffer, StorageError> unwrap_master_key(
    const KeyFile& k, const crypto::SecretBuffer& passphrase) {
  auto kek = derive_kek(passphrase, k.salt, k.kdf);
  if (!kek) return unexpected(kek.error());
  const auto header = serialize_key_file(k);
  crypto::SecretBuffer master(kMasterKeySize);
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          master.data(), &len, nullptr, k.wrapped_master_key.data(), k.wrapped_master_key.size(),
          header.data(), kKeyFileHeaderSize, k.nonce.data(), kek->data()) != 0) {
    return unexpected(make_error(VaultError::wrong_passphrase));
  }
  return master;
}

}  // namespace safehold::storage
