#include "safehold/core/bundle/paths.hpp"

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/text_formats.hpp"

namespace safehold::core::bundle {
namespace {

bool is_alnum(char c) noexcept { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

// name = alnum [ *62( alnum / "." / "_" / "-" ) alnum ]
bool is_name(std::string_view s) noexcept {
  if (s.empty() || s.size() > 64 || !is_alnum(s.front()) || !is_alnum(s.back())) return false;
  for (const char c : s) {
    if (!is_alnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

bool consume(std::string_view& s, std::string_view prefix) noexcept {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace

std::optional<FilePath> parse_file_path(std::string_view path) noexcept {
  std::string_view rest = path;
  if (consume(rest, "cases/")) {
    // cases/<case-id>/<record-id>.json
    if (rest.size() != 36 + 1 + 36 + 5 || rest[36] != '/' || rest.substr(73) != ".json") {
      return std::nullopt;
    }
    if (!is_uuid4(rest.substr(0, 36)) || !is_uuid4(rest.substr(37, 36))) return std::nullopt;
    return FilePath{PathGroup::cases, path.substr(6, 36), {}};
  }
  if (consume(rest, "notices/")) {
    // notices/<notice-id>.json (format version 2)
    if (rest.size() != 36 + 5 || rest.substr(36) != ".json" || !is_uuid4(rest.substr(0, 36))) return std::nullopt;
    return FilePath{PathGroup::notices, {}, path.substr(8, 36)};
  }
  if (consume(rest, "attachments/")) {
    if (!is_uuid4(rest)) return std::nullopt;
    return FilePath{PathGroup::attachments, {}, {}};
  }
  if (consume(rest, "audit/")) {
    // audit/<case-id>/<name>
    if (rest.size() < 38 || rest[36] != '/') return std::nullopt;
    if (!is_uuid4(rest.substr(0, 36)) || !is_name(rest.substr(37))) return std::nullopt;
    return FilePath{PathGroup::audit, path.substr(6, 36), {}};
  }
  return std::nullopt;
}

bool is_leading_path(std::string_view path) noexcept {
  return path == kManifestPath || path == kSumsPath || path == kSignaturePath;
}

std::uint64_t max_file_size(PathGroup group) noexcept {
  switch (group) {
    case PathGroup::cases:
      return kMaxCaseFileSize;
    case PathGroup::notices:
      return kMaxNoticeFileSize;
    case PathGroup::attachments:
      return kMaxAttachmentSize;
    case PathGroup::audit:
      return kMaxAuditFileSize;
  }
  return 0;
}

bool canonical_less(std::string_view a, std::string_view b) noexcept {
  const auto pa = parse_file_path(a);
  const auto pb = parse_file_path(b);
  const int ga = pa ? static_cast<int>(pa->group) : 4;
  const int gb = pb ? static_cast<int>(pb->group) : 4;
  if (ga != gb) return ga < gb;
  return a < b;  // std::string_view compares bytes as unsigned char
}

}  // namespace safehold::core::bundle
