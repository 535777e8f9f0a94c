#include "intake_screen.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ScrollToItem

#include <algorithm>
#include <string>

#include "safehold/appmodel/schema_text.hpp"
#include "shared_forms.hpp"
#include "exact_text.hpp"
#include "shortcuts.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::IntakeStep;
using appmodel::tr;

void IntakeScreen::Draw(appmodel::AppModel& app) {
  appmodel::IntakeModel& m = app.intake;
  if (!m.draft) {
    DrawResumeChoice(app);
    return;
  }
  if (m.paused()) {
    DrawPaused(m);
    return;
  }
  // 13 em, but never more than 30 % of the screen (large text on a small
  // screen): the step names wrap instead.
  const float sidebar = std::min(ImGui::GetFontSize() * 13, ImGui::GetContentRegionAvail().x * 0.3f);
  // Where fewer than 12 lines are left below the toolbar (large text on a
  // small screen), the step list and the form are as tall as their content
  // and the screen scrolls as one page: a form box two lines high, inside a
  // page, would be unusable.
  const bool one_page = ShortOfHeight();
  // A step shortcut to a step not open yet (Ctrl+3, Ctrl+PageDown to it) is
  // refused out loud; decided before the step list is drawn, which takes
  // the focus in this frame.
  const int now = static_cast<int>(m.draft->step);
  if (const int to = shortcuts::StepPressed(); to >= 0 && to < appmodel::kIntakeSteps &&
                                                 !m.step_open(static_cast<IntakeStep>(to))) {
    RefuseStep(now, to);
  }
  if (now + 1 < appmodel::kIntakeSteps && shortcuts::Pressed(shortcuts::Action::next_step) &&
      !m.step_open(static_cast<IntakeStep>(now + 1))) {
    RefuseStep(now, now + 1);
  }
  const ImGuiChildFlags grow = one_page ? ImGuiChildFlags_AutoResizeY : 0;
  ImGui::BeginChild("###intake-steps", ImVec2(sidebar, 0), ImGuiChildFlags_Border | grow, ImGuiWindowFlags_NavFlattened);
  DrawSidebar(m);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup();
  // Header: step title and the always-visible Pause button.
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  Heading(tr(appmodel::step_key(m.draft->step)));
  const char* pause = tr("intake.pause");
  const float pause_w = ImGui::CalcTextSize(pause).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine();
  ImGui::SetCursorPosX(right - pause_w);
  if (ImGui::Button(pause) || shortcuts::Pressed(shortcuts::Action::pause)) m.pause("interviewee");
  shortcuts::Tooltip(shortcuts::Action::pause);
  Probe("intake.pause");
  if (m.save_error_key() != nullptr) WrappedColored(ErrorColor(), tr(m.save_error_key()));

  const std::set<std::string> opened = m.sensitive_opened();
  FormContext ctx;
  ctx.sensitive_opened = &opened;
  ctx.probe_prefix = "intake.";
  ctx.field_left = [&m](const std::string& probe) { m.field_left(probe); };
  ctx.field_problem = [&m](const std::string& probe) { return m.field_problem(probe); };
  ctx.scroll_to = m.take_scroll_target();
  ctx.ref_options = [&m](std::string_view entity) {
    std::vector<RefOption> out;
    for (auto& [id, label] : m.options(entity)) out.push_back({id, label});
    return out;
  };
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("###intake-form", ImVec2(0, one_page ? 0 : -footer), grow, ImGuiWindowFlags_NavFlattened);
  if (focused_step_ != static_cast<int>(m.draft->step)) {
    focused_step_ = static_cast<int>(m.draft->step);
    FocusNextTextField();  // each step opens with the cursor in its first field
  }
  if (DrawStep(app, ctx)) m.edited();
  ImGui::EndChild();

  const int step = static_cast<int>(m.draft->step);
  const bool first = step == 0;
  ImGui::BeginDisabled(first);
  const bool back = ImGui::Button(tr("intake.back"));
  shortcuts::Tooltip(shortcuts::Action::previous_step);
  Probe("intake.back");
  ImGui::EndDisabled();
  if (!first && (back || shortcuts::Pressed(shortcuts::Action::previous_step))) {
    m.go(static_cast<IntakeStep>(step - 1));
  }
  ImGui::SameLine();
  const bool last = step + 1 >= appmodel::kIntakeSteps;
  const bool next_open = !last && m.step_open(static_cast<IntakeStep>(step + 1));
  ImGui::BeginDisabled(!next_open);
  const bool next = ImGui::Button(tr("intake.next"));
  shortcuts::Tooltip(shortcuts::Action::next_step);
  Probe("intake.next");
  ImGui::EndDisabled();
  if (next_open && (next || shortcuts::Pressed(shortcuts::Action::next_step))) {
    m.go(static_cast<IntakeStep>(step + 1));
  }
  ImGui::SameLine();
  ImGui::TextColored(MutedColor(), "%s", tr(m.dirty() ? "intake.draft.pending" : "intake.draft.saved"));
  ImGui::EndGroup();
  // Ctrl+1 … Ctrl+0: straight to a step (only to open ones, like the list).
  if (const int to = shortcuts::StepPressed(); to >= 0 && to < appmodel::kIntakeSteps &&
                                                 m.step_open(static_cast<IntakeStep>(to))) {
    m.go(static_cast<IntakeStep>(to));
  }
}

// Why move the focus: a refused Ctrl+3 left the cursor in the consent
// field it was in, and the name typed next (for step 3) went into it. On
// the step list, typing goes into no field and says so (typing.went_nowhere).
void IntakeScreen::RefuseStep(int from, int to) {
  refused_step_ = to;
  refused_from_ = from;
  focus_steps_ = true;
  shortcuts::HoldQueuedInput();  // what was typed behind the shortcut waits for the new focus
}

void IntakeScreen::DrawResumeChoice(appmodel::AppModel& app) {
  appmodel::IntakeModel& m = app.intake;
  Heading(tr("nav.intake"));
  if (!saved_draft_) saved_draft_ = m.saved_draft();
  const auto& saved = *saved_draft_;
  if (!saved) {
    ImGui::TextWrapped("%s", tr("intake.intro"));
    if (ImGui::Button(tr("intake.begin")) || begin_requested_) m.begin();
    begin_requested_ = false;
    Probe("intake.begin");
    return;
  }
  ImGui::TextWrapped("%s", appmodel::trf("intake.resume.question", {appmodel::display_time(*saved)}).c_str());
  if (begin_requested_) FocusNextItemVisibly();  // Ctrl+N: Resume, one Enter away
  begin_requested_ = false;
  if (ImGui::Button(tr("intake.resume"))) {
    (void)m.resume();
    saved_draft_.reset();
  }
  Probe("intake.resume");
  ImGui::SameLine();
  if (!confirm_discard_) {
    if (ImGui::Button(tr("intake.discard"))) confirm_discard_ = true;
    Probe("intake.discard");
    return;
  }
  WrappedColored(WarningColor(), tr("intake.discard.confirm"));
  if (ImGui::Button(tr("intake.discard.yes"))) {
    m.discard();
    m.begin();
    confirm_discard_ = false;
    saved_draft_.reset();
  }
  Probe("intake.discard.yes");
  ImGui::SameLine();
  if (ImGui::Button(tr("files.cancel"))) confirm_discard_ = false;
}

void IntakeScreen::DrawSidebar(appmodel::IntakeModel& m) {
  if (refused_step_ >= 0 && (refused_from_ != static_cast<int>(m.draft->step) ||
                             m.step_open(static_cast<IntakeStep>(refused_step_)))) {
    refused_step_ = -1;
  }
  // Above the steps, and scrolled into view once: below them it was out of
  // sight on a short screen at 200 %.
  if (refused_step_ >= 0) {
    WrappedColored(WarningColor(), appmodel::trf("intake.step.refused", {std::to_string(refused_step_ + 1)}).c_str());
    Probe("intake.step.refused");
    if (focus_steps_) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    ImGui::Spacing();
  }
  for (int i = 0; i < appmodel::kIntakeSteps; ++i) {
    const auto s = static_cast<IntakeStep>(i);
    const bool open = m.step_open(s);
    ImGui::BeginDisabled(!open);
    const bool incomplete = m.step_incomplete(s);
    const std::string label = std::to_string(i + 1) + ". " + tr(appmodel::step_key(s)) +
                              (incomplete ? appmodel::trf("intake.step.incomplete", {}) : std::string());
    if (incomplete) ImGui::PushStyleColor(ImGuiCol_Text, ErrorColor());
    if (focus_steps_ && m.draft->step == s) {
      FocusNextItemVisibly();
      focus_steps_ = false;
    }
    if (WrappedSelectable(label, ("###step" + std::to_string(i)).c_str(), m.draft->step == s)) {
      m.go(s);
      focused_step_ = -1;  // the step's first field takes the cursor, also when it is the current step
    }
    if (incomplete) ImGui::PopStyleColor();
    Probe((std::string("intake.step.") + std::to_string(i)).c_str());
    ImGui::EndDisabled();
  }
  if (const char* missing = m.consent_missing_key()) {
    ImGui::Spacing();
    WrappedColored(MutedColor(), tr(missing));
  }
}

void IntakeScreen::DrawPaused(appmodel::IntakeModel& m) {
  // A calm, empty screen: nothing of the interview is visible during a break.
  if (DrawPausedNotice("intake.resume_after_pause")) m.resume_after_pause();
}

}  // namespace safehold::gui
