#include "fonts.hpp"
#include "font_warmup.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <initializer_list>
#include <algorithm>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "safehold/appmodel/schema_text.hpp"

namespace safehold::gui {
namespace {

struct FontFile {
  std::string path;
  int index = 0;
  // The file mapped read-only, once, for the life of the process; the atlas
  // borrows it. Mapping (not reading) means only the pages of the glyphs
  // actually built are read: the CJK file is about 20 MB.
  void* data = nullptr;
  std::size_t size = 0;
  FcCharSet* charset = nullptr;  // what the face covers (owned copy)
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
  if (FT_New_Memory_Face(lib, static_cast<const FT_Byte*>(f.data), static_cast<FT_Long>(f.size),
                         f.index, &face) == 0) {
    if (face->units_per_EM > 0) {
      f.line_per_em = static_cast<float>(face->ascender - face->descender) / static_cast<float>(face->units_per_EM);
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(lib);
}

bool load(FontFile& f) {
  const int fd = ::open(f.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  void* p = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size <= (off_t{1} << 30)) {
    p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (p == MAP_FAILED) return false;
  f.data = p;
  f.size = static_cast<std::size_t>(st.st_size);
  return true;
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
    if (ends(".ttf") || ends(".otf") || ends(".ttc") || ends(".otc")) {
      out = FontFile{path, index, nullptr, 0, FcCharSetCopy(charset)};
    }
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

// A face looked up at most once per language (fontconfig), mapped when found.
struct Slot {
  bool looked = false;
  std::optional<FontFile> file;
};

struct Cache {
  appmodel::Language lang{};
  bool fc_ready = false;
  Slot latin, arabic, tibetan, cjk, wide;
};

Cache& cache() {
  static Cache c;
  return c;
}

// Looks the face up and maps it, the first time only. A file is never
// unmapped: the atlas may still point into it, and there are five at most.
const std::optional<FontFile>& ensure(Slot& s, const std::function<std::optional<FontFile>()>& find_it) {
  if (!s.looked) {
    s.file = find_it();
    if (s.file && !load(*s.file)) s.file.reset();
    if (s.file) measure(*s.file);
    s.looked = true;
  }
  return s.file;
}

// Every code point of `ranges` (pairs, 0-terminated) that the face does not
// cover: what the faces after it must supply.
std::vector<FcChar32> uncovered(const ImVector<ImWchar>& ranges, const FcCharSet* covered) {
  std::vector<FcChar32> out;
  for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2) {
    for (FcChar32 c = ranges[i]; c <= static_cast<FcChar32>(ranges[i + 1]); ++c) {
      if (covered == nullptr || !FcCharSetHasChar(covered, c)) out.push_back(c);
    }
  }
  return out;
}

// Drops from `wanted` what `face` covers; true if it covered any of it.
bool take_covered(std::vector<FcChar32>& wanted, const FontFile& face) {
  const auto before = wanted.size();
  std::erase_if(wanted, [&](FcChar32 c) { return FcCharSetHasChar(face.charset, c); });
  return wanted.size() != before;
}

// The UI strings of `lang`, and English (the fallback for a missing key).
std::string ui_text_of(appmodel::Language lang) {
  std::string out;
  for (auto l : {lang, appmodel::Language::en}) {
    for (std::string_view key : appmodel::string_keys(l)) {
      if (const char* s = appmodel::tr_exact(l, key)) out += s;
    }
    if (l == appmodel::Language::en) break;
  }
  return out;
}

// FcInit once, and the CJK slot follows the language (SC or TC face).
Cache& ready_for(appmodel::Language lang) {
  auto& c = cache();
  if (!c.fc_ready) {
    FcInit();
    c.fc_ready = true;
  }
  if (c.lang != lang) {
    c.cjk = Slot{};
    c.lang = lang;
  }
  return c;
}

}  // namespace

void WarmUpFonts(appmodel::Language lang) {
  auto& c = ready_for(lang);
  (void)ensure(c.latin, find_latin);
  (void)ensure(c.cjk, [lang] { return find_cjk(lang); });
  (void)ui_text_of(lang);  // the translation tables are parsed on first use
}

FontStatus BuildFonts(ImFontAtlas& atlas, float px, appmodel::Language lang, const std::vector<ImWchar>& extra,
                      GlyphScope scope) {
  auto& c = ready_for(lang);
  // The general punctuation (curly quotes, dashes, ellipsis) is always in the
  // list: the Latin face comes first, so these never come from the CJK
  // font's full-width forms.
  static const ImWchar kGeneralPunctuation[] = {0x2010, 0x205E, 0};
  // Glyph ranges must outlive the atlas build: kept here, rebuilt each call.
  static ImVector<ImWchar> body_ranges;
  static ImVector<ImWchar> heading_ranges;
  // The first screen (create / unlock) shows only UI strings of one
  // language and the language names; the rest (every language's strings,
  // the schema's labels, the common Simplified characters for record text)
  // is built once a vault is open, while Argon2id has already made the
  // caseworker wait.
  const bool full = scope == GlyphScope::full;
  const std::string ui_text = full ? appmodel::all_ui_text() : ui_text_of(lang);
  static std::string schema_text;  // computed the first time it is needed
  if (full && schema_text.empty()) schema_text = appmodel::all_schema_text();
  const auto add_common = [&](ImFontGlyphRangesBuilder& b) {
    b.AddRanges(atlas.GetGlyphRangesDefault());
    b.AddRanges(kGeneralPunctuation);
    b.AddText(ui_text.data(), ui_text.data() + ui_text.size());
    b.AddText("\xE2\x89\x88");  // ≈, the "shown approximately" marker
    b.AddText("\xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87\xE7\xB9\x81\xE9\xAB\x94");  // 简体中文繁體: language names
    for (ImWchar ch : extra) b.AddChar(ch);
  };
  {
    ImFontGlyphRangesBuilder b;
    add_common(b);
    if (full) {
      b.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
      b.AddText(schema_text.data(), schema_text.data() + schema_text.size());
    }
    body_ranges.clear();
    b.BuildRanges(&body_ranges);
  }
  {
    ImFontGlyphRangesBuilder b;
    add_common(b);
    heading_ranges.clear();
    b.BuildRanges(&heading_ranges);
  }

  const auto& latin = ensure(c.latin, find_latin);
  // Faces after the Latin one are looked up (fontconfig) and mapped only
  // when the glyph list has code points the faces before them lack: an
  // English first screen never opens the Arabic or Tibetan file. The CJK
  // face is always looked up: the language names need it, and the banner
  // says when it is missing.
  std::vector<FcChar32> wanted = uncovered(body_ranges, latin ? latin->charset : nullptr);
  std::vector<const FontFile*> merged;
  // `script`: the blocks that make looking this face up worth it.
  const auto consider = [&](Slot& slot, const std::function<std::optional<FontFile>()>& find_it,
                            const std::function<bool(FcChar32)>& script) {
    if (!slot.looked && std::none_of(wanted.begin(), wanted.end(), script)) return;
    const auto& f = ensure(slot, find_it);
    if (f && take_covered(wanted, *f)) merged.push_back(&*f);
  };
  const auto in = [](FcChar32 ch, FcChar32 lo, FcChar32 hi) { return ch >= lo && ch <= hi; };
  consider(c.arabic, [] { return find(kArabic); }, [&](FcChar32 ch) {
    return in(ch, 0x0600, 0x08FF) || in(ch, 0xFB50, 0xFDFF) || in(ch, 0xFE70, 0xFEFF);
  });
  consider(c.tibetan, [] { return find(kTibetan); }, [&](FcChar32 ch) { return in(ch, 0x0F00, 0x0FFF); });
  consider(c.cjk, [lang] { return find_cjk(lang); }, [](FcChar32) { return true; });
  consider(c.wide, [] { return find(kWide); }, [&](FcChar32) { return !wanted.empty(); });

  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.TexDesiredWidth = 4096;

  FontStatus status;
  status.cjk_found = c.cjk.file.has_value();
  // ImGui copies font data it does not own (AddFont), which for the 20 MB
  // CJK file twice per build was most of the startup time. It is handed over
  // as owned, so no copy is made, and disowned at once, so the atlas never
  // frees the mapping; the data is only read during Build().
  const auto add_face = [&](const FontFile& f, float size, const ImVector<ImWchar>& ranges, bool merge) {
    ImFontConfig cfg;
    cfg.MergeMode = merge;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.FontNo = f.index;
    cfg.FontDataOwnedByAtlas = true;
    // Same em size as the Latin face, so letters of every script match.
    const float scale = merge && latin && latin->line_per_em > 0 && f.line_per_em > 0
                            ? f.line_per_em / latin->line_per_em : 1.0f;
    ImFont* font = atlas.AddFontFromMemoryTTF(f.data, static_cast<int>(f.size), size * scale, &cfg, ranges.Data);
    atlas.ConfigData.back().FontDataOwnedByAtlas = false;
    return font;
  };
  auto add = [&](float size, const ImVector<ImWchar>& ranges) -> ImFont* {
    // The full range list, not just Latin-1: Turkish, Polish, Kazakh,
    // Kyrgyz and Greek letters come from this face when shown.
    ImFont* font = latin ? add_face(*latin, size, ranges, false) : nullptr;
    if (font == nullptr) {
      ImFontConfig def;
      def.SizePixels = size;
      font = atlas.AddFontDefault(&def);
    }
    for (const FontFile* f : merged) add_face(*f, size, ranges, true);
    return font;
  };
  status.body = add(px, body_ranges);
  status.heading = add(px * 1.35f, heading_ranges);
  atlas.Build();
  const auto path_of = [](const Slot& s) { return s.file ? s.file->path : std::string(); };
  status.latin_file = path_of(c.latin);
  status.cjk_file = path_of(c.cjk);
  status.arabic_file = path_of(c.arabic);
  status.tibetan_file = path_of(c.tibetan);
  return status;
}

}  // namespace safehold::gui
