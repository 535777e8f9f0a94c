// Fuzzes the STREAM decryptor with arbitrary ciphertext under a fixed key: it
// must never crash, read out of bounds or release unauthenticated plaintext.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "safehold/crypto/stream.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::uint8_t key[32] = {1, 2, 3, 4};
  safehold::base::SpanSource src({data, size});
  safehold::crypto::StreamReader reader(key, src);
  std::vector<std::uint8_t> buf(4096);
  std::size_t released = 0;
  for (;;) {
    auto n = reader.read(buf);
    if (!n || *n == 0) break;
    released += *n;
  }
  // Without the key nothing can authenticate: any released byte is a bug.
  if (released != 0) std::abort();
  return 0;
}
