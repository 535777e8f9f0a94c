// prepare_bundle and BundleWriter: contents -> manifest, sums, signature ->
// age(tar).
#include "safehold/core/bundle/bundle_writer.hpp"

#include <algorithm>
#include <chrono>

#include "io_errors.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"
#include "safehold/crypto/age/encryptor.hpp"
#include "safehold/crypto/age/x25519.hpp"

namespace safehold::core::bundle {
namespace {

constexpr std::string_view kUntrustedComment = "safehold bundle signature";

// Sorts and refuses duplicates.
Result<void> sort_unique(std::vector<std::string>& v, const char* what) {
  std::sort(v.begin(), v.end());
  if (std::adjacent_find(v.begin(), v.end()) != v.end()) {
    return fail(BundleError::invalid_input, std::string("duplicate in ") + what);
  }
  return {};
}

Result<Manifest> build_manifest(const SenderKeys& sender, BundleContents& contents,
                                const WriteOptions& options) {
  Manifest m;
  m.format_version = options.format_version;
  m.bundle_id = options.bundle_id.empty() ? random_uuid4() : options.bundle_id;
  m.created = options.created ? *options.created
                              : std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
  m.app_version = options.app_version.empty() ? SAFEHOLD_APP_VERSION : options.app_version;
  const auto pub = sender.signing_key.public_key();
  m.sender = {sender.name, crypto::minisign::key_id_hex(pub.key_id()), pub.key_line(),
              sender.age_recipient};
  if (auto r = sort_unique(contents.recipients, "recipients"); !r) return unexpected(r.error());
  if (auto r = sort_unique(contents.case_ids, "cases"); !r) return unexpected(r.error());
  m.recipients = contents.recipients;
  m.cases = contents.case_ids;

  auto& files = contents.files;
  for (const auto& f : files) {
    if (!parse_file_path(f.path)) return fail(BundleError::invalid_input, "file path");
    if (!f.open) return fail(BundleError::invalid_input, "file without a source");
  }
  std::sort(files.begin(), files.end(), [](const OutgoingFile& a, const OutgoingFile& b) {
    return canonical_less(a.path, b.path);
  });
  for (const auto& f : files) m.files.push_back({f.path, f.size, f.sha256});

  if (auto r = validate_manifest(m); !r) {
    const BundleError code = r.error().code == BundleError::too_large ? BundleError::too_large
                                                                      : BundleError::invalid_input;
    return fail(code, r.error().detail);
  }
  return m;
}

}  // namespace

Result<PreparedBundle> prepare_bundle(const SenderKeys& sender, BundleContents contents,
                                      const WriteOptions& options) {
  auto m = build_manifest(sender, contents, options);
  if (!m) return unexpected(m.error());
  PreparedBundle b;
  b.manifest_text = encode_manifest(*m);
  b.sums_text = format_sums(sha256_of(b.manifest_text), *m);
  crypto::minisign::Prehasher prehasher;
  if (!prehasher.write(as_bytes(b.sums_text))) return fail(BundleError::write_failed, "prehash");
  auto signature = crypto::minisign::sign_prehashed(sender.signing_key, prehasher.finish(),
                                                    build_trusted_comment(*m), kUntrustedComment);
  if (!signature)
    return fail(BundleError::invalid_input, crypto::minisign::describe(signature.error()));
  b.signature_text = signature->text();
  b.manifest = std::move(*m);
  b.files = std::move(contents.files);
  return b;
}

BundleWriter::BundleWriter(SenderKeys sender, BundleContents contents, WriteOptions options)
    : sender_(std::move(sender)), contents_(std::move(contents)), options_(std::move(options)) {}

Result<Manifest> BundleWriter::write(base::ByteSink& out) {
  auto prepared = prepare_bundle(sender_, std::move(contents_), options_);
  if (!prepared) return unexpected(prepared.error());

  std::vector<age::X25519Recipient> recipients;
  for (const auto& r : prepared->manifest.recipients) {
    auto parsed = age::X25519Recipient::parse(r);  // validated: cannot fail
    if (!parsed) return fail(BundleError::invalid_input, "recipient");
    recipients.push_back(*parsed);
  }
  std::vector<const age::Recipient*> pointers;
  for (const auto& r : recipients) pointers.push_back(&r);

  auto encryptor = age::Encryptor::create(out, pointers);
  if (!encryptor) {
    const auto& e = encryptor.error();
    if (e.io) return fail(from_write_error(*e.io));
    return fail(BundleError::invalid_input, age::describe(e));
  }
  if (auto r = write_bundle_tar(*prepared, *encryptor, options_.progress); !r) {
    return unexpected(r.error());
  }
  if (auto r = encryptor->finish(); !r) return fail(from_write_error(r.error()));
  return std::move(prepared->manifest);
}

}  // namespace safehold::core::bundle
