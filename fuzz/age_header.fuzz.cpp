// Fuzzes the strict age header parser. Besides never crashing, it checks the
// strictness property: whatever parses re-encodes to exactly the bytes read.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/crypto/age/header.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = safehold::age::parse_header({data, size});
  if (!parsed) return 0;
  if (parsed->size > size) std::abort();
  const std::string text = safehold::age::encode_header(parsed->header);
  if (std::string_view(reinterpret_cast<const char*>(data), parsed->size) != text) std::abort();
  return 0;
}
