#pragma once
// Streaming age v1 decryption: open() reads and checks the whole header (the
// stanzas, the identities, the header MAC and the payload nonce) before any
// plaintext exists; the Decryptor is then a ByteSource of plaintext.
//
//   auto dec = age::Decryptor::open(in, identities);
//   if (!dec) -> dec.error().code: no_match / hmac_failure / header_failure / armor_failure / io
//   loop dec->read(buf) until it returns 0 (end, fully authenticated) or fails
//   (then dec->failure(): payload_failure / armor_failure / io).
//
// Plaintext is released chunk by chunk as each 64 KiB chunk authenticates, so a
// truncated or tampered file shows only when its damaged chunk is reached:
// stage what you read and act on it only after read() returned 0.
#include <memory>
#include <optional>
#include <span>

#include "safehold/crypto/age/header.hpp"
#include "safehold/crypto/age/stanza.hpp"
#include "safehold/base/byte_io.hpp"

namespace safehold::age {

enum class ArmorMode {
  detect,    // armored iff the first non-whitespace byte is '-' (binary age starts with 'a')
  required,  // only armored input
  refused,   // only binary input
};

struct DecryptOptions {
  ArmorMode armor = ArmorMode::detect;
  HeaderLimits header_limits{};
};

class Decryptor final : public base::ByteSource {
 public:
  // `in` must outlive the Decryptor; the identities are only used inside open().
  // They are tried in order, each against every stanza in order; the first
  // stanza of an identity's type that is malformed ends the search with
  // header_failure. A header holding an scrypt stanza and any other stanza is
  // a header_failure.
  [[nodiscard]] static expected<Decryptor, AgeFailure> open(
      base::ByteSource& in, std::span<const Identity* const> identities,
      const DecryptOptions& options = {});
  [[nodiscard]] static expected<Decryptor, AgeFailure> open(base::ByteSource& in,
                                                            const Identity& identity,
                                                            const DecryptOptions& options = {});

  Decryptor(Decryptor&&) noexcept;
  Decryptor& operator=(Decryptor&&) noexcept;
  ~Decryptor() override;

  // Plaintext. Returns 0 only once the final chunk authenticated and the input
  // ended cleanly. Fails with IoError::corrupt / truncated (or the source's
  // error); failure() then tells payload_failure, armor_failure or io.
  [[nodiscard]] expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override;
  std::optional<AgeFailure> failure() const noexcept;

  // Whether the input was ASCII-armored, and the verified header (stanzas and
  // MAC). Not to be called on a moved-from Decryptor.
  bool armored() const noexcept;
  const Header& header() const noexcept;

 private:
  struct State;
  explicit Decryptor(std::unique_ptr<State> state) noexcept;
  std::unique_ptr<State> s_;
};

}  // namespace safehold::age
