// Fuzzes the streaming ASCII-armor decoder. Whatever decodes must survive a
// re-encode/decode round trip unchanged.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "safehold/crypto/age/armor.hpp"

namespace {

bool dearmor(std::span<const std::uint8_t> in, std::vector<std::uint8_t>& out) {
  safehold::base::SpanSource src(in);
  safehold::age::ArmorReader reader(src);
  std::uint8_t buf[777];  // odd size: exercises partial line hand-out
  for (;;) {
    auto n = reader.read(buf);
    if (!n) {
      if (!reader.failure()) std::abort();  // a failure always has a reason
      return false;
    }
    if (*n == 0) return true;
    out.insert(out.end(), buf, buf + *n);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> decoded;
  if (!dearmor({data, size}, decoded)) return 0;
  safehold::base::VectorSink sink;
  safehold::age::ArmorWriter writer(sink);
  if (!writer.write(decoded) || !writer.finish()) std::abort();
  std::vector<std::uint8_t> again;
  if (!dearmor(sink.bytes(), again) || again != decoded) std::abort();
  return 0;
}
