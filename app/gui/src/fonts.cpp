#include "fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>

#include <fstream>
#include <optional>
#include <vector>

#include "safehold/appmodel/schema_text.hpp"

namespace safehold::gui {
namespace {

struct FontFile {
  std::string path;
  int index = 0;
  std::vector<char> bytes;  // read once; the atlas borrows them
};

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

struct Cache {
  bool looked = false;
  appmodel::Language lang{};
  std::optional<FontFile> latin, cjk;
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

FontStatus BuildFonts(ImFontAtlas& atlas, float px, appmodel::Language lang,
                      const std::vector<ImWchar>& extra) {
  auto& c = cache();
  if (!c.looked || c.lang != lang) {
    FcInit();
    c.latin = find_latin();
    c.cjk = find_cjk(lang);
    if (c.latin && !load(*c.latin)) c.latin.reset();
    if (c.cjk && !load(*c.cjk)) c.cjk.reset();
    c.lang = lang;
    c.looked = true;
  }
  // Glyph ranges must outlive the atlas build: kept here, rebuilt each call.
  static ImVector<ImWchar> body_ranges;
  static ImVector<ImWchar> heading_ranges;
  // UI strings and schema labels (vocabularies, fields) in all languages.
  static const std::string ui_text = appmodel::all_ui_text();
  static const std::string schema_text = appmodel::all_schema_text();
  {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
    b.AddText(ui_text.data(), ui_text.data() + ui_text.size());
    b.AddText(schema_text.data(), schema_text.data() + schema_text.size());
    for (ImWchar ch : extra) b.AddChar(ch);
    body_ranges.clear();
    b.BuildRanges(&body_ranges);
  }
  {
    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddText(ui_text.data(), ui_text.data() + ui_text.size());
    for (ImWchar ch : extra) b.AddChar(ch);
    heading_ranges.clear();
    b.BuildRanges(&heading_ranges);
  }

  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.TexDesiredWidth = 4096;

  // The Latin font draws Latin-1 and the general punctuation (curly quotes,
  // dashes, ellipsis): merged glyphs never replace ones already in the font,
  // so these no longer come from the CJK font's full-width forms.
  static const ImWchar kLatinRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0};
  FontStatus status;
  status.cjk_found = c.cjk.has_value();
  auto add = [&](float size, const ImVector<ImWchar>& ranges) -> ImFont* {
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    ImFont* font = nullptr;
    if (c.latin) {
      cfg.FontNo = c.latin->index;
      cfg.FontDataOwnedByAtlas = false;
      font = atlas.AddFontFromMemoryTTF(c.latin->bytes.data(), static_cast<int>(c.latin->bytes.size()),
                                        size, &cfg, kLatinRanges);
    }
    if (font == nullptr) {
      ImFontConfig def;
      def.SizePixels = size;
      font = atlas.AddFontDefault(&def);
    }
    if (c.cjk) {
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.OversampleH = 1;
      merge.OversampleV = 1;
      merge.FontNo = c.cjk->index;
      merge.FontDataOwnedByAtlas = false;
      atlas.AddFontFromMemoryTTF(c.cjk->bytes.data(), static_cast<int>(c.cjk->bytes.size()), size,
                                 &merge, ranges.Data);
    }
    return font;
  };
  status.body = add(px, body_ranges);
  status.heading = add(px * 1.35f, heading_ranges);
  atlas.Build();
  if (c.latin) status.latin_file = c.latin->path;
  if (c.cjk) status.cjk_file = c.cjk->path;
  return status;
}

}  // namespace safehold::gui
