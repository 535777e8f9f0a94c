#pragma once
// The bundle manifest (schema/bundle-v1.md section 4): model, the rules it must
// satisfy, its one canonical encoding, and a strict parser.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/error.hpp"
#include "safehold/core/bundle/sha256.hpp"

namespace safehold::core::bundle {

struct ManifestSender {
  std::string name;                 // display name, UTF-8
  std::string minisign_key_id;      // 16 uppercase hex, as minisign prints it
  std::string minisign_public_key;  // base64 line of the public key file ("RW…")
  std::string age_recipient;        // age1…
};

struct ManifestFile {
  std::string path;
  std::uint64_t size = 0;
  Sha256Digest sha256{};
};

struct Manifest {
  int format_version = kFormatVersion;  // kOldestFormatVersion..kFormatVersion
  std::string bundle_id;     // uuid4
  std::int64_t created = 0;  // Unix seconds, UTC
  std::string app_version;
  ManifestSender sender;
  std::vector<std::string> recipients;  // sorted, unique
  std::vector<std::string> cases;       // sorted, unique
  std::vector<ManifestFile> files;      // canonical order, unique
};

// Every rule of sections 3.3, 3.4 and 4.1. Failure: malformed_manifest (or
// too_large for a limit) with the rule in the detail.
[[nodiscard]] Result<void> validate_manifest(const Manifest& m);

// The canonical encoding (section 4.2). Precondition: validate_manifest(m).
std::string encode_manifest(const Manifest& m);

// Strict parse: size and shape limits, exact members and types, every rule,
// and the bytes must be the canonical encoding of what was parsed.
[[nodiscard]] Result<Manifest> parse_manifest(std::span<const std::uint8_t> bytes);

}  // namespace safehold::core::bundle
