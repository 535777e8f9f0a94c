#pragma once
// New intake, in trauma-informed order: consent first, then the session,
// the interviewee, their account in their own words, incidents, other
// people, legal measures, evidence, risk and safety plan, closing checklist.
// A Pause button is always visible; a pause hides the form and logs a break.
#include <optional>
#include <string>

#include "file_browser_dialog.hpp"
#include "form_widgets.hpp"
#include "safehold/appmodel/app_model.hpp"

namespace safehold::gui {

struct IntakeScreen {
  void Draw(appmodel::AppModel& app);
  // Ctrl+N: a new intake begins at once when none is in progress or saved.
  void RequestBegin() { begin_requested_ = true; }

 private:
  void DrawResumeChoice(appmodel::AppModel& app);
  void DrawSidebar(appmodel::IntakeModel& m);
  void DrawPaused(appmodel::IntakeModel& m);
  void RefuseStep(int from, int to);
  bool DrawStep(appmodel::AppModel& app, FormContext& ctx);
  bool DrawConsent(appmodel::IntakeModel& m, FormContext& ctx);
  bool DrawSession(appmodel::IntakeModel& m, FormContext& ctx);
  bool DrawRecordList(appmodel::IntakeModel& m, FormContext& ctx, const char* entity,
                      std::vector<appmodel::DraftRecord>& items, const char* add_key,
                      const char* title_field);
  bool DrawEvidence(appmodel::IntakeModel& m, FormContext& ctx);
  bool DrawClosing(appmodel::AppModel& app, FormContext& ctx);

  FileBrowserDialog browser_;
  // Whether the vault holds an unsaved draft (its start time), read once per
  // visit rather than every frame.
  std::optional<std::optional<std::string>> saved_draft_;
  bool confirm_discard_ = false;
  bool begin_requested_ = false;
  int focused_step_ = -1;  // the step whose first control got the focus
  // A step shortcut refused because the step is not open yet (Ctrl+3 before
  // consent): the step it asked for, said on screen next to the step list
  // while the caseworker stays on `refused_from_`; the keyboard focus moves
  // to the step list once (`focus_steps_`) so the words typed next do not
  // land in the field that had the focus.
  int refused_step_ = -1;
  int refused_from_ = -1;
  bool focus_steps_ = false;
};

}  // namespace safehold::gui
