#include "safehold/appmodel/astral_escapes.hpp"

namespace safehold::appmodel {
namespace {

bool is_private_use(char32_t cp) { return cp >= AstralEscapes::kLowest && cp <= AstralEscapes::kHighest; }

// One well-formed UTF-8 sequence at s[i]: its length, or 0 when the bytes
// there are malformed (overlong, surrogate, past U+10FFFF, truncated).
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, min = 0x80, cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, min = 0x800, cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, min = 0x10000, cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

void append_utf8(std::string& out, char32_t cp) {
  const auto byte = [](char32_t v) { return static_cast<char>(static_cast<unsigned char>(v)); };
  if (cp < 0x80) {
    out += byte(cp);
  } else if (cp < 0x800) {
    out += byte(0xC0 | (cp >> 6));
    out += byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += byte(0xE0 | (cp >> 12));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  } else {
    out += byte(0xF0 | (cp >> 18));
    out += byte(0x80 | ((cp >> 12) & 0x3F));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  }
}

// True if no byte of `s` can start a Private Use (EE, EF) or 4-byte (F0-F4)
// sequence: the common case, where text passes through unchanged.
bool plainly_bmp(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0xEE) return false;
  }
  return true;
}

}  // namespace

std::optional<char32_t> AstralEscapes::stand_in_for(char32_t original) {
  if (auto it = to_stand_in_.find(original); it != to_stand_in_.end()) return it->second;
  while (next_ >= kLowest && genuine_.count(next_) != 0) --next_;
  if (next_ < kLowest) return std::nullopt;
  const char32_t s = next_--;
  to_stand_in_.emplace(original, s);
  to_original_.emplace(s, original);
  return s;
}

std::optional<char32_t> AstralEscapes::to_edit(char32_t cp) {
  if (cp > 0xFFFF) return stand_in_for(cp);
  if (!is_private_use(cp)) return cp;
  if (to_original_.count(cp) != 0) return stand_in_for(cp);  // escape a genuine one
  genuine_.insert(cp);  // never handed out as a stand-in from now on
  return cp;
}

std::optional<std::string> AstralEscapes::to_edit(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_one(utf8, i, cp);
    if (len == 0) return std::nullopt;
    if (static_cast<unsigned char>(utf8[i]) < 0xEE) {  // below U+E000: as it is
      out.append(utf8.substr(i, len));
    } else {
      const auto mapped = to_edit(cp);
      if (!mapped) return std::nullopt;
      append_utf8(out, *mapped);
    }
    i += len;
  }
  return out;
}

std::string AstralEscapes::from_edit(std::string_view edit) const {
  if (to_original_.empty() || plainly_bmp(edit)) return std::string(edit);
  std::string out;
  out.reserve(edit.size());
  for (std::size_t i = 0; i < edit.size();) {
    char32_t cp = 0;
    std::size_t len = decode_one(edit, i, cp);
    if (len == 0) {
      out += edit[i++];  // malformed: copied as it is
      continue;
    }
    if (auto it = to_original_.find(cp); it != to_original_.end()) {
      append_utf8(out, it->second);
    } else {
      out.append(edit.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::size_t AstralEscapes::stand_ins_in(std::string_view edit) const {
  if (to_original_.empty() || plainly_bmp(edit)) return 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < edit.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_one(edit, i, cp);
    if (len != 0 && to_original_.count(cp) != 0) ++n;
    i += len == 0 ? 1 : len;
  }
  return n;
}

bool AstralEscapes::full() const {
  for (char32_t c = next_; c >= kLowest; --c) {
    if (genuine_.count(c) == 0) return false;
  }
  return true;
}

void AstralEscapes::clear() {
  // Swapping with empty containers frees the old bucket arrays (wiped by the
  // GUI's operator delete) instead of keeping them allocated.
  std::unordered_map<char32_t, char32_t>().swap(to_stand_in_);
  std::unordered_map<char32_t, char32_t>().swap(to_original_);
  std::unordered_set<char32_t>().swap(genuine_);
  next_ = kHighest;
}

AstralEscapes& astral_escapes() {
  static AstralEscapes table;
  return table;
}

}  // namespace safehold::appmodel
