#include "language_picker.hpp"

#include <imgui.h>

#include "ui_probe.hpp"

namespace safehold::gui {

bool LanguagePicker(appmodel::Language& lang) {
  using appmodel::Language;
  struct Choice {
    Language lang;
    const char* label;
    const char* probe;
  };
  // Each language is named in itself, so a user who cannot read the current
  // one still finds theirs.
  static constexpr Choice kChoices[] = {{Language::en, "English###lang-en", "lang.en"},
                                        {Language::zh_Hans, "简体中文###lang-hans", "lang.zh-Hans"},
                                        {Language::zh_Hant, "繁體中文###lang-hant", "lang.zh-Hant"}};
  bool changed = false;
  for (const auto& c : kChoices) {
    if (&c != kChoices) ImGui::SameLine();
    bool selected = c.lang == lang;
    if (ImGui::RadioButton(c.label, selected) && !selected) {
      lang = c.lang;
      changed = true;
    }
    Probe(c.probe);
  }
  return changed;
}

}  // namespace safehold::gui
