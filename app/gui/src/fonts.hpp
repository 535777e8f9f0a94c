#pragma once
// Fonts found at run time with fontconfig: a Latin face (Noto Sans, else the
// system's sans: Latin incl. Extended-A/B, Greek, Cyrillic incl. Kazakh and
// Kyrgyz letters), then merged under it, each filling only what the faces
// before lack: Arabic (Noto Sans Arabic / Naskh / DejaVu, with the Arabic
// presentation forms ShapeForDisplay emits), Tibetan (Noto Serif Tibetan),
// CJK (Noto Sans CJK SC/TC, else WenQuanYi, else anything fontconfig says
// covers Chinese; Extension B such as U+20BB7 included) and DejaVu Sans.
//
// The CJK glyph set (GlyphScope::full) is the ~2,500 common Simplified
// characters plus every character of the UI strings, vocabulary labels and
// `extra` (characters of records shown, typed or pasted: glyph_growth.hpp),
// so Traditional text used by the app is covered without rasterising all
// 20,000 CJK ideographs.
#include <imgui.h>

#include <string>
#include <vector>

#include "safehold/appmodel/i18n.hpp"

namespace safehold::gui {

struct FontStatus {
  bool cjk_found = false;
  std::string latin_file;
  std::string cjk_file;
  std::string arabic_file;   // empty: no face with Uyghur presentation forms
  std::string tibetan_file;  // empty: no Tibetan face
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

// What the atlas holds besides `extra`. first_screen: Latin-1, the general
// punctuation, the UI strings of the language (and English) and the
// language names — all the create / unlock screen draws, so the first frame
// is not kept waiting. full: also every language's UI strings, the schema's
// labels and the common Simplified characters (built once a vault is open).
enum class GlyphScope { first_screen, full };

// Clears `atlas` and adds the body font (px) and a heading font (1.35 × px,
// UI text glyphs and `extra` only). Builds the atlas with the FreeType builder. The
// caller re-uploads the texture. `lang` picks the SC or TC face. Font files
// are looked up and mapped once, and only when the glyph list needs them.
FontStatus BuildFonts(ImFontAtlas& atlas, float px, appmodel::Language lang,
                      const std::vector<ImWchar>& extra = {}, GlyphScope scope = GlyphScope::full);

}  // namespace safehold::gui
