#include "shared_forms.hpp"

#include <imgui.h>

#include <filesystem>

#include "safehold/appmodel/file_browser.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::tr;

namespace {

constexpr std::string_view kSessionFields[] = {
    "start", "mode", "language", "interpreter", "interviewers", "recording", "questions_declined", "follow_up"};
constexpr std::string_view kEvidenceFields[] = {
    "kind", "acquisition", "acquired_at", "acquired_by", "description", "incidents", "measures"};

}  // namespace

std::span<const std::string_view> SessionFormFields() { return kSessionFields; }
std::span<const std::string_view> EvidenceFormFields() { return kEvidenceFields; }

void Explain(const char* key) {
  ImGui::PushStyleColor(ImGuiCol_Text, MutedColor());
  ImGui::TextWrapped("%s", tr(key));
  ImGui::PopStyleColor();
  ImGui::Spacing();
}

bool DrawSessionForm(appmodel::Json& fields, FormContext& ctx) {
  const schema::EntityDef& session = appmodel::builtin_entity("interview_session");
  bool changed = DrawRecordForm(session, fields, ctx, kSessionFields);
  ImGui::Spacing();
  Heading(tr("intake.sensitive.title"));
  Banner(WarningColor(), tr("intake.sensitive.explain"));
  if (const auto* f = session.field("sensitive_modules")) {
    changed |= DrawCodeSet(*f, fields, ctx.probe_prefix + "sensitive_modules");
  }
  return changed;
}

bool DrawPausedNotice(const char* resume_probe) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::Dummy(ImVec2(0, avail.y * 0.3f));
  Heading(tr("intake.paused.title"));
  ImGui::TextWrapped("%s", tr("intake.paused.text"));
  ImGui::Spacing();
  const bool resume = ImGui::Button(tr("intake.paused.resume"));
  Probe(resume_probe);
  return resume;
}

void DrawChosenFile(const std::string& file, const char* note_key) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  ImGui::TextWrapped("%s", appmodel::trf("intake.evidence.file", {file, ec ? "?" : appmodel::format_size(size)}).c_str());
  WrappedColored(MutedColor(), tr(note_key));
}

}  // namespace safehold::gui
