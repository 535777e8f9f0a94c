#pragma once
// SHA256SUMS (schema/bundle-v1.md section 5): exactly GNU sha256sum's text-mode
// output, "<64 hex>  <path>\n" per line; line 1 is manifest.json, then every
// file in manifest order.
#include <span>
#include <string>
#include <vector>

#include "safehold/core/bundle/error.hpp"
#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/sha256.hpp"

namespace safehold::core::bundle {

struct SumsLine {
  Sha256Digest sha256{};
  std::string path;
};

// The SHA256SUMS text for a manifest whose encoding hashes to manifest_sha256.
std::string format_sums(const Sha256Digest& manifest_sha256, const Manifest& m);

// Strict parse: the exact line format, line 1 for manifest.json, every other
// path a valid file path (section 3.3). Failure: malformed_sums, too_large.
[[nodiscard]] Result<std::vector<SumsLine>> parse_sums(std::span<const std::uint8_t> bytes);

// Lines 2… against the manifest's files: count, paths, hashes, in order.
// Failure: manifest_sums_mismatch (detail: the first differing line number).
[[nodiscard]] Result<void> check_sums_match_files(const std::vector<SumsLine>& sums,
                                                  const Manifest& m);

}  // namespace safehold::core::bundle
