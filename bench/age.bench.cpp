// A small age-like command line over safehold's age implementation, so that
// bench/age.sh can time it (and its peak memory) beside the real `age` on the
// same files. Output files are written plainly (no fsync), as age does.
//
//   bench_age encrypt [-p] [-a] -r <age1…> -o <out> <in>
//   bench_age decrypt [-p] -i <identity file> -o <out> <in>
//
// -p pipelines the file I/O on two helper threads (age_pipeline.hpp); without
// it, reading, crypto and writing run in one sequence, as in age.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "age_pipeline.hpp"
#include "safehold/crypto/age.hpp"
#include "safehold/crypto/file_io.hpp"

namespace {

using namespace safehold;

constexpr std::size_t kBufferSize = 1 << 20;

// A plain file sink: write(2) until done.
class FdSink final : public io::ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  expected<void, io::IoError> write(std::span<const std::uint8_t> data) override {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return unexpected(io::IoError::write_failed);
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
               "usage: bench_age encrypt [-p] [-a] -r RECIPIENT -o OUT IN\n"
               "       bench_age decrypt [-p] -i IDENTITY_FILE -o OUT IN\n");
  return 2;
}

int fail(const std::string& what) {
  std::fprintf(stderr, "bench_age: %s\n", what.c_str());
  return 1;
}

// Copies `in` into `out` through a guarded buffer (it holds plaintext).
bool pump(io::ByteSource& in, io::ByteSink& out) {
  crypto::SecretBuffer buf(kBufferSize);
  for (;;) {
    auto n = in.read(buf.span());
    if (!n) return false;
    if (*n == 0) return true;
    if (!out.write(buf.span().first(*n))) return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string_view mode = argv[1];
  std::string recipient, identity_file, out_path, in_path;
  bool armor = false, pipelined = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "-a") armor = true;
    else if (a == "-p") pipelined = true;
    else if (a == "-r" && i + 1 < argc) recipient = argv[++i];
    else if (a == "-i" && i + 1 < argc) identity_file = argv[++i];
    else if (a == "-o" && i + 1 < argc) out_path = argv[++i];
    else if (in_path.empty()) in_path = a;
    else return usage();
  }
  if (out_path.empty() || in_path.empty()) return usage();
  auto in = io::FileSource::open(in_path);
  if (!in) return fail(std::string("cannot open input: ") + io::describe(in.error()));
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return fail(std::string("cannot create output: ") + std::strerror(errno));
  FdSink direct_out(fd);
  std::optional<bench::BackgroundFdSink> piped_out;
  std::optional<bench::PrefetchSource> piped_in;
  io::ByteSink* out = &direct_out;
  io::ByteSource* source = &*in;
  if (pipelined) {
    out = &piped_out.emplace(fd);
    source = &piped_in.emplace(*in);
  }

  if (mode == "encrypt") {
    auto r = age::X25519Recipient::parse(recipient);
    if (!r) return fail(age::describe(r.error()));
    auto enc = age::Encryptor::create(*out, *r, age::EncryptOptions{armor});
    if (!enc) return fail(age::describe(enc.error()));
    bool ok = true;
    if (pipelined) {
      for (;;) {
        auto span = piped_in->next_span();
        if (!span || !enc->write(*span)) ok = false;
        if (!span || span->empty() || !ok) break;
      }
    } else {
      ok = pump(*source, *enc);
    }
    if (!ok || !enc->finish()) return fail("encryption failed");
  } else if (mode == "decrypt") {
    auto text = io::read_small_file(identity_file, 64 * 1024);
    if (!text) return fail(std::string("cannot read identity: ") + io::describe(text.error()));
    const crypto::SecretBuffer secret = crypto::SecretBuffer::copy_of(*text);
    crypto::fill_random(*text);  // do not leave the key in ordinary heap memory
    auto ids = age::parse_identity_file(secret.view());
    if (!ids) return fail(age::describe(ids.error()));
    std::vector<const age::Identity*> list;
    for (const auto& id : *ids) list.push_back(&id);
    auto dec = age::Decryptor::open(*source, list);
    if (!dec) return fail(age::describe(dec.error()));
    bool ok = true;
    if (pipelined) {
      for (;;) {
        auto n = dec->read(piped_out->free_space());
        if (!n) ok = false;
        if (!n || *n == 0) break;
        piped_out->commit(*n);
      }
    } else {
      ok = pump(*dec, *out);
    }
    if (!ok) return fail(dec->failure() ? age::describe(*dec->failure()) : "write failed");
  } else {
    return usage();
  }
  if (piped_out && !piped_out->finish()) return fail("write failed");
  if (::close(fd) != 0) return fail("cannot close output");
  return 0;
}
