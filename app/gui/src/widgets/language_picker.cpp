#include "language_picker.hpp"

#include <imgui.h>

#include "ui_probe.hpp"

namespace safehold::gui {

bool LanguagePicker(appmodel::Language& lang) {
  using appmodel::Language;
  struct Choice {
    Language lang;
    const char* label;
    const char* label_without_cjk_font;
    const char* probe;
  };
  // Each language is named in itself, so a user who cannot read the current
  // one still finds theirs. Without a Chinese font those names would be
  // boxes: then they are named in English (the app says which font to install).
  static constexpr Choice kChoices[] = {
      {Language::en, "English###lang-en", "English###lang-en", "lang.en"},
      {Language::zh_Hans, "简体中文###lang-hans", "Chinese (Simplified)###lang-hans", "lang.zh-Hans"},
      {Language::zh_Hant, "繁體中文###lang-hant", "Chinese (Traditional)###lang-hant", "lang.zh-Hant"}};
  const bool cjk_glyphs = ImGui::GetFont()->FindGlyphNoFallback(0x4E2D) != nullptr;  // 中
  bool changed = false;
  for (const auto& c : kChoices) {
    if (&c != kChoices) ImGui::SameLine();
    bool selected = c.lang == lang;
    if (ImGui::RadioButton(cjk_glyphs ? c.label : c.label_without_cjk_font, selected) && !selected) {
      lang = c.lang;
      changed = true;
    }
    Probe(c.probe);
  }
  return changed;
}

}  // namespace safehold::gui
