#include "settings_screen.hpp"

#include <imgui.h>

#include <string>

#include "secret_field.hpp"
#include "language_picker.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "exact_text.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

namespace {

void Row(const char* label_key) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", tr(label_key));
  ImGui::TableNextColumn();
}

}  // namespace

void SettingsScreen::Draw(appmodel::AppModel& app) {
  if (!ImGui::BeginTabBar("###settings-tabs")) return;
  if (ImGui::BeginTabItem(tr("settings.tab.general"))) {
    DrawGeneral(app);
    ImGui::EndTabItem();
  }
  Probe("settings.tab.general");
  const ImGuiTabItemFlags backup_flags = app.backup_tab_requested ? ImGuiTabItemFlags_SetSelected : 0;
  app.backup_tab_requested = false;
  if (ImGui::BeginTabItem(tr("settings.tab.backup"), nullptr, backup_flags)) {
    backup_.Draw(app);
    ImGui::EndTabItem();
  }
  Probe("settings.tab.backup");
  ImGui::EndTabBar();
}

void SettingsScreen::DrawGeneral(appmodel::AppModel& app) {
  appmodel::Settings s = app.settings();
  bool changed = false;
  Heading(tr("settings.title"));
  if (ImGui::BeginTable("###settings", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 2.2f);

    Row("settings.language");
    changed |= LanguagePicker(s.language);

    Row("settings.font");
    if (font_px_ == 0) font_px_ = static_cast<int>(s.font_px);
    ImGui::SetNextItemWidth(EmFitting(14));
    ImGui::SliderInt("##font", &font_px_, static_cast<int>(appmodel::Settings::kMinFontPx),
                     static_cast<int>(appmodel::Settings::kMaxFontPx), "%d px");
    Probe("settings.font");
    // Rebuilding the font atlas on every drag step would stutter: apply on release.
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      s.font_px = static_cast<float>(font_px_);
      changed = true;
    }

    Row("settings.theme");
    int theme = s.theme == appmodel::Theme::dark ? 1 : 0;
    changed |= ImGui::RadioButton(tr("settings.theme.light"), &theme, 0);
    Probe("settings.theme.light");
    SameLineIfFits(RadioButtonWidth(tr("settings.theme.dark")));
    changed |= ImGui::RadioButton(tr("settings.theme.dark"), &theme, 1);
    Probe("settings.theme.dark");
    s.theme = theme == 1 ? appmodel::Theme::dark : appmodel::Theme::light;

    Row("settings.autolock");
    ImGui::SetNextItemWidth(EmFitting(14));
    const std::string fmt = s.auto_lock_minutes == 0 ? std::string(tr("settings.autolock.never"))
                                                     : appmodel::trn("settings.autolock.minutes",
                                                                   static_cast<std::size_t>(s.auto_lock_minutes), {"%d"});
    changed |= ImGui::SliderInt("##autolock", &s.auto_lock_minutes, 0,
                                appmodel::Settings::kMaxAutoLockMinutes, fmt.c_str());
    Probe("settings.autolock");
    if (s.auto_lock_minutes == 0 || s.auto_lock_minutes > 30) {
      WrappedColored(WarningColor(), tr("settings.autolock.warning"));
    }

    Row("settings.quicklock");
    int key = static_cast<int>(s.quick_lock);
    for (int k = 0; k < 3; ++k) {
      const char* label = appmodel::quick_lock_label(static_cast<appmodel::QuickLockKey>(k));
      if (k > 0) SameLineIfFits(RadioButtonWidth(label));
      changed |= ImGui::RadioButton(label, &key, k);
    }
    s.quick_lock = static_cast<appmodel::QuickLockKey>(key);

    Row("settings.kdf");
    int kdf = s.kdf == appmodel::KdfStrength::sensitive ? 1 : 0;
    changed |= ImGui::RadioButton(tr("start.kdf.moderate"), &kdf, 0);
    // At 200 % on a 1024 px screen "Strong …" went past the window's edge.
    SameLineIfFits(RadioButtonWidth(tr("start.kdf.sensitive")));
    changed |= ImGui::RadioButton(tr("start.kdf.sensitive"), &kdf, 1);
    s.kdf = kdf == 1 ? appmodel::KdfStrength::sensitive : appmodel::KdfStrength::moderate;
    ImGui::EndTable();
  }
  if (changed) app.apply_settings(s);
  ImGui::Spacing();
  ImGui::Separator();
  DrawPassphraseChange(app);
}

void SettingsScreen::DrawPassphraseChange(appmodel::AppModel& app) {
  appmodel::PassphraseChange& p = app.passwd;
  Heading(tr("passwd.title"));
  const bool busy = p.busy();
  ImGui::BeginDisabled(busy);
  const float w = EmFitting(22);
  ImGui::TextUnformatted(tr("passwd.current"));
  ImGui::SetNextItemWidth(w);
  (void)SecretField("##current", p.current, {.probe = "passwd.current"});
  ImGui::TextUnformatted(tr("passwd.new"));
  ImGui::SetNextItemWidth(w);
  if (SecretField("##new", p.next, {.probe = "passwd.new"}).edited) p.next_edited();
  ImGui::TextUnformatted(tr("start.repeat"));
  ImGui::SetNextItemWidth(w);
  (void)SecretField("##repeat", p.repeat, {.probe = "passwd.repeat"});
  if (!p.next.empty()) {
    ImGui::PushItemWidth(w);
    ImGui::BeginGroup();
    ImGui::BeginChild("##meter", ImVec2(w, ImGui::GetFrameHeightWithSpacing()), false,
                      ImGuiWindowFlags_NoScrollbar);
    StrengthMeter(p.strength());
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::PopItemWidth();
  }
  ImGui::EndDisabled();
  if (busy) {
    Spinner();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", tr("passwd.busy"));
    return;
  }
  const char* blocked = p.blocked_reason();
  ImGui::BeginDisabled(blocked != nullptr);
  if (ImGui::Button(tr("passwd.change"))) (void)p.submit(app.settings().kdf);
  Probe("passwd.change");
  ImGui::EndDisabled();
  if (blocked != nullptr && !p.current.empty()) WrappedColored(MutedColor(), tr(blocked));
  if (p.error_key() != nullptr) WrappedColored(ErrorColor(), tr(p.error_key()));
  if (p.done()) WrappedColored(OkColor(), tr("passwd.done"));
}

}  // namespace safehold::gui
