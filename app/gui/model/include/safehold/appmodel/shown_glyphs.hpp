#pragma once
// Code points of text the app shows or receives (records read from the
// vault, typed and pasted text), so the GUI can add the glyphs its font atlas
// lacks (ImGui only draws glyphs built into the atlas; others show as "?").
//
// Contract: only the set of code points is kept, never the text, and only
// in memory; ASCII is skipped (always in the atlas). Thread-safe: case-list
// pages are read on a worker thread. AppModel::lock() clears the set.
#include <cstddef>
#include <mutex>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

namespace safehold::appmodel {

class CodepointSet {
 public:
  // Adds the non-ASCII code points of UTF-8 text (malformed bytes skipped).
  void add_utf8(std::string_view utf8);
  // Adds the code points of every string (values and keys) inside `j`.
  void add_json(const nlohmann::json& j);
  void add(char32_t cp);
  // Code points added since the previous call (each one once).
  [[nodiscard]] std::vector<char32_t> take_new();
  [[nodiscard]] std::size_t size() const;
  void clear();

 private:
  void add_locked(char32_t cp);
  mutable std::mutex mu_;
  std::unordered_set<char32_t> seen_;
  std::vector<char32_t> fresh_;
};

// The process's one set: the models feed it, the GUI's font code reads it.
CodepointSet& shown_codepoints();

}  // namespace safehold::appmodel
