#pragma once
// Helpers shared by the minisign test files: the known-answer keys, sign and
// verify over bytes, base64 for forging structures.
#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <span>
#include <string>
#include <vector>

#include "minisign_kat.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/minisign_secret_key.hpp"

namespace safehold::test::minisign_support {

namespace ms = safehold::crypto::minisign;
namespace kat = safehold::test::minisign_kat;
using ms::MinisignError;
using safehold::base::SpanSource;

inline ms::SecretKey kat_secret_key() {
  auto file = ms::SecretKeyFile::parse(kat::kSecretKeyFile);
  REQUIRE(file.has_value());
  auto key = file->open_unencrypted();
  REQUIRE(key.has_value());
  return std::move(*key);
}

inline ms::PublicKey kat_public_key() {
  return ms::PublicKey::parse_file(kat::kPublicKeyFile).value();
}

inline safehold::expected<std::string, MinisignError> verify_bytes(
    const ms::PublicKey& pk, std::string_view sig_text, std::span<const std::uint8_t> file) {
  SpanSource src(file);
  return ms::verify(pk, sig_text, src);
}

inline MinisignError verify_error(const ms::PublicKey& pk, std::string_view sig_text,
                                  std::span<const std::uint8_t> file) {
  auto r = verify_bytes(pk, sig_text, file);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

inline std::string sign_bytes(const ms::SecretKey& sk, std::span<const std::uint8_t> file,
                              std::string_view tc) {
  SpanSource src(file);
  auto sig = ms::sign(sk, src, tc);
  REQUIRE(sig.has_value());
  return sig->text();
}

inline std::string b64(std::span<const std::uint8_t> bin) {
  std::string out(sodium_base64_encoded_len(bin.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bin.data(), bin.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

inline std::vector<std::uint8_t> unb64(std::string_view text) {
  std::vector<std::uint8_t> out(text.size());
  std::size_t n = 0;
  REQUIRE(sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &n,
                            nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  out.resize(n);
  return out;
}

}  // namespace safehold::test::minisign_support
