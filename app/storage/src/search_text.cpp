#include "search_text.hpp"

#include <vector>

namespace safehold::storage::detail {
namespace {

// Decodes UTF-8; an invalid sequence yields U+FFFD for one byte (queries come
// from users; indexed text was validated as UTF-8 by safehold_schema).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto bits = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 < 0x80) {
    i += 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2 && cont(1)) {
    const char32_t c = static_cast<char32_t>(b0 & 0x1F) << 6 | bits(1);
    i += 2;
    return c;
  }
  if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    const char32_t c = static_cast<char32_t>(b0 & 0x0F) << 12 | bits(1) << 6 | bits(2);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      i += 3;
      return c;
    }
  }
  if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    const char32_t c = static_cast<char32_t>(b0 & 0x07) << 18 | bits(1) << 12 | bits(2) << 6 | bits(3);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      i += 4;
      return c;
    }
  }
  i += 1;
  return 0xFFFD;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Control characters count as spaces: FTS5 reads its expression as a C
// string, so a NUL inside a quoted term would cut it short.
bool is_space(char32_t c) noexcept { return c < 0x20 || c == 0x7F || c == ' ' || c == 0x3000 || c == 0xA0; }

// Characters that can start or continue a token for unicode61: ASCII letters
// and digits, and non-ASCII outside the common punctuation blocks.
bool is_word_char(char32_t c) noexcept {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c <= 0xBF || c == 0xD7 || c == 0xF7 || c == 0xFFFD) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, boxes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK symbols and punctuation
  if (c >= 0xFE30 && c <= 0xFE6F) return false;  // CJK compatibility / small forms
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  return true;
}

struct Segment {
  bool cjk = false;
  std::u32string chars;
};

// Splits a term into maximal CJK and non-CJK runs.
std::vector<Segment> segments(const std::u32string& term) {
  std::vector<Segment> out;
  for (char32_t c : term) {
    const bool cjk = is_cjk(c);
    if (out.empty() || out.back().cjk != cjk) out.push_back({cjk, {}});
    out.back().chars += c;
  }
  return out;
}

std::string fts_phrase(const std::u32string& chars) {
  std::string out = "\"";
  for (char32_t c : chars) {
    if (c == '"') out += '"';  // FTS5 escapes a quote by doubling it
    append_utf8(out, c);
  }
  return out + "\"";
}

std::string bigram_phrase(const std::u32string& run) {
  std::u32string spaced;
  for (std::size_t i = 0; i + 1 < run.size(); ++i) {
    if (i > 0) spaced += U' ';
    spaced += run.substr(i, 2);
  }
  return fts_phrase(spaced);
}

// One term of the query. Latin words match whole (stemmed) words; a trailing
// '*' asks for a prefix match of the last word (FTS5 has to merge every
// matching term's postings for that, so it is opt-in). CJK runs match as
// substrings.
void add_term(std::vector<std::string>& clauses, std::u32string term, bool phrase) {
  bool prefix = false;
  while (!phrase && !term.empty() && term.back() == U'*') {
    term.pop_back();
    prefix = true;
  }
  const auto segs = segments(term);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const auto& seg = segs[i];
    if (seg.cjk) {
      if (seg.chars.size() == 1) {
        clauses.push_back("cjk_chars : " + fts_phrase(seg.chars));
      } else {
        clauses.push_back("words : " + bigram_phrase(seg.chars));
      }
      continue;
    }
    bool has_word = false;
    for (char32_t c : seg.chars) has_word = has_word || is_word_char(c);
    if (!has_word) continue;
    clauses.push_back("words : " + fts_phrase(seg.chars) + (prefix && i + 1 == segs.size() ? " *" : ""));
  }
}

}  // namespace

bool is_cjk(char32_t c) noexcept {
  return (c >= 0x3040 && c <= 0x30FF) ||    // hiragana, katakana
         (c >= 0x3100 && c <= 0x312F) ||    // bopomofo
         (c >= 0x31A0 && c <= 0x31FF) ||    // bopomofo ext, katakana ext
         (c >= 0x3400 && c <= 0x4DBF) ||    // Han ext A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // Han
         (c >= 0xAC00 && c <= 0xD7AF) ||    // hangul syllables
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x20000 && c <= 0x3134F);    // Han ext B-G, compatibility supplement
}

IndexedText index_columns(std::string_view text) {
  IndexedText out;
  out.words.reserve(text.size() + text.size() / 2);
  std::u32string run;
  auto flush = [&] {
    if (run.empty()) return;
    out.words += ' ';
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
      append_utf8(out.words, run[i]);
      append_utf8(out.words, run[i + 1]);
      out.words += ' ';
    }
    for (char32_t c : run) {
      append_utf8(out.cjk_chars, c);
      out.cjk_chars += ' ';
    }
    run.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (is_cjk(c)) {
      run += c;
      continue;
    }
    flush();
    append_utf8(out.words, c);
  }
  flush();
  return out;
}

expected<std::string, StorageError> match_expression(std::string_view query) {
  std::vector<std::string> clauses;
  std::u32string term;
  bool in_quotes = false;
  for (std::size_t i = 0; i < query.size();) {
    const char32_t c = next_code_point(query, i);
    if (c == '"') {
      add_term(clauses, term, in_quotes);
      term.clear();
      in_quotes = !in_quotes;
    } else if (is_space(c) && !in_quotes) {
      add_term(clauses, term, false);
      term.clear();
    } else {
      term += is_space(c) ? U' ' : c;
    }
  }
  if (in_quotes) return unexpected(make_error(VaultError::invalid_query, "unbalanced quote"));
  add_term(clauses, term, false);
  std::string out;
  for (const auto& c : clauses) {
    if (!out.empty()) out += " AND ";
    out += c;
  }
  return out;
}

}  // namespace safehold::storage::detail
