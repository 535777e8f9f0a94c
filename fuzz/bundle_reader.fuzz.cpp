// Fuzzes the bundle reader after decryption (schema/bundle-v1.md section 8,
// steps 2-8): tar structure, manifest, SHA256SUMS, signature, trust,
// recipients, streaming hashes. Input: plaintext tar bytes. Seeds in
// fuzz/seeds/bundle_reader/ are valid bundles signed with the fixed fuzz key,
// so mutations reach every stage. It must never crash, and the consumer
// protocol must hold: on failure discard() exactly once; on success never,
// with every listed file delivered whole.
#include "safehold/core/bundle/bundle_reader.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

#include "bundle_fuzz_keys.hpp"

namespace bundle = safehold::core::bundle;

namespace {

class CheckingConsumer final : public bundle::BundleConsumer {
 public:
  int discards = 0, begins = 0, files = 0;
  bool in_file = false;
  std::uint64_t bytes = 0, expected = 0;

  bundle::Result<void> begin(const bundle::Manifest&) override {
    if (begins++ != 0) std::abort();
    return {};
  }
  bundle::Result<void> begin_file(const bundle::ManifestFile& f) override {
    if (begins != 1 || in_file) std::abort();
    in_file = true;
    bytes = 0;
    expected = f.size;
    return {};
  }
  bundle::Result<void> file_data(std::span<const std::uint8_t> b) override {
    if (!in_file) std::abort();
    bytes += b.size();
    if (bytes > expected) std::abort();  // the reader let an entry overrun its size
    return {};
  }
  bundle::Result<void> end_file(const bundle::ManifestFile& f) override {
    if (!in_file || bytes != f.size) std::abort();
    in_file = false;
    ++files;
    return {};
  }
  void discard() noexcept override { ++discards; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto keys = safehold::fuzz::bundle_fuzz_keys();
  static const auto signer = keys.signer.public_key();
  bundle::ReadOptions options;
  options.signer_trust = [](const safehold::crypto::minisign::PublicKey& k,
                            const safehold::core::bundle::ManifestSender&) {
    return k == signer ? bundle::SignerTrust::verified : bundle::SignerTrust::unknown;
  };
  safehold::base::SpanSource src({data, size});
  CheckingConsumer consumer;
  const auto r = bundle::read_bundle_tar(src, keys.own_recipient, options, consumer);
  if (r) {
    if (consumer.discards != 0 || consumer.begins != 1 || consumer.in_file) std::abort();
    if (static_cast<std::size_t>(consumer.files) != r->manifest.files.size()) std::abort();
    if (!(r->signer == signer)) std::abort();
  } else {
    if (consumer.discards != 1) std::abort();
    if (bundle::describe(r.error()).empty()) std::abort();
  }
  return 0;
}
