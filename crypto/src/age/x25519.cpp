#include "safehold/crypto/age/x25519.hpp"

#include <sodium.h>

#include <stdexcept>

#include "base64.hpp"
#include "safehold/crypto/age/bech32.hpp"
#include "safehold/crypto/hkdf.hpp"

namespace safehold::age {
namespace {

constexpr std::string_view kRecipientHrp = "age";
constexpr std::string_view kIdentityHrp = "AGE-SECRET-KEY-";
constexpr std::string_view kStanzaType = "X25519";
constexpr std::string_view kWrapInfo = "age-encryption.org/v1/X25519";
constexpr std::size_t kWrappedSize = kFileKeySize + crypto_aead_chacha20poly1305_ietf_ABYTES;

static_assert(crypto_scalarmult_BYTES == kX25519KeySize);
static_assert(crypto_scalarmult_SCALARBYTES == kX25519KeySize);

// HKDF(ikm = shared, salt = share || recipient, info) — the stanza wrap key.
crypto::SecretBuffer wrap_key(std::span<const std::uint8_t> shared,
                              std::span<const std::uint8_t> share,
                              std::span<const std::uint8_t> recipient) {
  std::array<std::uint8_t, 2 * kX25519KeySize> salt{};
  std::copy(share.begin(), share.end(), salt.begin());
  std::copy(recipient.begin(), recipient.end(), salt.begin() + kX25519KeySize);
  return crypto::hkdf_sha256(shared, salt, kWrapInfo, 32);
}

constexpr std::uint8_t kZeroNonce[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = {};

}  // namespace

// ---- recipient ---------------------------------------------------------------

X25519Recipient::X25519Recipient(std::span<const std::uint8_t, kX25519KeySize> public_key) noexcept {
  std::copy(public_key.begin(), public_key.end(), key_.begin());
}

expected<X25519Recipient, AgeFailure> X25519Recipient::parse(std::string_view text) {
  std::array<std::uint8_t, kX25519KeySize + 1> buf{};
  auto n = bech32::decode(text, kRecipientHrp, buf);
  if (!n) return unexpected(n.error());
  if (*n != kX25519KeySize) return age_fail(AgeError::invalid_key, "recipient is not 32 bytes");
  return X25519Recipient(std::span<const std::uint8_t, kX25519KeySize>(buf.data(), kX25519KeySize));
}

std::string X25519Recipient::encode() const { return bech32::encode(kRecipientHrp, key_); }

expected<Stanza, AgeFailure> X25519Recipient::wrap(std::span<const std::uint8_t> file_key) const {
  if (file_key.size() != kFileKeySize) throw std::invalid_argument("age file key must be 16 bytes");
  if (!crypto::sodium_ready()) throw std::runtime_error("libsodium failed to initialise");
  const crypto::SecretBuffer ephemeral = crypto::SecretBuffer::random(kX25519KeySize);
  std::array<std::uint8_t, kX25519KeySize> share{};
  crypto_scalarmult_base(share.data(), ephemeral.data());
  crypto::SecretBuffer shared(kX25519KeySize);
  if (crypto_scalarmult(shared.data(), ephemeral.data(), key_.data()) != 0) {
    return age_fail(AgeError::invalid_key, "recipient is a low-order point");
  }
  const crypto::SecretBuffer key = wrap_key(shared.span(), share, key_);
  Stanza s;
  s.type = kStanzaType;
  s.args.push_back(detail::b64_encode(share));
  s.body.resize(kWrappedSize);
  crypto_aead_chacha20poly1305_ietf_encrypt(s.body.data(), nullptr, file_key.data(),
                                            file_key.size(), nullptr, 0, nullptr, kZeroNonce,
                                            key.data());
  return s;
}

// ---- identity ----------------------------------------------------------------

namespace {
std::array<std::uint8_t, kX25519KeySize> public_of(const crypto::SecretBuffer& secret) {
  if (!crypto::sodium_ready()) throw std::runtime_error("libsodium failed to initialise");
  std::array<std::uint8_t, kX25519KeySize> pub{};
  crypto_scalarmult_base(pub.data(), secret.data());
  return pub;
}
}  // namespace

X25519Identity::X25519Identity(crypto::SecretBuffer secret)
    : secret_(std::move(secret)), recipient_(public_of(secret_)) {}

X25519Identity X25519Identity::generate() {
  return X25519Identity(crypto::SecretBuffer::random(kX25519KeySize));
}

expected<X25519Identity, AgeFailure> X25519Identity::parse(std::string_view text) {
  crypto::SecretBuffer buf(kX25519KeySize + 1);
  auto n = bech32::decode(text, kIdentityHrp, buf.span());
  if (!n) return unexpected(n.error());
  if (*n != kX25519KeySize) return age_fail(AgeError::invalid_key, "identity is not 32 bytes");
  buf.truncate(kX25519KeySize);
  return X25519Identity(std::move(buf));
}

X25519Identity X25519Identity::clone() const { return X25519Identity(secret_.clone()); }

crypto::SecretBuffer X25519Identity::encode() const {
  crypto::SecretBuffer out(bech32::encoded_size(kIdentityHrp.size(), kX25519KeySize));
  bech32::encode(kIdentityHrp, secret_.span(),
                 std::span(reinterpret_cast<char*>(out.data()), out.size()));
  return out;
}

expected<std::optional<crypto::SecretBuffer>, AgeFailure> X25519Identity::unwrap(
    const Stanza& stanza) const {
  if (stanza.type != kStanzaType) return std::optional<crypto::SecretBuffer>();
  std::array<std::uint8_t, kX25519KeySize> share{};
  if (stanza.args.size() != 1) {
    return age_fail(AgeError::header_failure, "X25519 stanza must have exactly one argument");
  }
  if (!detail::b64_decode_exact(stanza.args[0], share)) {
    return age_fail(AgeError::header_failure, "X25519 share is not canonical base64 of 32 bytes");
  }
  // Checked before any decryption, against partitioning-oracle attacks.
  if (stanza.body.size() != kWrappedSize) {
    return age_fail(AgeError::header_failure, "X25519 stanza body is not 32 bytes");
  }
  crypto::SecretBuffer shared(kX25519KeySize);
  // libsodium refuses (non-zero) when the result is all zeros (low-order share).
  if (crypto_scalarmult(shared.data(), secret_.data(), share.data()) != 0) {
    return age_fail(AgeError::header_failure, "X25519 share gives an all-zero shared secret");
  }
  const crypto::SecretBuffer key = wrap_key(shared.span(), share, recipient_.public_key());
  crypto::SecretBuffer file_key(kFileKeySize);
  if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key.data(), nullptr, nullptr,
                                                stanza.body.data(), stanza.body.size(), nullptr, 0,
                                                kZeroNonce, key.data()) != 0) {
    return std::optional<crypto::SecretBuffer>();  // for another recipient
  }
  return std::optional<crypto::SecretBuffer>(std::move(file_key));
}

// ---- identity files ------------------------------------------------------------

expected<std::vector<X25519Identity>, AgeFailure> parse_identity_file(std::string_view text) {
  std::vector<X25519Identity> out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line.starts_with('#')) continue;
    auto id = X25519Identity::parse(line);
    if (!id) return unexpected(id.error());
    out.push_back(std::move(*id));
  }
  if (out.empty()) return age_fail(AgeError::invalid_key, "identity file holds no identity");
  return out;
}

}  // namespace safehold::age
