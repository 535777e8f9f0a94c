#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {
namespace {

// Decodes one UTF-8 sequence at `s[i]`; returns its length (1 for a
// malformed byte, whose code point is then 0 and ignored).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  cp = 0;
  if (len == 0 || i + len > s.size()) return 1;
  cp = len == 1 ? b0 : static_cast<char32_t>(b0 & (0x7F >> len));
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      cp = 0;
      return 1;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return len;
}

}  // namespace

void CodepointSet::add_locked(char32_t cp) {
  if (cp < 0x80 || cp > 0x10FFFF) return;
  if (seen_.insert(cp).second) fresh_.push_back(cp);
}

void CodepointSet::add(char32_t cp) {
  std::lock_guard lock(mu_);
  add_locked(cp);
}

void CodepointSet::add_utf8(std::string_view utf8) {
  std::lock_guard lock(mu_);
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    i += decode(utf8, i, cp);
    add_locked(cp);
  }
}

void CodepointSet::add_json(const nlohmann::json& j) {
  if (j.is_string()) {
    add_utf8(j.get_ref<const std::string&>());
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      add_utf8(key);
      add_json(value);
    }
  } else if (j.is_array()) {
    for (const auto& value : j) add_json(value);
  }
}

std::vector<char32_t> CodepointSet::take_new() {
  std::lock_guard lock(mu_);
  std::vector<char32_t> out;
  out.swap(fresh_);
  return out;
}

std::size_t CodepointSet::size() const {
  std::lock_guard lock(mu_);
  return seen_.size();
}

void CodepointSet::clear() {
  std::lock_guard lock(mu_);
  seen_.clear();
  fresh_.clear();
  fresh_.shrink_to_fit();
  // Rehash to an empty bucket array: the old one is freed (and wiped by the
  // GUI's operator delete).
  std::unordered_set<char32_t>().swap(seen_);
}

CodepointSet& shown_codepoints() {
  static CodepointSet set;
  return set;
}

}  // namespace safehold::appmodel
