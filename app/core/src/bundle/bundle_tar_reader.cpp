// read_bundle_tar: schema/bundle-v1.md section 8, steps 2-8, on the plaintext
// tar. Failures are returned in the order the spec lists the checks; the
// consumer is told to discard on every failure.
#include <unordered_map>

#include "safehold/core/bundle/bundle_reader.hpp"
#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/tar_reader.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"

namespace safehold::core::bundle {
namespace {

namespace ms = crypto::minisign;

std::string entry_name(const TarEntry& e) { return "entry " + std::to_string(e.number); }

// Reads a whole (small, size-checked) entry into memory.
Result<std::vector<std::uint8_t>> slurp(TarReader& tar, const TarEntry& e) {
  std::vector<std::uint8_t> out;
  out.reserve(static_cast<std::size_t>(e.size));
  for (;;) {
    auto piece = tar.read();
    if (!piece) return unexpected(piece.error());
    if (piece->empty()) break;
    out.insert(out.end(), piece->begin(), piece->end());
  }
  if (out.size() != e.size) return fail(BundleError::malformed_tar, entry_name(e));
  return out;
}

struct Leading {
  std::vector<std::uint8_t> manifest, sums, signature;
};

// Step 2: the three leading entries, in order, read into memory.
Result<Leading> read_leading(TarReader& tar) {
  static constexpr std::string_view names[3] = {kManifestPath, kSumsPath, kSignaturePath};
  static constexpr std::size_t limits[3] = {kMaxManifestSize, kMaxSumsSize, kMaxSignatureSize};
  Leading out;
  std::vector<std::uint8_t>* slots[3] = {&out.manifest, &out.sums, &out.signature};
  for (std::size_t k = 0; k < 3; ++k) {
    auto e = tar.next();
    if (!e) return unexpected(e.error());
    if (!*e) return fail(BundleError::malformed_tar, "fewer than three entries");
    const TarEntry& entry = **e;
    if (is_leading_path(entry.path)) {
      for (std::size_t j = 0; j < k; ++j) {
        if (entry.path == names[j]) return fail(BundleError::duplicate_entry, entry_name(entry));
      }
      if (entry.path != names[k]) return fail(BundleError::wrong_order, entry_name(entry));
    } else if (parse_file_path(entry.path)) {
      return fail(BundleError::wrong_order, entry_name(entry));
    } else {
      return fail(BundleError::unsafe_path, entry_name(entry));
    }
    if (entry.size > limits[k]) return fail(BundleError::too_large, std::string(names[k]));
    auto bytes = slurp(tar, entry);
    if (!bytes) return unexpected(bytes.error());
    *slots[k] = std::move(*bytes);
  }
  return out;
}

struct Authenticated {
  Manifest manifest;
  ms::PublicKey signer;
};

// Step 3: parse, verify the signature, bind manifest and trusted comment,
// then ask whether the signer is a verified contact.
Result<Authenticated> authenticate(const Leading& in, const SignerTrustFn& trust,
                                   std::vector<SumsLine>& sums_out) {
  const std::string_view sig_text = as_text(in.signature);
  auto sig = ms::Signature::parse(sig_text);
  if (!sig || sig->text() != sig_text) return fail(BundleError::malformed_signature);
  auto manifest = parse_manifest(in.manifest);
  if (!manifest) return unexpected(manifest.error());
  auto sums = parse_sums(in.sums);
  if (!sums) return unexpected(sums.error());

  // Validated by parse_manifest, so this parses.
  auto signer = ms::PublicKey::parse_key_line(manifest->sender.minisign_public_key);
  if (!signer) return fail(BundleError::malformed_manifest, "sender.minisign_public_key");
  if (sig->key_id() != signer->key_id()) return fail(BundleError::tampered, "signature key");
  ms::Prehasher prehasher;
  if (!prehasher.write(in.sums)) return fail(BundleError::tampered, "signature");
  auto comment = ms::verify_prehashed(*signer, *sig, prehasher.finish());
  if (!comment) return fail(BundleError::tampered, "signature");
  if (!digests_equal((*sums)[0].sha256, sha256_of(in.manifest))) {
    return fail(BundleError::tampered, "manifest.json");
  }
  if (!trusted_comment_matches(*comment, *manifest)) {
    return fail(BundleError::tampered, "trusted comment");
  }
  const std::string key_id = "key " + ms::key_id_hex(signer->key_id());
  switch (trust ? trust(*signer, manifest->sender) : SignerTrust::unknown) {
    case SignerTrust::unknown:
      return fail(BundleError::unknown_signer, key_id);
    case SignerTrust::unverified:
      return fail(BundleError::unverified_signer, key_id);
    case SignerTrust::verified:
      break;
  }
  sums_out = std::move(*sums);
  return Authenticated{std::move(*manifest), *signer};
}

// Step 7-8: every file in manifest order, hashed while it streams to the consumer.
class FileChecker {
 public:
  FileChecker(TarReader& tar, const Manifest& m, const ProgressFn& progress,
              BundleConsumer& consumer)
      : tar_(tar), m_(m), progress_(progress), consumer_(consumer) {
    for (std::size_t i = 0; i < m.files.size(); ++i) index_.emplace(m.files[i].path, i);
    for (const auto& f : m.files) total_ += f.size;
  }

  Result<void> run() {
    if (progress_ && !progress_(0, total_)) return fail(BundleError::cancelled);
    for (std::size_t next = 0;; ++next) {
      auto e = tar_.next();
      if (!e) return unexpected(e.error());
      if (!*e) {
        if (next < m_.files.size()) return fail(BundleError::file_missing, m_.files[next].path);
        return {};
      }
      if (auto r = place(**e, next); !r) return r;
      if (auto r = stream(**e, m_.files[next]); !r) return r;
    }
  }

 private:
  // The entry must be files[next]: say precisely why not. Also right for
  // next == files.size() (all listed seen): a listed path is then a repeat.
  Result<void> place(const TarEntry& e, std::size_t next) const {
    if (is_leading_path(e.path)) return fail(BundleError::duplicate_entry, entry_name(e));
    if (!parse_file_path(e.path)) return fail(BundleError::unsafe_path, entry_name(e));
    const auto it = index_.find(e.path);
    if (it == index_.end()) return fail(BundleError::file_not_listed, entry_name(e));
    if (it->second < next) return fail(BundleError::duplicate_entry, entry_name(e));
    if (it->second > next) return fail(BundleError::file_missing, m_.files[next].path);
    if (e.size != m_.files[next].size) return fail(BundleError::tampered, e.path);
    return {};
  }

  Result<void> stream(const TarEntry& e, const ManifestFile& f) {
    if (auto r = consumer_.begin_file(f); !r) return r;
    Sha256 hash;
    for (;;) {
      auto piece = tar_.read();
      if (!piece) return unexpected(piece.error());
      if (piece->empty()) break;
      hash.update(*piece);
      if (auto r = consumer_.file_data(*piece); !r) return r;
      done_ += piece->size();
      if (progress_ && !progress_(done_, total_)) return fail(BundleError::cancelled);
    }
    if (!digests_equal(hash.finish(), f.sha256)) return fail(BundleError::tampered, e.path);
    return consumer_.end_file(f);
  }

  TarReader& tar_;
  const Manifest& m_;
  const ProgressFn& progress_;
  BundleConsumer& consumer_;
  std::unordered_map<std::string, std::size_t> index_;
  std::uint64_t total_ = 0;
  std::uint64_t done_ = 0;
};

Result<VerifiedBundle> read_checked(base::ByteSource& in, std::string_view own_recipient,
                                    const ReadOptions& options, BundleConsumer& consumer) {
  TarReader tar(in);
  auto leading = read_leading(tar);
  if (!leading) return unexpected(leading.error());
  std::vector<SumsLine> sums;
  auto auth = authenticate(*leading, options.signer_trust, sums);
  if (!auth) return unexpected(auth.error());
  const Manifest& m = auth->manifest;
  // Step 4: the signed recipient list must name us.
  if (!std::binary_search(m.recipients.begin(), m.recipients.end(), own_recipient)) {
    return fail(BundleError::forwarded);
  }
  // Step 5.
  if (auto r = check_sums_match_files(sums, m); !r) return unexpected(r.error());
  // Step 6 is the consumer's (already imported).
  if (auto r = consumer.begin(m); !r) return unexpected(r.error());
  FileChecker files(tar, m, options.progress, consumer);
  if (auto r = files.run(); !r) return unexpected(r.error());
  return VerifiedBundle{std::move(auth->manifest), auth->signer};
}

}  // namespace

Result<VerifiedBundle> read_bundle_tar(base::ByteSource& tar, std::string_view own_recipient,
                                       const ReadOptions& options, BundleConsumer& consumer) {
  auto r = read_checked(tar, own_recipient, options, consumer);
  if (!r) consumer.discard();
  return r;
}

}  // namespace safehold::core::bundle
