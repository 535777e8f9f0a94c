#include "backup_screen.hpp"

#include <imgui.h>

#include <string>

#include "app_shell.hpp"
#include "exact_text.hpp"
#include "exchange_screen.hpp"
#include "secret_field.hpp"
#include "safehold/appmodel/backup_reminder.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;
using appmodel::trf;

void DrawBackupReminder(appmodel::AppModel& app) {
  if (!app.backup_reminder()) return;
  const auto& last = app.backup.last_verified();
  const std::string text =
      last ? trf("backup.reminder.old", {appmodel::display_time(last->verified_at)}) : std::string(tr("backup.reminder.none"));
  // Wrapped, with the buttons flowing onto the next line when narrow: on a
  // small screen at large text one line cut the text and pushed both
  // buttons out of the window.
  WrappedColored(MutedColor(), text.c_str());
  Probe("backup.reminder");
  if (ImGui::SmallButton(tr("backup.reminder.now"))) app.open_backup();
  Probe("backup.reminder.now");
  SameLineIfFits(ImGui::CalcTextSize(tr("backup.reminder.dismiss")).x + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::SmallButton(tr("backup.reminder.dismiss"))) app.dismiss_backup_reminder();
  Probe("backup.reminder.dismiss");
}

void BackupScreen::Draw(appmodel::AppModel& app) {
  DrawStatus(app);
  ImGui::Spacing();
  ImGui::Separator();
  DrawBackup(app);
  ImGui::Spacing();
  ImGui::Separator();
  DrawTravelFlow(app);
  ImGui::Spacing();
  ImGui::Separator();
  DrawWipePanel(app);
}

void BackupScreen::DrawStatus(appmodel::AppModel& app) {
  Heading(tr("backup.title"));
  WrappedColored(MutedColor(), tr("backup.intro"));
  const auto& last = app.backup.last_verified();
  if (last) {
    LabelValue(tr("backup.last_verified"), appmodel::display_time(last->verified_at));
    Probe("backup.last_verified");
    WrappedColored(app.backup.verified_is_current() ? OkColor() : WarningColor(),
                   tr(app.backup.verified_is_current() ? "backup.current" : "backup.not_current"));
  } else {
    WrappedColored(WarningColor(), tr("backup.none"));
    Probe("backup.none");
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("backup.reminder.setting"));
  appmodel::Settings s = app.settings();
  bool changed = false;
  for (int days : appmodel::kBackupReminderDays) {
    ImGui::SameLine();
    const std::string label = days == 0 ? std::string(tr("backup.reminder.off"))
                                        : trf("backup.reminder.days", {std::to_string(days)});
    changed |= ImGui::RadioButton((label + "###remind" + std::to_string(days)).c_str(), &s.backup_reminder_days, days);
    if (ProbesEnabled()) Probe(("backup.remind." + std::to_string(days)).c_str());
  }
  if (changed) app.apply_settings(s);
}

void BackupScreen::DrawBackup(appmodel::AppModel& app) {
  appmodel::BackupModel& m = app.backup;
  Heading(tr("backup.make"));
  const bool busy = m.running();
  const float w = ImGui::GetFontSize() * 22;
  ImGui::BeginDisabled(busy);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("backup.folder"));
  ImGui::SameLine();
  ImGui::TextColored(MutedColor(), "%s", m.folder.empty() ? tr("backup.folder.none") : m.folder.string().c_str());
  ImGui::SameLine();
  if (ImGui::Button(tr("backup.folder.choose"))) {
    folder_browser_.Open(m.folder.empty() ? HomeFolder() : m.folder.string(), appmodel::FileBrowser::Pick::folder,
                         "files.title.backup_folder");
  }
  Probe("backup.folder.choose");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("backup.file_name"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  InputTextExact("###backup-name", m.file_name, {.probe = "backup.file_name"});
  ImGui::TextUnformatted(tr("backup.passphrase"));
  ImGui::SetNextItemWidth(w);
  (void)SecretField("##backup-pass", m.passphrase, {.probe = "backup.passphrase"});
  WrappedColored(MutedColor(), tr("backup.passphrase.why"));
  ImGui::Checkbox(tr("backup.verify_after"), &m.verify_after);
  Probe("backup.verify_after");
  // The passphrase goes to the worker (or waits in its guarded field):
  // ImGui's own copies of the field's text are wiped as it leaves.
  if (ImGui::Button(tr("backup.start"))) {
    WipeImGuiTextState();
    (void)m.start_backup();
  }
  Probe("backup.start");
  ImGui::SameLine();
  if (ImGui::Button(tr("backup.verify_file"))) {
    WipeImGuiTextState();
    file_browser_.Open(m.folder.empty() ? HomeFolder() : m.folder.string(), appmodel::FileBrowser::Pick::file,
                       "files.title.backup_file");
  }
  Probe("backup.verify_file");
  ImGui::EndDisabled();
  if (busy) {
    const bool writing = m.phase() == appmodel::BackupModel::Phase::writing;
    const std::string label = appmodel::trn(writing ? "backup.writing" : "backup.verifying", m.entries_total(),
                                            {std::to_string(m.entries_done()), std::to_string(m.entries_total())});
    if (ProgressWithCancel(m.progress(), {.label = label.c_str(), .cancel_probe = "backup.cancel"})) m.cancel();
  } else {
    DrawResult(m);
  }
  if (folder_browser_.Draw()) m.folder = folder_browser_.chosen;
  if (file_browser_.Draw()) (void)m.start_verify(file_browser_.chosen);
}

void BackupScreen::DrawResult(const appmodel::BackupModel& m) {
  if (m.written()) {
    WrappedColored(OkColor(), trf("backup.done.written", {m.file().string()}).c_str());
    Probe("backup.done.written");
  }
  if (m.verified()) {
    WrappedColored(OkColor(), trf("backup.done.verified", {m.file().string()}).c_str());
    Probe("backup.done.verified");
    WrappedColored(MutedColor(), tr("backup.done.next"));
  }
  if (m.cancelled()) {
    WrappedColored(MutedColor(), tr("backup.cancelled"));
    Probe("backup.cancelled");
    return;
  }
  ShowRefusal(m.error_key(), m.error_detail(), "backup.error");
}

}  // namespace safehold::gui
