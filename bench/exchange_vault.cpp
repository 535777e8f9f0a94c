// Creates a vault for bench/exchange_1gib.sh with cheap Argon2id parameters,
// so that the peak RSS measured for safehold-cli export and import is the
// bundle work itself, not the 256 MiB that unlocking a real vault spends on
// Argon2id (the CLI unlocks with whatever the key file records; it never
// creates cheap vaults itself).
//
//   bench_exchange_vault <vault folder> <owner name> <passphrase file>
#include <cstdio>
#include <string>

#include "safehold/base/file_io.hpp"
#include "safehold/storage/vault.hpp"

using namespace safehold;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: bench_exchange_vault <vault folder> <owner name> <passphrase file>\n");
    return 2;
  }
  auto bytes = base::read_small_file(argv[3], 1024);
  if (!bytes) {
    std::fprintf(stderr, "bench_exchange_vault: cannot read the passphrase file\n");
    return 1;
  }
  std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  auto v = storage::Vault::create(argv[1], crypto::SecretBuffer::copy_of(text),
                                  {argv[2], storage::KdfParams::insecure_for_tests()});
  if (!v) {
    std::fprintf(stderr, "bench_exchange_vault: %s\n", v.error().describe().c_str());
    return 1;
  }
  return 0;
}
