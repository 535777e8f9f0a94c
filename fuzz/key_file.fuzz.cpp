// Fuzzes the vault.key parser: it must never crash, must accept exactly one
// encoding (whatever parses serializes back to the same bytes), and a parsed
// key file with cheap KDF parameters must not open under a wrong passphrase.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "safehold/storage/key_file.hpp"

using namespace safehold;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = storage::parse_key_file({data, size});
  if (!parsed) return 0;
  const auto again = storage::serialize_key_file(*parsed);
  if (size != again.size() || std::memcmp(data, again.data(), size) != 0) std::abort();
  if (parsed->kdf.opslimit <= 2 && parsed->kdf.memlimit <= (64u << 10)) {
    auto master = storage::unwrap_master_key(*parsed, crypto::SecretBuffer::copy_of(std::string_view("fuzz")));
    // Forging a wrapped key without the passphrase is the AEAD's job to refuse.
    if (master) std::abort();
  }
  return 0;
}
