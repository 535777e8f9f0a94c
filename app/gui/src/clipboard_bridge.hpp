#pragma once
// The clipboard as ImGui's text fields see it. The host's (GLFW's, or
// ImGui's own when headless) reader is wrapped so that a paste into a text
// field notes its code points for glyphs on demand (glyph_growth.hpp);
// nothing pasted into a passphrase field (MarkSecretField) is noted.
//
// The app's own copies (AppShell's 30-second clipboard guard) go to the host
// directly.
#include <imgui.h>

namespace safehold::gui {

// Installs the wrapper (again if the host replaced it). Before NewFrame.
void WrapClipboard(ImGuiIO& io);
// The host's clipboard (nullptr if empty or unreadable).
[[nodiscard]] const char* HostClipboardText();
void SetHostClipboardText(const char* text);

}  // namespace safehold::gui
