// Fuzzes the whole age decryptor (armor detection, header, stanzas, MAC,
// payload) with a fixed X25519 identity and a passphrase whose scrypt cost is
// capped low so that each run stays fast. Seeds in fuzz/seeds/age_decrypt/ are
// files encrypted to these keys, so mutations reach the MAC and the payload.
#include <cstdint>
#include <cstdlib>

#include "safehold/crypto/age/decryptor.hpp"
#include "safehold/crypto/age/scrypt.hpp"
#include "safehold/crypto/age/x25519.hpp"

namespace {
// Test-only key, public on purpose (recipient
// age1yv3gxkys2en66sqa5cxahwxmpyhragalkz5ycuas67j8mx7uz3uscp79ap).
constexpr const char* kIdentity =
    "AGE-SECRET-KEY-15Y9VCSL0XJV8PJ7674HZ2N0GTLG8Z2SDYU3FC8AFY05H6MYN7NHSD03ATH";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace safehold::age;
  static const X25519Identity x25519 = *X25519Identity::parse(kIdentity);
  static const ScryptIdentity scrypt(safehold::crypto::SecretBuffer::copy_of("fuzz"), 4);
  const Identity* ids[] = {&x25519, &scrypt};
  safehold::base::SpanSource src({data, size});
  auto dec = Decryptor::open(src, ids);
  if (!dec) return 0;
  std::uint8_t buf[65536];
  for (;;) {
    auto n = dec->read(buf);
    if (!n) {
      if (!dec->failure()) std::abort();  // a failure always has a reason
      return 0;
    }
    if (*n == 0) return 0;
  }
}
