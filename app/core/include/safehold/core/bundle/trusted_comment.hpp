#pragma once
// The signature's trusted comment (schema/bundle-v1.md section 6.1):
//   safehold-bundle v1 id=<bundle_id> recipients=<sha256 hex of "r1\nr2\n…">
#include <string>
#include <string_view>
#include <vector>

#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/sha256.hpp"

namespace safehold::core::bundle {

// SHA-256 of the recipients in the given order, each followed by LF.
Sha256Digest recipients_digest(const std::vector<std::string>& recipients);

std::string build_trusted_comment(const Manifest& m);

// True iff `comment` is exactly the trusted comment for `m`.
[[nodiscard]] bool trusted_comment_matches(std::string_view comment, const Manifest& m);

}  // namespace safehold::core::bundle
