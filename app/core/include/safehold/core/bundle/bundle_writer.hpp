#pragma once
// Seals a bundle (schema/bundle-v1.md section 7): the age-encrypted tar of
// manifest.json, SHA256SUMS, SHA256SUMS.minisig and the files, written to a
// byte sink in one streaming pass and constant memory.
//
// The hashes of the files are known in advance (recorded at intake), so the
// signed list precedes the files; each file's bytes are hashed again while
// they stream, and any difference from the declared size or SHA-256 stops the
// write with source_mismatch. The output is then incomplete: write through
// base::AtomicFileWriter and commit() only on success, so nothing half-written
// or unverified is ever published.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "safehold/core/bundle/error.hpp"
#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/progress.hpp"
#include "safehold/base/byte_io.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::core::bundle {

struct SenderKeys {
  const crypto::minisign::SecretKey& signing_key;
  std::string age_recipient;  // the sender's own "age1…", so recipients can reply
  std::string name;           // display name (schema/bundle-v1.md 4.1)
};

struct OutgoingFile {
  std::string path;  // schema/bundle-v1.md 3.3, e.g. "attachments/<uuid>"
  std::uint64_t size = 0;
  Sha256Digest sha256{};  // as recorded; the bytes are checked against it
  // Opens the bytes; called once, when the file's turn comes. Errors:
  // read_failed, or source_mismatch if the stored file is damaged.
  std::function<Result<std::unique_ptr<base::ByteSource>>()> open;
};

struct BundleContents {
  std::vector<std::string> recipients;  // "age1…"; any order; no duplicates
  std::vector<std::string> case_ids;    // uuid4; any order; no duplicates
  std::vector<OutgoingFile> files;      // any order; sorted canonically here
};

struct WriteOptions {
  std::string bundle_id;                // empty: a fresh random uuid4
  std::optional<std::int64_t> created;  // Unix seconds; unset: now
  std::string app_version;              // empty: this build's version
  ProgressFn progress;                  // optional
  int format_version = kFormatVersion;  // tests make version 1 bundles with 1
};

// Everything that precedes the files in the tar, and the files in their
// canonical order.
struct PreparedBundle {
  Manifest manifest;
  std::string manifest_text;
  std::string sums_text;
  std::string signature_text;
  std::vector<OutgoingFile> files;
};

// Checks the contents against the spec (invalid_input / too_large), builds
// the manifest, SHA256SUMS and the signature.
[[nodiscard]] Result<PreparedBundle> prepare_bundle(const SenderKeys& sender,
                                                    BundleContents contents,
                                                    const WriteOptions& options);

// Writes the bundle's tar (the age payload) to `out`. PLAINTEXT: only for
// tests, fuzz seeds and the age layer below; never to disk in the product.
[[nodiscard]] Result<void> write_bundle_tar(const PreparedBundle& bundle, base::ByteSink& out,
                                            const ProgressFn& progress = {});

class BundleWriter {
 public:
  BundleWriter(SenderKeys sender, BundleContents contents, WriteOptions options = {});

  // Writes the sealed bundle (binary age, one X25519 stanza per recipient in
  // manifest order) to `out`. Returns the manifest that was signed. On any
  // failure `out` holds an incomplete file that must be discarded.
  [[nodiscard]] Result<Manifest> write(base::ByteSink& out);

 private:
  SenderKeys sender_;
  BundleContents contents_;
  WriteOptions options_;
};

}  // namespace safehold::core::bundle
