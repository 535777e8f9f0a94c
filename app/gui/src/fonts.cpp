#include "fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <fstream>
#include <initializer_list>
#include <optional>
#include <vector>

#include "safehold/appmodel/schema_text.hpp"

namespace safehold::gui {
namespace {

struct FontFile {
  std::string path;
  int index = 0;
  std::vector<char> bytes;  // read once; the atlas borrows them
  // (ascender - descender) / units per em. ImGui's FreeType builder sizes a
  // face so that this height is the pixel size; faces with tall lines
  // (Arabic, Tibetan stacks) would come out small next to the Latin face.
  float line_per_em = 0;
};

// Fills `f.line_per_em` from the face's metrics (0 if FreeType refuses it).
void measure(FontFile& f) {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) return;
  FT_Face face = nullptr;
  if (FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(f.bytes.data()), static_cast<FT_Long>(f.bytes.size()),
                         f.index, &face) == 0) {
    if (face->units_per_EM > 0) {
      f.line_per_em = static_cast<float>(face->ascender - face->descender) / static_cast<float>(face->units_per_EM);
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(lib);
}

bool load(FontFile& f) {
  std::ifstream in(f.path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const auto size = static_cast<std::streamoff>(in.tellg());
  if (size <= 0 || size > (std::streamoff{1} << 30)) return false;
  f.bytes.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(f.bytes.data(), size);
  return static_cast<bool>(in);
}

// The best match for `pattern`, if it has `must_have` (a code point) in its
// character set: fontconfig always returns *some* font, so coverage is
// checked explicitly.
std::optional<FontFile> match(const char* pattern, FcChar32 must_have) {
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
  if (pat == nullptr) return std::nullopt;
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcPattern* font = FcFontMatch(nullptr, pat, &result);
  FcPatternDestroy(pat);
  if (font == nullptr) return std::nullopt;
  std::optional<FontFile> out;
  FcChar8* file = nullptr;
  FcCharSet* charset = nullptr;
  int index = 0;
  if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch &&
      FcCharSetHasChar(charset, must_have)) {
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    std::string path(reinterpret_cast<const char*>(file));
    // FreeType via ImGui reads whole files: only TrueType/OpenType outlines.
    auto ends = [&](std::string_view ext) {
      return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
    };
    if (ends(".ttf") || ends(".otf") || ends(".ttc") || ends(".otc")) out = FontFile{path, index, {}};
  }
  FcPatternDestroy(font);
  return out;
}

std::optional<FontFile> find_latin() {
  for (const char* p : {"Noto Sans:style=Regular", "DejaVu Sans", "sans-serif"}) {
    if (auto f = match(p, 'a')) return f;
  }
  return std::nullopt;
}

std::optional<FontFile> find_cjk(appmodel::Language lang) {
  const char* noto = lang == appmodel::Language::zh_Hant ? "Noto Sans CJK TC:style=Regular"
                                                         : "Noto Sans CJK SC:style=Regular";
  // 中 and 體 (a Traditional form) must both be present.
  for (const char* p : {noto, "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", ":lang=zh-cn",
                        ":lang=zh-tw"}) {
    auto f = match(p, 0x4E2D);
    if (f && match(p, 0x9AD4)) return f;
  }
  return std::nullopt;
}

// Faces merged after the Latin one, in this order; each fills only the code
// points the faces before it lack (ImGui keeps the first glyph per code
// point). `must_have` rejects a fontconfig fallback that lacks the script.
struct ScriptFace {
  const char* what;
  std::initializer_list<const char*> patterns;
  FcChar32 must_have;
};

// Arabic: the face must map the Uyghur presentation forms (U+FBE6 is
// ې initial), since ShapeForDisplay draws joined text through them.
// Tibetan: U+0F40 KA. Wide fallback (DejaVu): Cyrillic Ж, Greek, IPA.
const ScriptFace kArabic{"arabic", {"Noto Sans Arabic:style=Regular", "Noto Naskh Arabic:style=Regular", "DejaVu Sans"}, 0xFBE6};
const ScriptFace kTibetan{"tibetan", {"Noto Serif Tibetan:style=Regular", "Noto Sans Tibetan", "Jomolhari", ":lang=bo"}, 0x0F40};
const ScriptFace kWide{"wide", {"DejaVu Sans", "FreeSans"}, 0x0416};

std::optional<FontFile> find(const ScriptFace& face) {
  for (const char* p : face.patterns) {
    if (auto f = match(p, face.must_have)) return f;
  }
  return std::nullopt;
}

struct Cache {
  bool looked = false;
  appmodel::Language lang{};
  std::optional<FontFile> latin, arabic, tibetan, cjk, wide;
};

Cache& cache() {
  static Cache c;
  return c;
}

void load_or_drop(std::optional<FontFile>& f) {
  if (f && !load(*f)) f.reset();
  if (f) measure(*f);
}

}  // namespace

FontStatus BuildFonts(ImFontAtlas& atlas, float px, appmodel::Language lang,
                      const std::vector<ImWchar>& extra) {
  auto& c = cache();
  if (!c.looked || c.lang != lang) {
    FcInit();
    c.latin = find_latin();
    c.arabic = find(kArabic);
    c.tibetan = find(kTibetan);
    c.cjk = find_cjk(lang);
    c.wide = find(kWide);
    for (auto* f : {&c.latin, &c.arabic, &c.tibetan, &c.cjk, &c.wide}) load_or_drop(*f);
    c.lang = lang;
    c.looked = true;
  }
  // The general punctuation (curly quotes, dashes, ellipsis) is always in the
  // list: the Latin face comes first, so these never come from the CJK
  // font's full-width forms.
  static const ImWchar kGeneralPunctuation[] = {0x2010, 0x205E, 0};
  // Glyph ranges must outlive the atlas build: kept here, rebuilt each call.
  static ImVector<ImWchar> body_ranges;
  static ImVector<ImWchar> heading_ranges;
  // UI strings and schema labels (vocabularies, fields) in all languages.
  static const std::string ui_text = appmodel::all_ui_text();
  static const std::string schema_text = appmodel::all_schema_text();
  {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddRanges(kGeneralPunctuation);
    b.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
    b.AddText(ui_text.data(), ui_text.data() + ui_text.size());
    b.AddText(schema_text.data(), schema_text.data() + schema_text.size());
    b.AddText("\xE2\x89\x88");  // ≈, the "shown approximately" marker
    for (ImWchar ch : extra) b.AddChar(ch);
    body_ranges.clear();
    b.BuildRanges(&body_ranges);
  }
  {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddRanges(kGeneralPunctuation);
    b.AddText(ui_text.data(), ui_text.data() + ui_text.size());
    b.AddText("\xE2\x89\x88");
    for (ImWchar ch : extra) b.AddChar(ch);
    heading_ranges.clear();
    b.BuildRanges(&heading_ranges);
  }

  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.TexDesiredWidth = 4096;

  FontStatus status;
  status.cjk_found = c.cjk.has_value();
  auto merge = [&](std::optional<FontFile>& f, float size, const ImVector<ImWchar>& ranges) {
    if (!f) return;
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.FontNo = f->index;
    cfg.FontDataOwnedByAtlas = false;
    // Same em size as the Latin face, so letters of every script match.
    const float scale = c.latin && c.latin->line_per_em > 0 && f->line_per_em > 0
                            ? f->line_per_em / c.latin->line_per_em : 1.0f;
    atlas.AddFontFromMemoryTTF(f->bytes.data(), static_cast<int>(f->bytes.size()), size * scale, &cfg,
                               ranges.Data);
  };
  auto add = [&](float size, const ImVector<ImWchar>& ranges) -> ImFont* {
    ImFont* font = nullptr;
    if (c.latin) {
      ImFontConfig cfg;
      cfg.OversampleH = 1;
      cfg.OversampleV = 1;
      cfg.FontNo = c.latin->index;
      cfg.FontDataOwnedByAtlas = false;
      // The full range list, not just Latin-1: Turkish, Polish, Kazakh,
      // Kyrgyz and Greek letters come from this face when shown.
      font = atlas.AddFontFromMemoryTTF(c.latin->bytes.data(), static_cast<int>(c.latin->bytes.size()), size,
                                        &cfg, ranges.Data);
    }
    if (font == nullptr) {
      ImFontConfig def;
      def.SizePixels = size;
      font = atlas.AddFontDefault(&def);
    }
    merge(c.arabic, size, ranges);
    merge(c.tibetan, size, ranges);
    merge(c.cjk, size, ranges);
    merge(c.wide, size, ranges);
    return font;
  };
  status.body = add(px, body_ranges);
  status.heading = add(px * 1.35f, heading_ranges);
  atlas.Build();
  if (c.latin) status.latin_file = c.latin->path;
  if (c.cjk) status.cjk_file = c.cjk->path;
  if (c.arabic) status.arabic_file = c.arabic->path;
  if (c.tibetan) status.tibetan_file = c.tibetan->path;
  return status;
}

}  // namespace safehold::gui
