// The emergency wipe: a button that opens a confirmation stating plainly
// what a wipe cannot promise (SECURITY.md's words), guarded as the CLI's
// `wipe` (a verified backup newer than the last change, or the explicit
// choice to lose the data) and by typing a word. Keyboard: Tab reaches the
// word field, the checkbox and the buttons (the field takes the focus
// when the confirmation opens).
#include <imgui.h>

#include <string>

#include "backup_screen.hpp"
#include "exact_text.hpp"
#include "exchange_screen.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;

void DrawWipePanel(appmodel::AppModel& app) {
  appmodel::WipeConfirm& w = app.wipe;
  Heading(tr("wipe.title"));
  WrappedColored(MutedColor(), tr("wipe.intro"));
  if (!w.open) {
    ImGui::BeginDisabled(app.backup.running());
    // The word field takes the focus when drawn (reveal): a request made
    // now would go to the first text field drawn next frame (the backup's).
    if (ImGui::Button(tr("wipe.open"))) {
      w.open = true;
      w.reveal = appmodel::WipeConfirm::kRevealFrames;
    }
    Probe("wipe.open");
    ImGui::EndDisabled();
    return;
  }
  ImGui::PushID("###wipe-confirm");
  const bool reveal = w.reveal > 0;
  if (w.reveal == appmodel::WipeConfirm::kRevealFrames) FocusNextTextField();
  if (reveal) --w.reveal;
  Banner(ErrorColor(), tr("wipe.confirm.what"));
  WrappedColored(WarningColor(), tr("wipe.limits"));
  Probe("wipe.limits");
  const bool current = app.backup.verified_is_current();
  if (current) {
    WrappedColored(OkColor(), tr("wipe.backup_current"));
  } else {
    WrappedColored(ErrorColor(), tr("wipe.no_backup"));
    ImGui::Checkbox(tr("wipe.accept_loss"), &w.accept_loss);
    Probe("wipe.accept_loss");
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(trf("wipe.type_word", {appmodel::kWipeWord}).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  InputTextExact("###wipe-word", w.typed, {.probe = "wipe.word"});
  const char* blocked = w.blocked_reason(current);
  ImGui::BeginDisabled(blocked != nullptr);
  ImGui::PushStyleColor(ImGuiCol_Button, ErrorColor());
  const bool wipe = ImGui::Button(tr("wipe.now"));
  ImGui::PopStyleColor();
  Probe("wipe.now");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("wipe.cancel"))) w.reset();
  Probe("wipe.cancel");
  if (blocked != nullptr) WrappedColored(MutedColor(), tr(blocked));
  if (reveal) ImGui::SetScrollHereY(1.0f);  // down to the buttons (the panel fits a 640 px screen)
  ImGui::PopID();
  if (wipe && blocked == nullptr) (void)app.wipe_vault();
}

void DrawWipeOutcome(appmodel::AppModel& app) {
  const auto& w = app.last_wipe();
  if (!w) return;
  if (w->ok) {
    Banner(OkColor(), appmodel::trn("wipe.done", w->files_removed,
                                    {std::to_string(w->key_destroyed_ms), std::to_string(w->total_ms),
                                     std::to_string(w->files_removed)})
                          .c_str());
    Probe("wipe.done");
    if (w->left_behind > 0) WrappedColored(WarningColor(), appmodel::trn("wipe.left_behind", w->left_behind, {std::to_string(w->left_behind)}).c_str());
    WrappedColored(MutedColor(), tr("wipe.limits"));
  } else {
    ShowRefusal(w->error_key, w->error_detail, "wipe.error");
  }
  if (ImGui::SmallButton(tr("status.dismiss"))) app.forget_wipe();
}

}  // namespace safehold::gui
