// Fuzzes the minisign public key parsers (file and bare key line): no crash,
// no out-of-bounds read, and a parsed key has exactly one encoding.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/crypto/minisign.hpp"

namespace ms = safehold::crypto::minisign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto line = ms::PublicKey::parse_key_line(text)) {
    if (line->key_line() != text) std::abort();  // a second encoding was accepted
  }
  if (auto file = ms::PublicKey::parse_file(text)) {
    if (text.find(file->key_line()) == std::string_view::npos) std::abort();
    auto again = ms::PublicKey::parse_file(file->file_text());
    if (!again || !(*again == *file)) std::abort();
  }
  return 0;
}
