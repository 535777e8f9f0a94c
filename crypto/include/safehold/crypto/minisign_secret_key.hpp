#pragma once
// minisign secret key files, as minisign 0.11 writes and reads them:
//
//   "untrusted comment: <text>\n" + b64(
//     "Ed" || kdf "Sc" (or "\0\0" = unencrypted, `minisign -W`) || "B2" ||
//     salt(32) || opslimit(8, LE) || memlimit(8, LE) ||
//     (key id(8) || secret key(64) || checksum(32)) XOR scrypt stream) + "\n"
//
// checksum = BLAKE2b-256("Ed" || key id || secret key); the stream is
// crypto_pwhash_scryptsalsa208sha256(passphrase, salt, opslimit, memlimit).
// A wrong passphrase shows as a checksum mismatch (compared in constant time).
//
// Unencrypted files come in two shapes from minisign 0.11: `-G -W` leaves
// salt, limits and checksum all zero; `-C -W` (remove a password) keeps the
// old salt and limits and a valid checksum. Both load: a zero checksum is
// accepted only with zero salt and limits, any other checksum must match.
// Either way the key pair must be consistent. We only ever write encrypted
// files.
#include <cstdint>
#include <string_view>

#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::crypto::minisign {

struct ScryptCost {
  std::uint64_t opslimit = 0;
  std::uint64_t memlimit = 0;
  friend bool operator==(const ScryptCost&, const ScryptCost&) = default;
};

// What `minisign -G` uses (libsodium's *_SENSITIVE: 1 GiB, ~2-4 s).
inline constexpr ScryptCost kMinisignScryptCost{33554432U, 1073741824U};
// libsodium's minimum (16 MiB); tests use it to stay fast.
inline constexpr ScryptCost kMinScryptCost{32768U, 16777216U};
// Default cap when loading: refuse anything costlier than minisign's own
// setting, so a hostile key file cannot demand absurd memory or time.
inline constexpr ScryptCost kDefaultScryptCap = kMinisignScryptCost;

inline constexpr std::string_view kDefaultSecretKeyComment = "minisign encrypted secret key";
// Longest passphrase minisign 0.11 can read (1024-byte buffer, newline, NUL).
inline constexpr std::size_t kMaxPassphraseBytes = 1022;

// A parsed secret key file, still encrypted (if it was).
class SecretKeyFile {
 public:
  [[nodiscard]] static expected<SecretKeyFile, MinisignError> parse(std::string_view text);

  bool encrypted() const noexcept;
  // The stored scrypt parameters (zero in `minisign -W` files).
  ScryptCost cost() const noexcept;

  // Encrypted files only (not_encrypted otherwise). Refuses with
  // kdf_too_costly when either stored limit exceeds `cap`.
  [[nodiscard]] expected<SecretKey, MinisignError> decrypt(
      const SecretBuffer& passphrase, ScryptCost cap = kDefaultScryptCap) const;
  // Unencrypted files only (passphrase_required otherwise).
  [[nodiscard]] expected<SecretKey, MinisignError> open_unencrypted() const;

 private:
  explicit SecretKeyFile(SecretBuffer raw) noexcept : raw_(std::move(raw)) {}
  SecretBuffer raw_;  // the decoded 158-byte structure
};

// The text of an encrypted secret key file that `minisign -S` opens with the
// same passphrase. `cost` must lie within [kMinScryptCost, kDefaultScryptCap]
// (std::invalid_argument otherwise). Fails with unusable_passphrase when
// minisign could not read the passphrase back, kdf_failed when scrypt cannot
// get its memory.
[[nodiscard]] expected<SecretBuffer, MinisignError> encode_secret_key_file(
    const SecretKey& key, const SecretBuffer& passphrase, ScryptCost cost = kMinisignScryptCost);

}  // namespace safehold::crypto::minisign
