#pragma once
// The scrypt (passphrase) recipient type: "-> scrypt <salt> <log2 N>". An
// scrypt stanza must be the only stanza of its header; the decryptor enforces
// that for every file, whatever identities it is given.
#include "safehold/crypto/age/stanza.hpp"

namespace safehold::age {

inline constexpr int kScryptDefaultLogN = 18;     // age's own encrypt setting (256 MiB)
inline constexpr int kScryptDefaultMaxLogN = 22;  // decrypt cap (4 GiB of memory at 22)

class ScryptRecipient final : public Recipient {
 public:
  // log_n: base-2 logarithm of the scrypt work factor, 1..30 (std::invalid_argument otherwise).
  explicit ScryptRecipient(crypto::SecretBuffer passphrase, int log_n = kScryptDefaultLogN);
  [[nodiscard]] expected<Stanza, AgeFailure> wrap(
      std::span<const std::uint8_t> file_key) const override;
  bool must_be_alone() const noexcept override { return true; }

 private:
  crypto::SecretBuffer passphrase_;
  int log_n_;
};

class ScryptIdentity final : public Identity {
 public:
  // Stanzas asking for a work factor above 2^max_log_n are refused as a header
  // failure (they would cost too much time and memory).
  explicit ScryptIdentity(crypto::SecretBuffer passphrase, int max_log_n = kScryptDefaultMaxLogN);
  [[nodiscard]] expected<std::optional<crypto::SecretBuffer>, AgeFailure> unwrap(
      const Stanza& stanza) const override;

 private:
  crypto::SecretBuffer passphrase_;
  int max_log_n_;
};

}  // namespace safehold::age
