#include "safehold/core/bundle/sha256sums.hpp"

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/paths.hpp"

namespace safehold::core::bundle {
namespace {

void append_line(std::string& out, const Sha256Digest& d, std::string_view path) {
  out += to_hex(d);
  out += "  ";
  out += path;
  out += '\n';
}

}  // namespace

std::string format_sums(const Sha256Digest& manifest_sha256, const Manifest& m) {
  std::string out;
  out.reserve((m.files.size() + 1) * 180);
  append_line(out, manifest_sha256, kManifestPath);
  for (const auto& f : m.files) append_line(out, f.sha256, f.path);
  return out;
}

Result<std::vector<SumsLine>> parse_sums(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kMaxSumsSize) return fail(BundleError::too_large, "SHA256SUMS");
  std::string_view text = as_text(bytes);
  if (text.empty() || text.back() != '\n') return fail(BundleError::malformed_sums, "line end");
  std::vector<SumsLine> lines;
  while (!text.empty()) {
    const std::size_t n = lines.size() + 1;
    if (n > kMaxFiles + 1) return fail(BundleError::too_large, "SHA256SUMS lines");
    const std::size_t eol = text.find('\n');  // present: text ends with LF
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol + 1);
    const auto digest = parse_sha256_hex(line.substr(0, 64));
    if (!digest || line.size() < 67 || line.substr(64, 2) != "  ") {
      return fail(BundleError::malformed_sums, "line " + std::to_string(n));
    }
    const std::string_view path = line.substr(66);
    const bool path_ok = n == 1 ? path == kManifestPath : parse_file_path(path).has_value();
    if (!path_ok) return fail(BundleError::malformed_sums, "line " + std::to_string(n) + " path");
    lines.push_back(SumsLine{*digest, std::string(path)});
  }
  return lines;
}

Result<void> check_sums_match_files(const std::vector<SumsLine>& sums, const Manifest& m) {
  if (sums.size() != m.files.size() + 1) {
    return fail(BundleError::manifest_sums_mismatch, "line count");
  }
  for (std::size_t i = 0; i < m.files.size(); ++i) {
    const SumsLine& s = sums[i + 1];
    if (s.path != m.files[i].path || !digests_equal(s.sha256, m.files[i].sha256)) {
      return fail(BundleError::manifest_sums_mismatch, "line " + std::to_string(i + 2));
    }
  }
  return {};
}

}  // namespace safehold::core::bundle
