// Signs or verifies one file with Safehold's minisign, streamed, and prints
// the time it took. bench/minisign.sh runs it beside the real minisign under
// /usr/bin/time -v and prints the ratios.
//
//   bench_minisign sign   <unencrypted secret key file> <file> <signature out>
//   bench_minisign verify <public key file> <file> <signature>
#include <chrono>
#include <cstdio>
#include <string_view>

#include "safehold/crypto/minisign_files.hpp"

namespace ms = safehold::crypto::minisign;

namespace {

int fail(ms::MinisignError e) {
  std::fprintf(stderr, "bench_minisign: %s\n", ms::describe(e));
  return 1;
}

int sign(const char* key_path, const char* file, const char* sig_path) {
  auto key_file = ms::load_secret_key_file(key_path);
  if (!key_file) return fail(key_file.error());
  auto key = key_file->open_unencrypted();  // a `minisign -W` key: no KDF in the timing
  if (!key) return fail(key.error());
  auto sig = ms::sign_file(*key, file, "bench");
  if (!sig) return fail(sig.error());
  auto saved = ms::save_signature_file(sig_path, *sig);
  if (!saved) return fail(saved.error());
  return 0;
}

int verify(const char* key_path, const char* file, const char* sig_path) {
  auto key = ms::load_public_key_file(key_path);
  if (!key) return fail(key.error());
  auto tc = ms::verify_file(*key, sig_path, file);
  if (!tc) return fail(tc.error());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: bench_minisign sign|verify <key> <file> <signature>\n");
    return 2;
  }
  const std::string_view mode = argv[1];
  const auto start = std::chrono::steady_clock::now();
  const int rc = mode == "sign"     ? sign(argv[2], argv[3], argv[4])
                 : mode == "verify" ? verify(argv[2], argv[3], argv[4])
                                    : 2;
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("%s %.3f s\n", argv[1], took.count());
  return rc;
}
