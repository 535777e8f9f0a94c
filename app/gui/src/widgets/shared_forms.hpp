#pragma once
// Form sections shared by the intake (intake_steps.cpp) and the case view's
// add-forms (case_add_form.cpp), so a follow-up session, an incident or an
// evidence file is asked for in the same words and order in both places.
#include <span>
#include <string>
#include <string_view>

#include "form_widgets.hpp"

namespace safehold::gui {

// Which fields of interview_session / evidence_item the forms ask for.
[[nodiscard]] std::span<const std::string_view> SessionFormFields();
[[nodiscard]] std::span<const std::string_view> EvidenceFormFields();

// A muted explanation paragraph (i18n key).
void Explain(const char* key);

// The session fields, then the sensitive-topics opt-in (V-Sensitive). Probe
// names start with ctx.probe_prefix. True when `fields` changed.
bool DrawSessionForm(appmodel::Json& fields, FormContext& ctx);

// The calm pause screen: nothing of the interview is visible. True on the
// frame "continue" was clicked (probe `resume_probe`).
bool DrawPausedNotice(const char* resume_probe);

// The chosen file's path and size, and a note on when it is hashed.
void DrawChosenFile(const std::string& file, const char* note_key);

}  // namespace safehold::gui
