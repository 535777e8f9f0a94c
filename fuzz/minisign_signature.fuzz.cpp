// Fuzzes the minisign signature file parser and verification. Input: the
// signature file text, a NUL, then the signed message. Verification uses a
// fixed public key (the known-answer key made by minisign 0.11); the only
// signature that can verify is the one minisign made over its message.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/crypto/minisign.hpp"

namespace ms = safehold::crypto::minisign;

namespace {
constexpr std::string_view kPublicKeyLine = "RWQf0KrSs7ZjVq7g0/N3mLsvG7TTPNdIjEoxYOvbRq50XNbdaoQewRiX";
constexpr std::string_view kMessage = "safehold minisign known answer\n";
constexpr std::string_view kTrustedComment = "safehold known-answer test";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ms::PublicKey key = ms::PublicKey::parse_key_line(kPublicKeyLine).value();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view text = input.substr(0, nul);
  const std::string_view message =
      nul == std::string_view::npos ? std::string_view{} : input.substr(nul + 1);

  auto sig = ms::Signature::parse(text);
  if (!sig) return 0;
  const std::string canonical = sig->text();
  auto again = ms::Signature::parse(canonical);
  if (!again || again->text() != canonical) std::abort();

  safehold::base::SpanSource src(
      {reinterpret_cast<const std::uint8_t*>(message.data()), message.size()});
  auto tc = ms::verify(key, *sig, src);
  if (tc && (message != kMessage || *tc != kTrustedComment)) std::abort();  // a forgery
  return 0;
}
