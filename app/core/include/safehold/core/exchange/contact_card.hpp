#pragma once
// Contact cards and fingerprints (schema/contact-card-v1.md): the public keys
// a person gives others so they can send them sealed bundles and check the
// bundles they sign, with a self-signature proving possession of the signing
// key, and the 30-digit fingerprint people compare aloud.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/expected.hpp"

namespace safehold::core::exchange {

inline constexpr std::size_t kMaxCardSize = 1024;

enum class CardError { malformed, bad_name, bad_age_recipient, bad_minisign_key, bad_signature };
const char* describe(CardError e) noexcept;  // one line, no content

struct ContactCard {
  std::string name;
  std::string age_recipient;        // "age1…"
  std::string minisign_public_key;  // the base64 key line ("RW…")
};

// The card text, self-signed with `signing_key` (whose public key must be
// `card.minisign_public_key`: std::invalid_argument otherwise, as for a name
// or recipient that breaks the format).
std::string encode_contact_card(const ContactCard& card, const crypto::minisign::SecretKey& signing_key);

// Strict: exactly the one encoding of section 1, and a self-signature that
// verifies. Whatever it accepts, encode_contact_card gives back byte for byte.
[[nodiscard]] expected<ContactCard, CardError> parse_contact_card(std::span<const std::uint8_t> bytes);

struct Fingerprint {
  crypto::Sha256Digest digest{};
  // "48213 90125 33871 06652 77410 28193"
  std::string digits() const;
};

// Of a canonical age recipient and minisign key line (section 3).
Fingerprint fingerprint_of(std::string_view age_recipient, std::string_view minisign_public_key);

}  // namespace safehold::core::exchange
