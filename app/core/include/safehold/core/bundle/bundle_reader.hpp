#pragma once
// Verifies and opens a sealed bundle (schema/bundle-v1.md section 8), streaming
// in constant memory, with the checks in the spec's order. Content goes to a
// BundleConsumer that stages it; success is returned only after the final age
// chunk and every check, and only then may the caller commit what was staged.
//
//   BundleReader reader(identity, {.signer_trust = contacts_lookup});
//   auto r = reader.open(file_source, staging);   // or reader.verify(file_source)
//   if (r) commit staging; else show describe(r.error()) — staging was discarded
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "safehold/core/bundle/error.hpp"
#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/progress.hpp"
#include "safehold/crypto/age/x25519.hpp"
#include "safehold/base/byte_io.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::core::bundle {

enum class SignerTrust {
  unknown,     // no contact holds this key
  unverified,  // a contact holds it but the user has not verified it
  verified,    // a contact verified in person, by call or by QR
};

// Looks up the key that made a (cryptographically valid) signature. Called
// once per bundle; it sees the key only after the signature verified under it,
// together with the sender as the now authentic manifest names it (so an
// unknown signer can be shown with its age recipient and fingerprint; the
// name is only what that key claims).
using SignerTrustFn =
    std::function<SignerTrust(const crypto::minisign::PublicKey& signer, const ManifestSender& sender)>;

// Receives a bundle's content while it is read. Nothing it receives may be
// acted on or published before the reader returns success.
class BundleConsumer {
 public:
  virtual ~BundleConsumer() = default;
  // Once, after steps 1-5 of section 8: the manifest is authentic, made by a
  // verified contact, addressed to us, and agrees with SHA256SUMS. Fail (e.g.
  // already_imported) to stop before any file is read.
  [[nodiscard]] virtual Result<void> begin(const Manifest& manifest) = 0;
  // For each file, in manifest order: begin_file, file_data* (bytes not yet
  // verified), end_file (its SHA-256 matched; the bundle is still unverified).
  [[nodiscard]] virtual Result<void> begin_file(const ManifestFile& file) = 0;
  [[nodiscard]] virtual Result<void> file_data(std::span<const std::uint8_t> bytes) = 0;
  [[nodiscard]] virtual Result<void> end_file(const ManifestFile& file) = 0;
  // Called exactly once if the read fails, whenever it fails (also before
  // begin()): drop everything staged. Never called on success.
  virtual void discard() noexcept = 0;
};

// Verify-only: keeps nothing.
class DiscardingConsumer final : public BundleConsumer {
 public:
  [[nodiscard]] Result<void> begin(const Manifest&) override { return {}; }
  [[nodiscard]] Result<void> begin_file(const ManifestFile&) override { return {}; }
  [[nodiscard]] Result<void> file_data(std::span<const std::uint8_t>) override { return {}; }
  [[nodiscard]] Result<void> end_file(const ManifestFile&) override { return {}; }
  void discard() noexcept override {}
};

struct ReadOptions {
  SignerTrustFn signer_trust;  // required; unset means every signer is unknown
  ProgressFn progress;         // optional; total = sum of file sizes in the manifest
};

struct VerifiedBundle {
  Manifest manifest;
  crypto::minisign::PublicKey signer;
};

// The reader after decryption: section 8 steps 2-8 on the plaintext tar.
// `own_recipient` is our "age1…". Used by BundleReader, the fuzzer and tests.
[[nodiscard]] Result<VerifiedBundle> read_bundle_tar(base::ByteSource& tar,
                                                     std::string_view own_recipient,
                                                     const ReadOptions& options,
                                                     BundleConsumer& consumer);

class BundleReader {
 public:
  // The identity must outlive the reader.
  BundleReader(const age::X25519Identity& identity, ReadOptions options);

  // Section 8 steps 1-8 on a sealed bundle (binary age only).
  [[nodiscard]] Result<VerifiedBundle> open(base::ByteSource& bundle, BundleConsumer& consumer);
  // The same checks, keeping nothing.
  [[nodiscard]] Result<VerifiedBundle> verify(base::ByteSource& bundle);

 private:
  const age::X25519Identity& identity_;
  ReadOptions options_;
};

}  // namespace safehold::core::bundle
