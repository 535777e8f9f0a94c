// Seals and opens sealed bundles with Safehold's format layer, for
// bench/bundle.sh, which runs the stock pipeline beside it. Prints the wall
// time and throughput of the work itself (key loading excluded).
//
//   bench_bundle seal  <sender.key> <recipient> <attachment> <sha256-hex> <out.age> [sync|nosync]
//   bench_bundle open  <identity.txt> <sender.pub> <bundle.age> <out-dir>
//   bench_bundle verify <identity.txt> <sender.pub> <bundle.age>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "safehold/core/bundle/bundle_reader.hpp"
#include "safehold/core/bundle/bundle_writer.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/crypto/minisign_files.hpp"

namespace bundle = safehold::core::bundle;
namespace base = safehold::base;
namespace ms = safehold::crypto::minisign;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_bundle: %s\n", what.c_str());
  std::exit(1);
}

// A plain file sink without fsync, to compare like for like with tools that
// do not sync either.
class PlainFileSink final : public base::ByteSink {
 public:
  explicit PlainFileSink(const fs::path& p)
      : fd_(::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) {
    if (fd_ < 0) die("cannot create output");
  }
  ~PlainFileSink() override { ::close(fd_); }
  [[nodiscard]] safehold::expected<void, base::IoError> write(
      std::span<const std::uint8_t> d) override {
    while (!d.empty()) {
      const ssize_t n = ::write(fd_, d.data(), d.size());
      if (n < 0) return safehold::unexpected(base::IoError::write_failed);
      d = d.subspan(static_cast<std::size_t>(n));
    }
    return {};
  }

 private:
  int fd_;
};

std::string read_text(const fs::path& p) {
  auto bytes = base::read_small_file(p, 1 << 16);
  if (!bytes) die("cannot read " + p.filename().string());
  return {bytes->begin(), bytes->end()};
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void report(const char* what, double secs, std::uint64_t bytes) {
  std::printf("%s: %.3f s, %.1f MiB/s\n", what, secs,
              static_cast<double>(bytes) / (1 << 20) / secs);
}

int seal(char** argv, bool sync) {
  auto key_file = ms::load_secret_key_file(argv[0]);
  if (!key_file) die("sender key");
  auto key = key_file->open_unencrypted();
  if (!key) die("sender key (use minisign -G -W)");
  const fs::path attachment = argv[2];
  const auto digest = bundle::parse_sha256_hex(argv[3]);
  if (!digest) die("sha256");
  const std::uint64_t size = fs::file_size(attachment);

  const std::string case_id = bundle::random_uuid4();
  const std::string record = R"({"id":")" + case_id + R"(","entity":"case"})";
  bundle::BundleContents contents;
  contents.recipients = {argv[1]};
  contents.case_ids = {case_id};
  contents.files.push_back({"cases/" + case_id + "/" + case_id + ".json", record.size(),
                            bundle::sha256_of(record),
                            [&record]() -> bundle::Result<std::unique_ptr<base::ByteSource>> {
                              return std::make_unique<base::SpanSource>(bundle::as_bytes(record));
                            }});
  contents.files.push_back({"attachments/" + bundle::random_uuid4(), size, *digest,
                            [&attachment]() -> bundle::Result<std::unique_ptr<base::ByteSource>> {
                              auto f = base::FileSource::open(attachment);
                              if (!f) return bundle::fail(bundle::BundleError::read_failed);
                              return std::make_unique<base::FileSource>(std::move(*f));
                            }});
  bundle::BundleWriter writer({*key, argv[1], "Bench"}, std::move(contents));
  const auto t0 = std::chrono::steady_clock::now();
  if (sync) {
    auto out = base::AtomicFileWriter::create(argv[4]);
    if (!out) die("cannot create output");
    if (auto r = writer.write(*out); !r) die(bundle::describe(r.error()));
    if (!out->commit()) die("commit");
  } else {
    PlainFileSink out(argv[4]);
    if (auto r = writer.write(out); !r) die(bundle::describe(r.error()));
  }
  report(sync ? "seal (fsync)" : "seal", seconds_since(t0), size);
  return 0;
}

// Stages each file under the output folder and publishes them all only after
// the reader succeeded (what an importer does, minus the vault).
class FolderConsumer final : public bundle::BundleConsumer {
 public:
  explicit FolderConsumer(fs::path dir) : dir_(std::move(dir)) {}
  [[nodiscard]] bundle::Result<void> begin(const bundle::Manifest&) override { return {}; }
  [[nodiscard]] bundle::Result<void> begin_file(const bundle::ManifestFile& f) override {
    const fs::path target = dir_ / f.path;
    fs::create_directories(target.parent_path());
    auto w = base::AtomicFileWriter::create(target);
    if (!w) return bundle::fail(bundle::BundleError::write_failed);
    current_ = std::make_unique<base::AtomicFileWriter>(std::move(*w));
    return {};
  }
  [[nodiscard]] bundle::Result<void> file_data(std::span<const std::uint8_t> b) override {
    if (!current_->write(b)) return bundle::fail(bundle::BundleError::write_failed);
    return {};
  }
  [[nodiscard]] bundle::Result<void> end_file(const bundle::ManifestFile&) override {
    staged_.push_back(std::move(current_));
    return {};
  }
  void discard() noexcept override {
    current_.reset();
    staged_.clear();
  }
  bool commit() {
    for (auto& w : staged_) {
      if (!w->commit()) return false;
    }
    return true;
  }

 private:
  fs::path dir_;
  std::unique_ptr<base::AtomicFileWriter> current_;
  std::vector<std::unique_ptr<base::AtomicFileWriter>> staged_;
};

int open_or_verify(char** argv, const char* out_dir) {
  auto ids = safehold::age::parse_identity_file(read_text(argv[0]));
  if (!ids) die("identity");
  auto signer = ms::PublicKey::parse_file(read_text(argv[1]));
  if (!signer) die("sender public key");
  auto in = base::FileSource::open(argv[2]);
  if (!in) die("bundle");
  const std::uint64_t size = in->size();
  bundle::BundleReader reader(ids->front(), {[&](const ms::PublicKey& k, const bundle::ManifestSender&) {
                                               return k == *signer ? bundle::SignerTrust::verified
                                                                   : bundle::SignerTrust::unknown;
                                             },
                                             {}});
  const auto t0 = std::chrono::steady_clock::now();
  if (out_dir == nullptr) {
    if (auto r = reader.verify(*in); !r) die(bundle::describe(r.error()));
    report("verify", seconds_since(t0), size);
    return 0;
  }
  FolderConsumer folder(out_dir);
  if (auto r = reader.open(*in, folder); !r) die(bundle::describe(r.error()));
  if (!folder.commit()) die("commit");
  report("open (fsync)", seconds_since(t0), size);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "seal" && (argc == 7 || argc == 8)) {
    return seal(argv + 2, argc == 7 || std::string(argv[7]) != "nosync");
  }
  if (mode == "open" && argc == 6) return open_or_verify(argv + 2, argv[5]);
  if (mode == "verify" && argc == 5) return open_or_verify(argv + 2, nullptr);
  std::fprintf(
      stderr,
      "usage: bench_bundle seal <sender.key> <recipient> <file> <sha256> <out.age> [nosync]\n"
      "       bench_bundle open <identity.txt> <sender.pub> <bundle.age> <out-dir>\n"
      "       bench_bundle verify <identity.txt> <sender.pub> <bundle.age>\n");
  return 2;
}
