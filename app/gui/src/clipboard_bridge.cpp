#include "clipboard_bridge.hpp"

#include "glyph_growth.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::gui {
namespace {

using ClipboardGetter = const char* (*)(void*);
using ClipboardSetter = void (*)(void*, const char*);
// The host's functions. One ImGui context at a time, so one set.
ClipboardGetter g_host_get = nullptr;
ClipboardSetter g_host_set = nullptr;
void* g_host_user_data = nullptr;
bool g_wrapped = false;

const char* BridgedGetClipboard(void*) {
  const char* text = HostClipboardText();
  if (text != nullptr && TextFieldActive() && !SecretFieldActive()) {
    appmodel::shown_codepoints().add_utf8(text);
  }
  return text;
}

void BridgedSetClipboard(void*, const char* text) { SetHostClipboardText(text); }

}  // namespace

void WrapClipboard(ImGuiIO& io) {
  if (io.GetClipboardTextFn != &BridgedGetClipboard || io.SetClipboardTextFn != &BridgedSetClipboard) {
    if (io.GetClipboardTextFn != &BridgedGetClipboard) g_host_get = io.GetClipboardTextFn;
    if (io.SetClipboardTextFn != &BridgedSetClipboard) g_host_set = io.SetClipboardTextFn;
    g_host_user_data = io.ClipboardUserData;
    g_wrapped = true;
    io.GetClipboardTextFn = &BridgedGetClipboard;
    io.SetClipboardTextFn = &BridgedSetClipboard;
  }
}

const char* HostClipboardText() {
  if (!g_wrapped) return ImGui::GetClipboardText();
  return g_host_get != nullptr ? g_host_get(g_host_user_data) : nullptr;
}

void SetHostClipboardText(const char* text) {
  if (!g_wrapped) {
    ImGui::SetClipboardText(text);
  } else if (g_host_set != nullptr) {
    g_host_set(g_host_user_data, text);
  }
}

}  // namespace safehold::gui
