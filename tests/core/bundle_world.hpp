#pragma once
// A small world for bundle tests: parties with real age and minisign keys,
// case material held in memory, a staging consumer that records what the
// reader told it, and tools to seal, open and craft (malicious) bundles.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bundle_fixtures.hpp"
#include "safehold/core/bundle/bundle_reader.hpp"
#include "safehold/core/bundle/bundle_writer.hpp"
#include "safehold/core/bundle/tar_writer.hpp"
#include "safehold/crypto/age/decryptor.hpp"
#include "safehold/crypto/age/encryptor.hpp"
#include "test_util.hpp"

namespace safehold::test {

using bundle::BundleError;

struct Party {
  age::X25519Identity age = age::X25519Identity::generate();
  crypto::minisign::SecretKey sign = crypto::minisign::SecretKey::generate();
  std::string recipient() const { return age.recipient().encode(); }
  bundle::SenderKeys sender_keys(std::string name = "Caseworker 林") const {
    return {sign, recipient(), std::move(name)};
  }
};

struct StoredFile {
  std::string path;
  std::vector<std::uint8_t> bytes;
};

// Two cases with records, attachments (one of `big` bytes) and audit excerpts.
struct CaseSet {
  std::vector<std::string> case_ids;
  std::vector<StoredFile> files;

  static CaseSet sample(std::size_t big = 3 << 20, std::uint32_t seed = 7) {
    CaseSet s;
    s.case_ids = {bundle::random_uuid4(), bundle::random_uuid4()};
    for (const auto& c : s.case_ids) {
      for (int i = 0; i < 2; ++i) {
        const std::string record =
            R"({"id":")" + bundle::random_uuid4() + R"(","entity":"incident"})";
        s.files.push_back({"cases/" + c + "/" + bundle::random_uuid4() + ".json",
                           {record.begin(), record.end()}});
      }
      s.files.push_back({"audit/" + c + "/custody.jsonl", pseudo_random_bytes(700, seed++)});
    }
    s.files.push_back({"attachments/" + bundle::random_uuid4(), pseudo_random_bytes(big, seed++)});
    s.files.push_back({"attachments/" + bundle::random_uuid4(), {}});  // empty file
    s.files.push_back({"attachments/" + bundle::random_uuid4(), pseudo_random_bytes(65536, seed)});
    return s;
  }

  const StoredFile* find(const std::string& path) const {
    for (const auto& f : files) {
      if (f.path == path) return &f;
    }
    return nullptr;
  }
};

// Contents whose sources read the CaseSet (which must outlive them).
inline bundle::BundleContents contents_for(const CaseSet& set,
                                           std::vector<std::string> recipients) {
  bundle::BundleContents c;
  c.recipients = std::move(recipients);
  c.case_ids = set.case_ids;
  for (const auto& f : set.files) {
    const auto* bytes = &f.bytes;
    c.files.push_back({f.path, f.bytes.size(), bundle::sha256_of(f.bytes),
                       [bytes]() -> bundle::Result<std::unique_ptr<base::ByteSource>> {
                         return std::make_unique<base::SpanSource>(*bytes);
                       }});
  }
  return c;
}

inline std::vector<std::string> recipients_of(std::initializer_list<const Party*> parties) {
  std::vector<std::string> out;
  for (const auto* p : parties) out.push_back(p->recipient());
  return out;
}

inline std::vector<std::uint8_t> seal(const Party& sender, const CaseSet& set,
                                      std::vector<std::string> recipients,
                                      bundle::WriteOptions options = {}) {
  base::VectorSink sink;
  bundle::BundleWriter writer(sender.sender_keys(), contents_for(set, std::move(recipients)),
                              std::move(options));
  const auto r = writer.write(sink);
  if (!r) throw std::runtime_error("seal failed: " + bundle::describe(r.error()));
  return std::move(sink.bytes());
}

// Trusts exactly one key, as verified (or as merely known).
inline bundle::SignerTrustFn trusting(const crypto::minisign::PublicKey& key,
                                      bundle::SignerTrust level = bundle::SignerTrust::verified) {
  return [key, level](const crypto::minisign::PublicKey& signer, const bundle::ManifestSender&) {
    return signer == key ? level : bundle::SignerTrust::unknown;
  };
}

// Records every call, in order, and keeps the staged bytes.
class StagingConsumer final : public bundle::BundleConsumer {
 public:
  std::optional<BundleError> refuse_begin_with;
  int begins = 0, discards = 0;
  std::optional<bundle::Manifest> manifest;
  std::map<std::string, std::vector<std::uint8_t>> staged;  // finished files
  std::vector<std::string> order;

  [[nodiscard]] bundle::Result<void> begin(const bundle::Manifest& m) override {
    ++begins;
    manifest = m;
    if (refuse_begin_with) return bundle::fail(*refuse_begin_with);
    return {};
  }
  [[nodiscard]] bundle::Result<void> begin_file(const bundle::ManifestFile& f) override {
    if (current_) throw std::logic_error("begin_file inside a file");
    current_ = f.path;
    pending_.clear();
    return {};
  }
  [[nodiscard]] bundle::Result<void> file_data(std::span<const std::uint8_t> b) override {
    if (!current_) throw std::logic_error("file_data outside a file");
    pending_.insert(pending_.end(), b.begin(), b.end());
    return {};
  }
  [[nodiscard]] bundle::Result<void> end_file(const bundle::ManifestFile& f) override {
    if (!current_ || *current_ != f.path) throw std::logic_error("end_file mismatch");
    staged[f.path] = std::move(pending_);
    order.push_back(f.path);
    current_.reset();
    return {};
  }
  void discard() noexcept override {
    ++discards;
    staged.clear();
    current_.reset();
  }

 private:
  std::optional<std::string> current_;
  std::vector<std::uint8_t> pending_;
};

struct Opened {
  bundle::Result<bundle::VerifiedBundle> result;
  StagingConsumer consumer;
};

inline std::unique_ptr<Opened> open_as(const Party& me, std::span<const std::uint8_t> bytes,
                                       bundle::SignerTrustFn trust,
                                       std::optional<BundleError> refuse_begin = {}) {
  auto out = std::unique_ptr<Opened>(new Opened{bundle::fail(BundleError::read_failed), {}});
  out->consumer.refuse_begin_with = refuse_begin;
  base::SpanSource src(bytes);
  bundle::BundleReader reader(me.age, {std::move(trust), {}});
  out->result = reader.open(src, out->consumer);
  return out;
}

// ---- crafting: build tars and age files entry by entry ----

struct Entry {
  std::string path;
  std::vector<std::uint8_t> bytes;
};

inline std::vector<std::uint8_t> bytes_of(std::string_view s) { return {s.begin(), s.end()}; }

inline std::vector<std::uint8_t> tar_of(const std::vector<Entry>& entries) {
  base::VectorSink sink;
  bundle::TarWriter tar(sink, 0);
  for (const auto& e : entries) {
    if (!tar.begin_entry(e.path, e.bytes.size()) || !tar.write(e.bytes) || !tar.end_entry()) {
      throw std::runtime_error("tar_of failed");
    }
  }
  if (!tar.finish()) throw std::runtime_error("tar_of failed");
  return std::move(sink.bytes());
}

inline std::vector<std::uint8_t> age_encrypt(std::span<const std::uint8_t> plaintext,
                                             const std::vector<std::string>& recipients) {
  std::vector<age::X25519Recipient> rs;
  for (const auto& r : recipients) rs.push_back(*age::X25519Recipient::parse(r));
  std::vector<const age::Recipient*> ptrs;
  for (const auto& r : rs) ptrs.push_back(&r);
  base::VectorSink sink;
  auto enc = age::Encryptor::create(sink, ptrs);
  if (!enc || !enc->write(plaintext) || !enc->finish()) throw std::runtime_error("age failed");
  return std::move(sink.bytes());
}

inline std::vector<std::uint8_t> age_decrypt(std::span<const std::uint8_t> file, const Party& me) {
  base::SpanSource src(file);
  auto dec = age::Decryptor::open(src, me.age);
  if (!dec) throw std::runtime_error("age open failed");
  base::VectorSink sink;
  std::vector<std::uint8_t> buf(65536);
  for (;;) {
    auto n = dec->read(buf);
    if (!n) throw std::runtime_error("age read failed");
    if (*n == 0) break;
    if (!sink.write({buf.data(), *n})) throw std::runtime_error("sink");
  }
  return std::move(sink.bytes());
}

// Where the age payload's first chunk starts: after "--- <mac>\n" and the
// 16-byte nonce. Chunks are 64 KiB + 16 bytes of tag.
inline std::size_t payload_offset(std::span<const std::uint8_t> age_file) {
  const std::string_view text(reinterpret_cast<const char*>(age_file.data()), age_file.size());
  const std::size_t mac_line = text.find("\n--- ");
  if (mac_line == std::string_view::npos) throw std::runtime_error("no age header");
  return text.find('\n', mac_line + 1) + 1 + 16;
}
inline constexpr std::size_t kAgeChunk = 65536 + 16;

// The legitimate entries of a prepared bundle, in order (to be altered).
inline std::vector<Entry> entries_of(const bundle::PreparedBundle& b, const CaseSet& set) {
  std::vector<Entry> out = {{"manifest.json", bytes_of(b.manifest_text)},
                            {"SHA256SUMS", bytes_of(b.sums_text)},
                            {"SHA256SUMS.minisig", bytes_of(b.signature_text)}};
  for (const auto& f : b.files) {
    const StoredFile* stored = set.find(f.path);
    if (stored == nullptr) throw std::logic_error("file not in the case set");
    out.push_back({f.path, stored->bytes});
  }
  return out;
}

// A minisign signature of `sums` by `key` with any trusted comment.
inline std::string sign_text(const crypto::minisign::SecretKey& key, std::string_view sums,
                             std::string_view comment) {
  crypto::minisign::Prehasher h;
  if (!h.write(bundle::as_bytes(sums))) throw std::runtime_error("prehash");
  auto sig =
      crypto::minisign::sign_prehashed(key, h.finish(), comment, "safehold bundle signature");
  if (!sig) throw std::runtime_error("sign");
  return sig->text();
}

}  // namespace safehold::test
