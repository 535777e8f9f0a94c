// Before you travel: the guided steps over the Backup tab's own controls.
// Where the backup goes is a checklist of choices held in the model only
// (never stored: a note would be plaintext about a colleague).
#include <imgui.h>

#include <string>

#include "backup_screen.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

namespace {

// One step: a tick when done, its text, muted until it is the next one.
void Step(int number, bool done, bool next, const char* key) {
  const std::string text = std::to_string(number) + ". " + tr(key);
  ImGui::TextColored(done ? OkColor() : MutedColor(), "%s", done ? "[x]" : "[ ]");
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, done || next ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : MutedColor());
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

void DrawTravelFlow(appmodel::AppModel& app) {
  appmodel::TravelChecklist& t = app.travel;
  Heading(tr("travel.title"));
  WrappedColored(MutedColor(), tr("travel.intro"));
  const bool made = app.backup.written() || app.backup.verified() || app.backup.last_verified().has_value();
  const bool verified = app.backup.verified_is_current();
  Step(1, made, !made, "travel.step.backup");
  Step(2, verified, made && !verified, "travel.step.verify");
  if (made && !verified) WrappedColored(MutedColor(), tr("travel.verify.hint"));
  Step(3, t.ready(), verified && !t.ready(), "travel.step.where");
  ImGui::Indent();
  ImGui::Checkbox(tr("travel.where.colleague"), &t.with_colleague);
  Probe("travel.where.colleague");
  ImGui::Checkbox(tr("travel.where.drive"), &t.separate_drive);
  Probe("travel.where.drive");
  ImGui::Checkbox(tr("travel.where.off_laptop"), &t.off_this_laptop);
  Probe("travel.where.off_laptop");
  ImGui::Checkbox(tr("travel.where.passphrase"), &t.passphrase_known);
  Probe("travel.where.passphrase");
  WrappedColored(MutedColor(), tr("travel.where.not_stored"));
  ImGui::Unindent();
  Step(4, false, verified && t.ready(), "travel.step.wipe");
  ImGui::BeginDisabled(!(verified && t.ready()) || app.wipe.open);
  if (ImGui::Button(tr("travel.go_wipe"))) {
    app.wipe.open = true;
    app.wipe.reveal = appmodel::WipeConfirm::kRevealFrames;
  }
  Probe("travel.go_wipe");
  ImGui::EndDisabled();
  if (!verified) WrappedColored(MutedColor(), tr("travel.wipe.needs_backup"));
  Step(5, false, false, "travel.step.restore");
  ImGui::Indent();
  WrappedColored(MutedColor(), tr("travel.restore.how"));
  ImGui::TextUnformatted("safehold-cli restore FILE --vault NEWDIR");
  ImGui::Unindent();
}

}  // namespace safehold::gui
