#include "start_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "backup_screen.hpp"
#include "exact_text.hpp"
#include "language_picker.hpp"
#include "secret_field.hpp"
#include "theme.hpp"
#include "ui_info.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::StartModel;
using appmodel::tr;

void StartScreen::Draw(appmodel::AppModel& app, const UiInfo& ui) {
  StartModel& m = app.start;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(vp->WorkSize.x - 40.0f, ui.font_px * 34.0f);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  // Never taller than the screen: at 1024×640 and 200 % text the create form
  // scrolls instead of running off the bottom.
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y - 20.0f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("###start", nullptr, flags);

  Heading("Safehold");
  ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
  ImGui::TextWrapped("%s", tr("start.tagline"));
  ImGui::PopStyleColor();

  appmodel::Language lang = app.settings().language;
  if (LanguagePicker(lang)) app.language_picked(lang);
  if (!ui.cjk_font_found) Banner(WarningColor(), tr("start.no_cjk_font"));
  DrawStrayTypingNotice();
  if (app.demo) {
    Banner(WarningColor(), tr("demo.banner"));
    ImGui::TextWrapped("%s", appmodel::trf("demo.passphrase", {appmodel::AppModel::kDemoPassphrase}).c_str());
  }
  DrawWipeOutcome(app);
  ImGui::Spacing();

  const bool busy = m.busy();
  // The model may change the mode (no vault here yet; a restored vault that
  // still needs unlocking): select that tab once.
  if (drawn_mode_ != m.mode) switch_pending_ = true;
  if (ImGui::BeginTabBar("###start-mode")) {
    // Tabs can be switched from the model (e.g. "no vault here yet").
    const auto unlock_flags = m.mode == StartModel::Mode::unlock && switch_pending_ ? ImGuiTabItemFlags_SetSelected : 0;
    const auto create_flags = m.mode == StartModel::Mode::create && switch_pending_ ? ImGuiTabItemFlags_SetSelected : 0;
    const auto restore_flags =
        m.mode == StartModel::Mode::restore && switch_pending_ ? ImGuiTabItemFlags_SetSelected : 0;
    switch_pending_ = false;
    ImGui::BeginDisabled(busy);
    if (ImGui::BeginTabItem((std::string(tr("start.tab.unlock")) + "###tab-unlock").c_str(), nullptr, unlock_flags)) {
      if (!busy) m.mode = StartModel::Mode::unlock;
      ImGui::EndTabItem();
    }
    Probe("start.tab.unlock");
    if (ImGui::BeginTabItem((std::string(tr("start.tab.create")) + "###tab-create").c_str(), nullptr, create_flags)) {
      if (!busy) m.mode = StartModel::Mode::create;
      ImGui::EndTabItem();
    }
    Probe("start.tab.create");
    if (ImGui::BeginTabItem((std::string(tr("start.tab.restore")) + "###tab-restore").c_str(), nullptr,
                            restore_flags)) {
      if (!busy) m.mode = StartModel::Mode::restore;
      ImGui::EndTabItem();
    }
    Probe("start.tab.restore");
    ImGui::EndDisabled();
    ImGui::EndTabBar();
  }
  drawn_mode_ = m.mode;

  DrawFields(m, busy);
  ImGui::End();
}

namespace {

// A path field with its Browse… button on the same line; true when the
// button was pressed.
bool PathField(const char* label, const char* id, std::string& path, const char* probe,
               const char* browse_probe) {
  ImGui::TextUnformatted(label);
  const char* browse = tr("start.browse");
  const float browse_w = ImGui::CalcTextSize(browse).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(-(browse_w + ImGui::GetStyle().ItemSpacing.x));
  InputTextExact(id, path, {.probe = probe});
  ImGui::SameLine();
  const bool pressed = ImGui::Button((std::string(browse) + "###" + browse_probe).c_str());
  Probe(browse_probe);
  return pressed;
}

// Where the file browser starts for a path field: the field's folder, or /.
std::filesystem::path BrowseFrom(const std::string& path, bool is_file) {
  if (path.empty()) return "/";
  const std::filesystem::path p(path);
  return is_file ? p.parent_path() : p;
}

}  // namespace

void StartScreen::DrawFields(StartModel& m, bool busy) {
  const bool create = m.mode == StartModel::Mode::create;
  const bool restore = m.mode == StartModel::Mode::restore;
  bool submit = false;
  ImGui::BeginDisabled(busy);

  if (restore) {
    WrappedColored(MutedColor(), tr("start.restore.intro"));
    const char* file_label = tr("start.backup_file");
    if (PathField(file_label, "##backup-file", m.backup_file, "start.backup_file", "start.backup_file.browse")) {
      browsing_backup_ = true;
      browser.Open(BrowseFrom(m.backup_file, true), appmodel::FileBrowser::Pick::file, "files.title.restore");
    }
  }
  const char* folder_label = tr(restore ? "start.restore.folder" : "start.folder");
  if (PathField(folder_label, "##folder", m.folder, "start.folder", "start.browse")) {
    browsing_backup_ = false;
    browser.Open(BrowseFrom(m.folder, false), appmodel::FileBrowser::Pick::folder, "files.title.vault");
  }
  if (browser.Draw()) {
    if (browsing_backup_) {
      m.backup_file_chosen(browser.chosen);
    } else {
      m.folder_chosen(browser.chosen);
    }
  }

  ImGui::TextUnformatted(tr("start.passphrase"));
  ImGui::SameLine();
  {
    const char* show = tr("start.show_passphrase");
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                    ImGui::CalcTextSize(show).x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::Checkbox(show, &show_passphrase);
    Probe("start.show_passphrase");
  }
  // Enter in a passphrase field submits, as the primary button.
  const SecretFieldOptions secret{.shown = show_passphrase, .enter_returns = true};
  ImGui::SetNextItemWidth(-1);
  if (focus_passphrase_) {
    ImGui::SetKeyboardFocusHere();
    focus_passphrase_ = false;
  }
  auto typed = SecretField("##passphrase", m.passphrase, secret);
  if (typed.entered) submit = true;
  if (typed.edited) m.passphrase_edited();
  Probe("start.passphrase");
  if (restore) WrappedColored(MutedColor(), tr("start.restore.passphrase"));

  if (create) {
    ImGui::TextUnformatted(tr("start.repeat"));
    ImGui::SetNextItemWidth(-1);
    if (SecretField("##repeat", m.repeat, secret).entered) submit = true;
    Probe("start.repeat");
    if (!m.passphrase.empty()) StrengthMeter(m.strength());
    // The warning is about the passphrase just typed: it and its checkbox
    // come next, one Tab away (issue 11's keyboard count).
    Banner(WarningColor(), tr("start.loss_warning"));
    (void)CheckboxWrapped("###acknowledge", tr("start.acknowledge"), &m.loss_acknowledged);
    Probe("start.acknowledge");
    ImGui::TextUnformatted(tr("start.owner"));
    ImGui::SetNextItemWidth(-1);
    // Enter here creates the vault, as in the passphrase fields.
    if (InputTextExact("##owner", m.owner_name,
                       {.hint = tr("start.owner.hint"), .flags = ImGuiInputTextFlags_EnterReturnsTrue,
                        .probe = "start.owner"})) {
      submit = true;
    }
    ImGui::TextUnformatted(tr("start.kdf"));
    int kdf = m.kdf == appmodel::KdfStrength::sensitive ? 1 : 0;
    ImGui::RadioButton(tr("start.kdf.moderate"), &kdf, 0);
    // One line where it fits; at 200 % on a small screen the second choice
    // goes below instead of past the window's edge.
    SameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                   ImGui::CalcTextSize(tr("start.kdf.sensitive")).x);
    ImGui::RadioButton(tr("start.kdf.sensitive"), &kdf, 1);
    m.kdf = kdf == 1 ? appmodel::KdfStrength::sensitive : appmodel::KdfStrength::moderate;
  }
  ImGui::EndDisabled();
  ImGui::Spacing();

  if (busy) {
    Spinner();
    ImGui::SameLine();
    const char* what = m.wiping() ? "wipe.running"
                       : create   ? "start.busy.create"
                       : restore  ? "start.busy.restore"
                                  : "start.busy.unlock";
    ImGui::TextWrapped("%s", tr(what));
    if (m.wiping()) Probe("wipe.running");
    // Argon2id on the backup's key first (no total yet), then its bytes.
    if (m.restoring() && ProgressWithCancel(m.restore_progress(), {.starting_key = "start.restore.opening",
                                                                  .cancel_key = "start.restore.cancel",
                                                                  .bar_probe = "start.restore.progress",
                                                                  .cancel_probe = "start.restore.cancel"})) {
      m.cancel_restore();
    }
    return;
  }
  const char* blocked = m.blocked_reason();
  ImGui::BeginDisabled(blocked != nullptr);
  const std::string label =
      std::string(tr(create ? "start.create" : restore ? "start.restore" : "start.unlock")) + "###primary";
  if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) submit = true;
  Probe("start.primary");
  ImGui::EndDisabled();
  if (submit) (void)m.submit();
  if (blocked != nullptr) {
    ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
    ImGui::TextWrapped("%s", tr(blocked));
    ImGui::PopStyleColor();
  }
  if (m.restored_not_opened()) {
    WrappedColored(MutedColor(), tr("start.restored_not_opened"));
    Probe("start.restored_not_opened");
  }
  if (m.error_key() != nullptr) {
    WrappedColored(ErrorColor(), tr(m.error_key()));
    Probe("start.error");
    // The folder and the kind of failure (never record content).
    if (!m.error_detail().empty()) WrappedColored(MutedColor(), m.error_detail().c_str());
  }
}

}  // namespace safehold::gui
