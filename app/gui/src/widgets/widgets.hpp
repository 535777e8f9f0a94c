#pragma once
// Small drawing helpers shared by the screens. No state, no I/O.
#include <imgui.h>

#include <string>

#include "safehold/appmodel/passphrase_strength.hpp"

namespace safehold::gui {

// An indeterminate spinner one text line high.
void Spinner(float radius_scale = 1.0f);
// Coloured bar with the localized label, for a passphrase strength.
void StrengthMeter(const appmodel::PassphraseStrength& s);
// Wrapped text in a colour (never record data in a colour-only cue: the text
// itself carries the meaning for colour-blind users).
void WrappedColored(const ImVec4& color, const char* text);
// A framed note (demo, missing feature, warnings).
void Banner(const ImVec4& color, const char* text);
// Text in the heading font if there is one.
void Heading(const char* text);
void SetHeadingFont(ImFont* font);
// A Selectable whose text wraps at the available width (a list of steps in
// a narrow sidebar): `id` is its ImGui id ("###…"); returns true on click.
bool WrappedSelectable(const std::string& text, const char* id, bool selected);
// A checkbox whose label wraps at the available width (long labels, large
// text); clicking the label toggles it too. `id` is the ImGui id. The last
// item afterwards is the label.
bool CheckboxWrapped(const char* id, const std::string& label, bool* v);
// True when fewer than 12 lines are left below (large text on a small
// screen): a part that would fill the rest with its own scrolling is then
// as tall as its content, and the screen scrolls as one page instead.
[[nodiscard]] bool ShortOfHeight();
// BeginChild for the rest of a screen below its header (tab content),
// NavFlattened; as tall as its content when ShortOfHeight(). EndChild after.
void BeginRestOfScreen(const char* id);
// `em` times the text size, but no wider than the space left on the line:
// fixed-width fields never reach past their column at large text sizes.
[[nodiscard]] float EmFitting(float em);
// SameLine() when an item `width` wide still fits on the current line, else
// stays on a new line: buttons and notes flow instead of being cut.
void SameLineIfFits(float width);
// The width of a button (or small button) with this label.
[[nodiscard]] float ButtonWidth(const char* label);
// The width of a radio button with this label (its circle, the gap, the text).
[[nodiscard]] float RadioButtonWidth(const char* label);
// A muted label and its value on one line (wrapped).
void LabelValue(const char* label, const std::string& value);
// The 30-digit fingerprint, large, so it can be read aloud group by group.
void BigDigits(const std::string& digits, const char* probe);
// Call right after BeginTable of a table with ScrollY: Tab reaches its rows.
// Such a table scrolls in a child window of its own, which ImGui 1.90.1
// creates without ImGuiWindowFlags_NavFlattened (no way to pass it), and Tab
// never crosses into a child that is not flattened (nor out of it).
void TabReachesTableRows();
// Where the in-app file browser opens: HOME, else "/".
std::string HomeFolder();

// What ProgressWithCancel says and the Probe() names it records. Keys are
// i18n keys; `label` is already translated (it may carry numbers).
struct ProgressTexts {
  const char* label = nullptr;                     // the line above the bar, if any
  const char* starting_key = "exchange.starting";  // while the total is unknown
  const char* cancel_key = "exchange.cancel";      // the button
  const char* bar_probe = "exchange.progress";
  const char* cancel_probe = nullptr;
};
// A progress bar (a spinner and `starting_key` while the total is unknown,
// fraction < 0) and a cancel button; true when the button was pressed.
[[nodiscard]] bool ProgressWithCancel(float fraction, const ProgressTexts& texts);
// A core refusal: the translated sentence, then the core's one-line detail.
void ShowRefusal(const char* key, const std::string& detail, const char* probe);

}  // namespace safehold::gui
