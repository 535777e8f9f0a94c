// validate_manifest: the semantic rules of schema/bundle-v1.md 3.3, 3.4, 4.1.
#include "safehold/core/bundle/manifest.hpp"

#include <algorithm>

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::core::bundle {
namespace {

Result<void> bad_rule(std::string rule) {
  return fail(BundleError::malformed_manifest, std::move(rule));
}

bool sorted_unique(const std::vector<std::string>& v) {
  return std::adjacent_find(v.begin(), v.end(),
                            [](const auto& a, const auto& b) { return !(a < b); }) == v.end();
}

Result<void> validate_sender(const ManifestSender& s) {
  if (!is_sender_name(s.name)) return bad_rule("sender.name");
  const auto key = crypto::minisign::PublicKey::parse_key_line(s.minisign_public_key);
  if (!key) return bad_rule("sender.minisign_public_key");
  if (s.minisign_key_id != crypto::minisign::key_id_hex(key->key_id())) {
    return bad_rule("sender.minisign_key_id");
  }
  if (!is_age_recipient(s.age_recipient)) return bad_rule("sender.age_recipient");
  return {};
}

Result<void> validate_files(const Manifest& m) {
  if (m.files.size() > kMaxFiles) return fail(BundleError::too_large, "files");
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < m.files.size(); ++i) {
    const ManifestFile& f = m.files[i];
    const auto parsed = parse_file_path(f.path);
    if (!parsed) return bad_rule("files[" + std::to_string(i) + "].path");
    if (parsed->group == PathGroup::notices && m.format_version < 2) {
      return bad_rule("files[" + std::to_string(i) + "] a notice in a format version 1 bundle");
    }
    if (parsed->group != PathGroup::attachments && parsed->group != PathGroup::notices &&
        !std::binary_search(m.cases.begin(), m.cases.end(), parsed->case_id)) {
      return bad_rule("files[" + std::to_string(i) + "] case not listed");
    }
    if (i > 0 && !canonical_less(m.files[i - 1].path, f.path)) {
      return bad_rule("files not in canonical order at " + std::to_string(i));
    }
    if (f.size > max_file_size(parsed->group)) {
      return fail(BundleError::too_large, "files[" + std::to_string(i) + "].size");
    }
    total += f.size;  // cannot overflow: 20000 * 2^36 < 2^64
  }
  if (total > kMaxTotalSize) return fail(BundleError::too_large, "total size");
  return {};
}

}  // namespace

Result<void> validate_manifest(const Manifest& m) {
  if (!is_uuid4(m.bundle_id)) return bad_rule("bundle_id");
  const auto created = parse_utc(format_utc(m.created));  // in range iff it round-trips
  if (!created || *created != m.created) return bad_rule("created");
  if (!is_app_version(m.app_version)) return bad_rule("app_version");
  if (auto r = validate_sender(m.sender); !r) return r;

  if (m.recipients.empty()) return bad_rule("recipients empty");
  if (m.recipients.size() > kMaxRecipients) return fail(BundleError::too_large, "recipients");
  for (const auto& r : m.recipients) {
    if (!is_age_recipient(r)) return bad_rule("recipients");
  }
  if (!sorted_unique(m.recipients)) return bad_rule("recipients not sorted and unique");

  if (m.cases.empty()) return bad_rule("cases empty");
  if (m.cases.size() > kMaxCases) return fail(BundleError::too_large, "cases");
  for (const auto& c : m.cases) {
    if (!is_uuid4(c)) return bad_rule("cases");
  }
  if (!sorted_unique(m.cases)) return bad_rule("cases not sorted and unique");

  return validate_files(m);
}

}  // namespace safehold::core::bundle
