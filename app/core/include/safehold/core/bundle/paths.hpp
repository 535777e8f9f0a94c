#pragma once
// Entry paths of a bundle (schema/bundle-v1.md section 3.3): the grammar, the
// group a path belongs to, its size limit, and the canonical order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safehold::core::bundle {

inline constexpr std::string_view kManifestPath = "manifest.json";
inline constexpr std::string_view kSumsPath = "SHA256SUMS";
inline constexpr std::string_view kSignaturePath = "SHA256SUMS.minisig";

enum class PathGroup { cases = 0, notices = 1, attachments = 2, audit = 3 };

struct FilePath {
  PathGroup group;
  std::string_view case_id;  // cases/ and audit/ only; a view into the checked path
  std::string_view notice_id;  // notices/ only
};

// Parses a file path (one after the leading three). nullopt when it breaks
// the grammar. The case id is not checked against a manifest here.
[[nodiscard]] std::optional<FilePath> parse_file_path(std::string_view path) noexcept;

// True for the three leading names.
[[nodiscard]] bool is_leading_path(std::string_view path) noexcept;

// Largest size a file in this group may have (section 3.4).
std::uint64_t max_file_size(PathGroup group) noexcept;

// Canonical order: cases, notices, attachments, audit; byte order within a group.
// Both paths must parse.
[[nodiscard]] bool canonical_less(std::string_view a, std::string_view b) noexcept;

}  // namespace safehold::core::bundle
