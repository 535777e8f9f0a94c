#include "safehold/appmodel/display_text.hpp"

#include <fribidi.h>

#include <vector>

namespace safehold::appmodel {
namespace {

bool arabic_letter(FriBidiChar c) { return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D5) || (c >= 0x06FA && c <= 0x06FF); }

bool right_to_left_block(FriBidiChar c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

// Marks ImGui draws as a separate advancing glyph instead of over/under the
// base letter: Tibetan vowel signs and subjoined letters (stacks), Arabic
// harakat, general combining marks.
bool mark_drawn_apart(FriBidiChar c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED) || c == 0x0F18 || c == 0x0F19 || c == 0x0F35 || c == 0x0F37 ||
         c == 0x0F39 || (c >= 0x0F3E && c <= 0x0F3F) || (c >= 0x0F71 && c <= 0x0F87) ||
         (c >= 0x0F8D && c <= 0x0FBC) || c == 0x0FC6 || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

bool needs(FriBidiChar c) { return right_to_left_block(c) || mark_drawn_apart(c); }

std::vector<FriBidiChar> to_utf32(std::string_view s) {
  std::vector<FriBidiChar> out(s.size() + 1);
  const FriBidiStrIndex n =
      fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, s.data(), static_cast<FriBidiStrIndex>(s.size()), out.data());
  out.resize(static_cast<std::size_t>(n));
  return out;
}

void append_utf8(std::string& out, const std::vector<FriBidiChar>& cps) {
  if (cps.empty()) return;
  std::vector<char> buf(cps.size() * 4 + 1);
  const FriBidiStrIndex n = fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, cps.data(),
                                                       static_cast<FriBidiStrIndex>(cps.size()), buf.data());
  out.append(buf.data(), static_cast<std::size_t>(n));
}

// One paragraph (no '\n').
void shape_line(const std::vector<FriBidiChar>& logical, DisplayText& out) {
  bool any = false;
  for (FriBidiChar c : logical) any = any || needs(c);
  if (!any) {
    append_utf8(out.visual, logical);
    return;
  }
  const auto n = static_cast<FriBidiStrIndex>(logical.size());
  std::vector<FriBidiChar> visual(logical.size() + 1);
  FriBidiParType base = FRIBIDI_PAR_ON;  // direction of the first strong letter
  // log2vis: bidi reordering, mirroring, and Arabic joining into presentation
  // forms incl. the lam-alef ligatures (FRIBIDI_FLAGS_ARABIC).
  if (fribidi_log2vis(logical.data(), n, &base, visual.data(), nullptr, nullptr, nullptr) == 0) {
    append_utf8(out.visual, logical);
    out.approximate = true;
    return;
  }
  visual.resize(logical.size());
  if (FRIBIDI_IS_RTL(base)) out.right_to_left = true;
  std::vector<FriBidiChar> kept;
  kept.reserve(visual.size());
  for (std::size_t i = 0; i < visual.size(); ++i) {
    const FriBidiChar c = visual[i];
    if (c == 0xFEFF) continue;  // FriBidi's filler where a ligature took two letters
    if (mark_drawn_apart(c)) out.approximate = true;
    // A letter left in its nominal form between joining neighbours: its
    // joined shape has no presentation form, so it is drawn unjoined.
    if (arabic_letter(c)) {
      const bool prev = i > 0 && (arabic_letter(visual[i - 1]) || (visual[i - 1] >= 0xFB50 && visual[i - 1] <= 0xFEFC));
      const bool next = i + 1 < visual.size() &&
                        (arabic_letter(visual[i + 1]) || (visual[i + 1] >= 0xFB50 && visual[i + 1] <= 0xFEFC));
      if (prev || next) out.approximate = true;
    }
    kept.push_back(c);
  }
  append_utf8(out.visual, kept);
}

}  // namespace

bool NeedsShaping(std::string_view s) {
  // Every code point of interest is at or above U+0300: its UTF-8 lead byte is >= 0xCC.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0xCC) {
      for (FriBidiChar c : to_utf32(s.substr(i))) {
        if (needs(c)) return true;
      }
      return false;
    }
  }
  return false;
}

DisplayText ShapeForDisplay(std::string_view logical) {
  DisplayText out;
  if (!NeedsShaping(logical)) {
    out.visual.assign(logical);
    return out;
  }
  out.visual.reserve(logical.size() + logical.size() / 2);
  std::size_t start = 0;
  while (start <= logical.size()) {
    const std::size_t nl = logical.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? logical.size() : nl;
    shape_line(to_utf32(logical.substr(start, end - start)), out);
    if (nl == std::string_view::npos) break;
    out.visual.push_back('\n');
    start = nl + 1;
  }
  return out;
}

}  // namespace safehold::appmodel
