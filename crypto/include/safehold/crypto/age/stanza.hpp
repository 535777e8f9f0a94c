#pragma once
// Recipient stanzas and the two interfaces every recipient type implements:
// a Recipient wraps a file key into a stanza, an Identity unwraps it.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "safehold/crypto/age/error.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::age {

inline constexpr std::size_t kFileKeySize = 16;

// "-> TYPE ARG…" followed by a base64 body. Type and arguments are non-empty
// strings of printable ASCII without spaces (VCHAR); the body is the decoded
// bytes (a wrapped file key, never a secret by itself).
struct Stanza {
  std::string type;
  std::vector<std::string> args;
  std::vector<std::uint8_t> body;
  bool operator==(const Stanza&) const = default;
};

class Recipient {
 public:
  virtual ~Recipient() = default;
  // Wraps a kFileKeySize-byte file key into a fresh stanza (new randomness on
  // every call).
  [[nodiscard]] virtual expected<Stanza, AgeFailure> wrap(
      std::span<const std::uint8_t> file_key) const = 0;
  // True for types whose stanza must be the only one in a header (scrypt).
  virtual bool must_be_alone() const noexcept { return false; }
};

class Identity {
 public:
  virtual ~Identity() = default;
  // - a file key (kFileKeySize bytes): the stanza is ours and unwrapped;
  // - std::nullopt: not ours (another type, or it does not decrypt with our key);
  // - an error (header_failure): a stanza of our type that breaks the spec.
  //   The decryptor stops at the first such error, as age does.
  [[nodiscard]] virtual expected<std::optional<crypto::SecretBuffer>, AgeFailure> unwrap(
      const Stanza& stanza) const = 0;
};

}  // namespace safehold::age
