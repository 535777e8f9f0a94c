#pragma once
// Every file under a folder with its bytes: "nothing changed on disk" is
// snapshot(before) == snapshot(after).
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace safehold::test {

using FolderSnapshot = std::map<std::string, std::vector<std::uint8_t>>;

inline FolderSnapshot snapshot(const std::filesystem::path& folder) {
  FolderSnapshot out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(folder)) {
    const auto rel = std::filesystem::relative(e.path(), folder).string();
    out[rel + (e.is_directory() ? "/" : "")] = e.is_regular_file() ? read_file(e.path()) : std::vector<std::uint8_t>{};
  }
  return out;
}

inline std::vector<std::string> names(const FolderSnapshot& s) {
  std::vector<std::string> out;
  for (const auto& [k, v] : s) out.push_back(k);
  return out;
}

// The names in a folder, sorted, not recursive (what a backup, verify or
// restore left beside the vault).
inline std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace safehold::test
