// Contact cards (schema/contact-card-v1.md): one encoding, self-signed.
#include "safehold/core/exchange/contact_card.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "safehold/core/bundle/text_formats.hpp"

namespace safehold::core::exchange {
namespace {

namespace ms = crypto::minisign;

constexpr std::string_view kHeader = "safehold-contact-card v1\n";
constexpr std::string_view kName = "name: ";
constexpr std::string_view kAge = "age-recipient: ";
constexpr std::string_view kKey = "minisign-public-key: ";
constexpr std::string_view kSignature = "signature: ";
constexpr std::size_t kSignatureB64 = 88;  // canonical padded base64 of 64 bytes

bool valid_name(std::string_view name) {
  return bundle::is_sender_name(name) && name.front() != ' ' && name.back() != ' ';
}

bool canonical_key_line(std::string_view line) {
  auto key = ms::PublicKey::parse_key_line(line);
  return key && key->key_line() == line;
}

std::string signed_part(const ContactCard& c) {
  return std::string(kHeader) + std::string(kName) + c.name + "\n" + std::string(kAge) + c.age_recipient + "\n" +
         std::string(kKey) + c.minisign_public_key + "\n";
}

std::string base64(std::span<const std::uint8_t> bin) {
  std::vector<char> out(sodium_base64_encoded_len(bin.size(), sodium_base64_VARIANT_ORIGINAL));
  sodium_bin2base64(out.data(), out.size(), bin.data(), bin.size(), sodium_base64_VARIANT_ORIGINAL);
  return std::string(out.data());
}

// The next line (without its LF) if it starts with `label`; the rest of the
// text moves past it.
bool take_line(std::string_view& rest, std::string_view label, std::string_view& value) {
  const auto lf = rest.find('\n');
  if (lf == std::string_view::npos) return false;
  const std::string_view line = rest.substr(0, lf);
  if (!line.starts_with(label)) return false;
  value = line.substr(label.size());
  rest.remove_prefix(lf + 1);
  return true;
}

}  // namespace

const char* describe(CardError e) noexcept {
  switch (e) {
    case CardError::malformed: return "not a Safehold contact card (version 1)";
    case CardError::bad_name: return "the contact card's name is not allowed";
    case CardError::bad_age_recipient: return "the contact card's age recipient is not valid";
    case CardError::bad_minisign_key: return "the contact card's minisign public key is not valid";
    case CardError::bad_signature: return "the contact card's self-signature does not verify";
  }
  return "contact card error";
}

std::string encode_contact_card(const ContactCard& card, const ms::SecretKey& signing_key) {
  if (!valid_name(card.name) || !bundle::is_age_recipient(card.age_recipient) ||
      signing_key.public_key().key_line() != card.minisign_public_key) {
    throw std::invalid_argument("contact card fields");
  }
  const std::string body = signed_part(card);
  std::array<std::uint8_t, crypto_sign_BYTES> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       signing_key.secret_bytes().data());
  return body + std::string(kSignature) + base64(sig) + "\n";
}

expected<ContactCard, CardError> parse_contact_card(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kMaxCardSize) return unexpected(CardError::malformed);
  std::string_view rest(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (rest.find('\r') != std::string_view::npos || rest.find('\0') != std::string_view::npos) {
    return unexpected(CardError::malformed);
  }
  if (!rest.starts_with(kHeader)) return unexpected(CardError::malformed);
  rest.remove_prefix(kHeader.size());
  std::string_view name, age, key, sig;
  if (!take_line(rest, kName, name) || !take_line(rest, kAge, age) || !take_line(rest, kKey, key) ||
      !take_line(rest, kSignature, sig) || !rest.empty()) {
    return unexpected(CardError::malformed);
  }
  if (!valid_name(name)) return unexpected(CardError::bad_name);
  if (!bundle::is_age_recipient(age)) return unexpected(CardError::bad_age_recipient);
  if (!canonical_key_line(key)) return unexpected(CardError::bad_minisign_key);
  std::array<std::uint8_t, crypto_sign_BYTES> raw{};
  std::size_t len = 0;
  const char* end = nullptr;
  if (sig.size() != kSignatureB64 ||
      sodium_base642bin(raw.data(), raw.size(), sig.data(), sig.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != raw.size() || end != sig.data() + sig.size() || base64(raw) != sig) {
    return unexpected(CardError::malformed);
  }
  ContactCard card{std::string(name), std::string(age), std::string(key)};
  const auto pub = ms::PublicKey::parse_key_line(key);
  const std::string body = signed_part(card);
  if (crypto_sign_verify_detached(raw.data(), reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                                  pub->bytes().data()) != 0) {
    return unexpected(CardError::bad_signature);
  }
  return card;
}

std::string Fingerprint::digits() const {
  std::string out;
  for (std::size_t g = 0; g < 6; ++g) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 5; ++i) v = v << 8 | digest[5 * g + i];
    std::string group = std::to_string(v % 100000);
    if (g > 0) out += ' ';
    out += std::string(5 - group.size(), '0') + group;
  }
  return out;
}

Fingerprint fingerprint_of(std::string_view age_recipient, std::string_view minisign_public_key) {
  crypto::Sha256 h;
  h.update("safehold-fingerprint v1\n");
  h.update(age_recipient);
  h.update("\n");
  h.update(minisign_public_key);
  h.update("\n");
  return Fingerprint{h.finish()};
}

}  // namespace safehold::core::exchange
