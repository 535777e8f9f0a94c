#pragma once
// The clipboard as ImGui's text fields see it. The host's (GLFW's, or
// ImGui's own when headless) reader and writer are wrapped so that
//  - a paste into a text field notes its code points for glyphs on demand
//    (glyph_growth.hpp) and arrives with characters outside the BMP as their
//    Private Use stand-ins (appmodel/astral_escapes.hpp);
//  - a copy or cut from a text field leaves the clipboard with the real
//    characters, stand-ins turned back.
// Nothing of a passphrase field (MarkSecretField) is noted or mapped.
//
// The app's own copies (AppShell's 30-second clipboard guard) go to the host
// directly: they hold stored text, never stand-ins.
#include <imgui.h>

namespace safehold::gui {

// Installs the wrappers (again if the host replaced them). Before NewFrame.
void WrapClipboard(ImGuiIO& io);
// The host's clipboard, unmapped (nullptr if empty or unreadable).
[[nodiscard]] const char* HostClipboardText();
void SetHostClipboardText(const char* text);
// Wipes the last mapped paste (on lock).
void ForgetPaste();

}  // namespace safehold::gui
