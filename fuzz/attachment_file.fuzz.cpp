// Fuzzes reading an attachment file: the strict header parser, then the
// STREAM body under a fixed key. Nothing may crash and, without the file's
// key, no plaintext byte may be released.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "safehold/crypto/stream.hpp"
#include "safehold/storage/attachment_file.hpp"

using namespace safehold;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!storage::parse_attachment_header({data, size})) return 0;
  static const std::uint8_t key[32] = {7, 7, 7};
  base::SpanSource body({data + storage::kAttachmentHeaderSize, size - storage::kAttachmentHeaderSize});
  crypto::StreamReader reader(key, body);
  std::vector<std::uint8_t> buf(4096);
  for (;;) {
    auto n = reader.read(buf);
    if (!n || *n == 0) break;
    std::abort();  // released plaintext without the key
  }
  return 0;
}
