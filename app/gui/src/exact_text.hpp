#pragma once
// Text fields that keep every character exactly, although Debian's Dear ImGui
// (16-bit ImWchar) turns characters outside the BMP into U+FFFD on input,
// paste and edit. The field edits the text with those characters as BMP
// Private Use stand-ins (appmodel/astral_escapes.hpp) and stores them back
// as they were; a muted line under the field says how many it holds (they
// draw as the fallback glyph). Text the table cannot map (all stand-ins
// taken) is shown read-only with a note, never edited lossily.
//
// Typing: ImGui drops typed Private Use characters, so the host's char
// callback queues TypedCodepoint(cp) instead of cp: a character outside the
// BMP (or a Private Use one, or U+FFFD) is queued as U+FFFD and its edit
// form is kept aside in order; the field's char filter swaps each U+FFFD for
// the next kept one. Fields without that filter (passphrases) get U+FFFD, as
// before. Paste and copy: clipboard_bridge.hpp.
#include <imgui.h>

#include <string>

namespace safehold::gui {

struct ExactTextOptions {
  const char* hint = nullptr;  // single-line only
  ImGuiInputTextFlags flags = 0;
  bool multiline = false;
  ImVec2 size{0, 0};            // multiline only
  const char* probe = nullptr;  // Probe() name of the field
};

// InputText over `stored` (UTF-8 as stored); true when `stored` changed.
bool InputTextExact(const char* label, std::string& stored, const ExactTextOptions& options = {});

// For the host's char callback: the code point to hand to ImGui for a typed
// `cp` (see above). Not for passphrase fields' sake: while one is active, cp
// is returned as it is.
[[nodiscard]] unsigned int TypedCodepoint(unsigned int cp);
// Forgets kept typed characters no field took (after each frame, and before
// a paste).
void DropTypedStandIns();
// True while the field being edited is an InputTextExact field: only those
// get pastes mapped to stand-ins and copies mapped back (a plain field would
// store the stand-ins themselves).
[[nodiscard]] bool ExactFieldActive();

}  // namespace safehold::gui
