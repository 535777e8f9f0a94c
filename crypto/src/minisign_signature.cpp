// minisign signature files: parse, format, sign and verify (prehashed "ED").
#include <sodium.h>

#include <array>
#include <cstring>
#include <vector>

#include "minisign_text.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::crypto::minisign {
namespace {

constexpr std::size_t kSigStructSize = 2 + kKeyIdSize + kSignatureSize;  // 74
constexpr std::size_t kReadChunk = 64 * 1024;

// The message of the global signature: signature || trusted comment.
std::vector<std::uint8_t> global_message(const std::array<std::uint8_t, kSignatureSize>& sig,
                                         std::string_view trusted_comment) {
  std::vector<std::uint8_t> m(sig.begin(), sig.end());
  m.insert(m.end(), trusted_comment.begin(), trusted_comment.end());
  return m;
}

MinisignError from_io(base::IoError) noexcept { return MinisignError::io_failed; }

}  // namespace

Prehasher::Prehasher() : state_(std::make_unique<crypto_generichash_blake2b_state>()) {
  if (!sodium_ready()) std::abort();
  crypto_generichash_init(state_.get(), nullptr, 0, kPrehashSize);
}

Prehasher::Prehasher(Prehasher&&) noexcept = default;
Prehasher& Prehasher::operator=(Prehasher&&) noexcept = default;
Prehasher::~Prehasher() = default;

expected<void, base::IoError> Prehasher::write(std::span<const std::uint8_t> data) {
  if (!data.empty()) crypto_generichash_update(state_.get(), data.data(), data.size());
  return {};
}

Prehash Prehasher::finish() noexcept {
  Prehash out{};
  crypto_generichash_final(state_.get(), out.data(), out.size());
  return out;
}

expected<Prehash, base::IoError> prehash(base::ByteSource& in) {
  Prehasher hasher;
  std::vector<std::uint8_t> buf(kReadChunk);
  for (;;) {
    auto n = in.read(buf);
    if (!n) return unexpected(n.error());
    if (*n == 0) break;
    (void)hasher.write(std::span(buf.data(), *n));
  }
  return hasher.finish();
}

expected<Signature, MinisignError> Signature::parse(std::string_view text) {
  std::array<std::string_view, 4> lines;
  static constexpr std::array<std::size_t, 4> max{
      detail::kMaxCommentLineBytes, detail::base64_length(kSigStructSize) + 2,
      detail::kMaxTrustedCommentLineBytes, detail::base64_length(kSignatureSize) + 2};
  std::string_view untrusted;
  std::string_view trusted;
  if (!detail::split_lines(text, lines, max) ||
      !detail::strip_prefix(lines[0], detail::kUntrustedPrefix, untrusted) ||
      !detail::strip_prefix(lines[2], detail::kTrustedPrefix, trusted)) {
    return unexpected(MinisignError::malformed);
  }
  std::array<std::uint8_t, kSigStructSize> raw{};
  Signature s;
  if (!detail::decode_base64_exact(lines[1], raw) ||
      !detail::decode_base64_exact(lines[3], s.global_signature_)) {
    return unexpected(MinisignError::malformed);
  }
  if (std::memcmp(raw.data(), detail::kSigAlg, 2) == 0) {
    return unexpected(MinisignError::legacy_signature);
  }
  if (std::memcmp(raw.data(), detail::kSigAlgHashed, 2) != 0) {
    return unexpected(MinisignError::unsupported_algorithm);
  }
  std::memcpy(s.key_id_.data(), raw.data() + 2, kKeyIdSize);
  std::memcpy(s.signature_.data(), raw.data() + 2 + kKeyIdSize, kSignatureSize);
  s.trusted_comment_ = std::string(trusted);
  s.untrusted_comment_ = std::string(untrusted);
  return s;
}

std::string Signature::text() const {
  std::array<std::uint8_t, kSigStructSize> raw{};
  std::memcpy(raw.data(), detail::kSigAlgHashed, 2);
  std::memcpy(raw.data() + 2, key_id_.data(), kKeyIdSize);
  std::memcpy(raw.data() + 2 + kKeyIdSize, signature_.data(), kSignatureSize);
  std::string out(detail::kUntrustedPrefix);
  out += untrusted_comment_;
  out += '\n';
  out += detail::encode_base64(raw);
  out += '\n';
  out += detail::kTrustedPrefix;
  out += trusted_comment_;
  out += '\n';
  out += detail::encode_base64(global_signature_);
  out += '\n';
  return out;
}

expected<Signature, MinisignError> sign_prehashed(const SecretKey& key, const Prehash& hash,
                                                  std::string_view trusted_comment,
                                                  std::string_view untrusted_comment) {
  if (!detail::writable_comment(trusted_comment, kMaxTrustedCommentBytes) ||
      !detail::writable_comment(untrusted_comment, kMaxUntrustedCommentBytes)) {
    return unexpected(MinisignError::invalid_comment);
  }
  Signature s;
  s.key_id_ = key.key_id();
  s.trusted_comment_ = std::string(trusted_comment);
  s.untrusted_comment_ = std::string(untrusted_comment);
  const std::uint8_t* sk = key.secret_bytes().data();
  crypto_sign_detached(s.signature_.data(), nullptr, hash.data(), hash.size(), sk);
  const auto message = global_message(s.signature_, trusted_comment);
  crypto_sign_detached(s.global_signature_.data(), nullptr, message.data(), message.size(), sk);
  return s;
}

expected<std::string, MinisignError> verify_prehashed(const PublicKey& key,
                                                      const Signature& signature,
                                                      const Prehash& hash) {
  if (!equal_constant_time(signature.key_id_, key.key_id())) {
    return unexpected(MinisignError::key_id_mismatch);
  }
  if (crypto_sign_verify_detached(signature.signature_.data(), hash.data(), hash.size(),
                                  key.bytes().data()) != 0) {
    return unexpected(MinisignError::bad_signature);
  }
  const auto message = global_message(signature.signature_, signature.trusted_comment_);
  if (crypto_sign_verify_detached(signature.global_signature_.data(), message.data(),
                                  message.size(), key.bytes().data()) != 0) {
    return unexpected(MinisignError::bad_global_signature);
  }
  return signature.trusted_comment_;
}

expected<Signature, MinisignError> sign(const SecretKey& key, base::ByteSource& file,
                                        std::string_view trusted_comment,
                                        std::string_view untrusted_comment) {
  // Check the comments before reading a possibly huge file.
  if (!detail::writable_comment(trusted_comment, kMaxTrustedCommentBytes) ||
      !detail::writable_comment(untrusted_comment, kMaxUntrustedCommentBytes)) {
    return unexpected(MinisignError::invalid_comment);
  }
  auto hash = prehash(file);
  if (!hash) return unexpected(from_io(hash.error()));
  return sign_prehashed(key, *hash, trusted_comment, untrusted_comment);
}

expected<std::string, MinisignError> verify(const PublicKey& key, const Signature& signature,
                                            base::ByteSource& file) {
  // A foreign key id fails without reading the (possibly huge) file.
  if (!equal_constant_time(signature.key_id(), key.key_id())) {
    return unexpected(MinisignError::key_id_mismatch);
  }
  auto hash = prehash(file);
  if (!hash) return unexpected(from_io(hash.error()));
  return verify_prehashed(key, signature, *hash);
}

expected<std::string, MinisignError> verify(const PublicKey& key,
                                            std::string_view signature_text,
                                            base::ByteSource& file) {
  auto signature = Signature::parse(signature_text);
  if (!signature) return unexpected(signature.error());
  return verify(key, *signature, file);
}

}  // namespace safehold::crypto::minisign
