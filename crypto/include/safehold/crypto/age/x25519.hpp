#pragma once
// The X25519 recipient type (C2SP age.md): identities "AGE-SECRET-KEY-1…",
// recipients "age1…", stanza "-> X25519 <ephemeral share>".
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/crypto/age/stanza.hpp"

namespace safehold::age {

inline constexpr std::size_t kX25519KeySize = 32;

class X25519Recipient final : public Recipient {
 public:
  // Parses "age1…" (lowercase Bech32, 32-byte key). Fails with invalid_key.
  [[nodiscard]] static expected<X25519Recipient, AgeFailure> parse(std::string_view text);
  explicit X25519Recipient(std::span<const std::uint8_t, kX25519KeySize> public_key) noexcept;

  // "age1…"
  std::string encode() const;
  std::span<const std::uint8_t, kX25519KeySize> public_key() const noexcept { return key_; }

  // Fails with invalid_key if the key is a low-order point.
  [[nodiscard]] expected<Stanza, AgeFailure> wrap(
      std::span<const std::uint8_t> file_key) const override;

  bool operator==(const X25519Recipient& o) const noexcept { return key_ == o.key_; }

 private:
  std::array<std::uint8_t, kX25519KeySize> key_{};
};

class X25519Identity final : public Identity {
 public:
  // A new identity from the OS CSPRNG.
  [[nodiscard]] static X25519Identity generate();
  // Parses "AGE-SECRET-KEY-1…" (uppercase Bech32). Fails with invalid_key.
  // Pass the text straight from a SecretBuffer (secret.view()).
  [[nodiscard]] static expected<X25519Identity, AgeFailure> parse(std::string_view text);

  X25519Identity(X25519Identity&&) noexcept = default;
  X25519Identity& operator=(X25519Identity&&) noexcept = default;
  [[nodiscard]] X25519Identity clone() const;

  // "AGE-SECRET-KEY-1…", in guarded memory (never a std::string).
  [[nodiscard]] crypto::SecretBuffer encode() const;
  const X25519Recipient& recipient() const noexcept { return recipient_; }

  [[nodiscard]] expected<std::optional<crypto::SecretBuffer>, AgeFailure> unwrap(
      const Stanza& stanza) const override;

 private:
  explicit X25519Identity(crypto::SecretBuffer secret);
  crypto::SecretBuffer secret_;
  X25519Recipient recipient_;
};

// Parses an identity file as age-keygen writes it: '#' comment lines and empty
// lines are skipped, every other line must be one X25519 identity (LF or CRLF
// line ends). At least one identity is required. Other identity types
// (post-quantum, plugins) fail with invalid_key.
[[nodiscard]] expected<std::vector<X25519Identity>, AgeFailure> parse_identity_file(
    std::string_view text);

}  // namespace safehold::age
