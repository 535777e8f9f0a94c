// A small age-like command line over safehold's age implementation, so that
// bench/age.sh can time it (and its peak memory) beside the real `age` on the
// same files. Output files are written plainly (no fsync), as age does.
//
//   bench_age encrypt [-a] -r <age1…> -o <out> <in>
//   bench_age decrypt -i <identity file> -o <out> <in>
//
//   bench_age aead <MiB>      CPU seconds of libsodium's ChaCha20-Poly1305 alone
//
// Reading, crypto and writing run in one sequence, as in age.
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/crypto/age.hpp"
#include "safehold/base/file_io.hpp"

namespace {

using namespace safehold;

constexpr std::size_t kBufferSize = 1 << 20;

// A plain file sink: write(2) until done.
class FdSink final : public base::ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  expected<void, base::IoError> write(std::span<const std::uint8_t> data) override {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return unexpected(base::IoError::write_failed);
      }
      data = data.subspan(static_cast<std::size_t>(n));
    }
    return {};
  }

 private:
  int fd_;
};

int usage() {
  std::fprintf(stderr,
               "usage: bench_age encrypt [-a] -r RECIPIENT -o OUT IN\n"
               "       bench_age decrypt -i IDENTITY_FILE -o OUT IN\n"
               "       bench_age aead MIB\n");
  return 2;
}

int fail(const std::string& what) {
  std::fprintf(stderr, "bench_age: %s\n", what.c_str());
  return 1;
}

// Copies `in` into `out` through a guarded buffer (it holds plaintext).
bool pump(base::ByteSource& in, base::ByteSink& out) {
  crypto::SecretBuffer buf(kBufferSize);
  for (;;) {
    auto n = in.read(buf.span());
    if (!n) return false;
    if (*n == 0) return true;
    if (!out.write(buf.span().first(*n))) return false;
  }
}

// Seals `mib` MiB in 64 KiB chunks with the AEAD that STREAM uses: the floor
// under our encryption cost, whatever the I/O.
int aead_cost(long mib) {
  if (mib <= 0 || !crypto::sodium_ready()) return usage();
  std::vector<std::uint8_t> plain(64 * 1024, 7), sealed(plain.size() + 16);
  const std::uint8_t key[32] = {1};
  std::uint8_t nonce[12] = {};
  timespec t0{}, t1{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (long i = 0; i < mib * 16; ++i) {
    std::memcpy(nonce, &i, sizeof i);
    crypto_aead_chacha20poly1305_ietf_encrypt(sealed.data(), nullptr, plain.data(), plain.size(),
                                              nullptr, 0, nullptr, nonce, key);
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  const double s = static_cast<double>(t1.tv_sec - t0.tv_sec) +
                   static_cast<double>(t1.tv_nsec - t0.tv_nsec) * 1e-9;
  std::printf("%.3f\n", s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string_view mode = argv[1];
  if (mode == "aead" && argc == 3) return aead_cost(std::atol(argv[2]));
  std::string recipient, identity_file, out_path, in_path;
  bool armor = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "-a") armor = true;
    else if (a == "-r" && i + 1 < argc) recipient = argv[++i];
    else if (a == "-i" && i + 1 < argc) identity_file = argv[++i];
    else if (a == "-o" && i + 1 < argc) out_path = argv[++i];
    else if (in_path.empty()) in_path = a;
    else return usage();
  }
  if (out_path.empty() || in_path.empty()) return usage();
  auto in = base::FileSource::open(in_path);
  if (!in) return fail(std::string("cannot open input: ") + base::describe(in.error()));
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return fail(std::string("cannot create output: ") + std::strerror(errno));
  FdSink out(fd);

  if (mode == "encrypt") {
    auto r = age::X25519Recipient::parse(recipient);
    if (!r) return fail(age::describe(r.error()));
    auto enc = age::Encryptor::create(out, *r, age::EncryptOptions{armor});
    if (!enc) return fail(age::describe(enc.error()));
    if (!pump(*in, *enc) || !enc->finish()) return fail("encryption failed");
  } else if (mode == "decrypt") {
    auto text = base::read_small_file(identity_file, 64 * 1024);
    if (!text) return fail(std::string("cannot read identity: ") + base::describe(text.error()));
    const crypto::SecretBuffer secret = crypto::SecretBuffer::copy_of(*text);
    crypto::fill_random(*text);  // do not leave the key in ordinary heap memory
    auto ids = age::parse_identity_file(secret.view());
    if (!ids) return fail(age::describe(ids.error()));
    std::vector<const age::Identity*> list;
    for (const auto& id : *ids) list.push_back(&id);
    auto dec = age::Decryptor::open(*in, list);
    if (!dec) return fail(age::describe(dec.error()));
    if (!pump(*dec, out)) {
      return fail(dec->failure() ? age::describe(*dec->failure()) : "write failed");
    }
  } else {
    return usage();
  }
  if (::close(fd) != 0) return fail("cannot close output");
  return 0;
}
