#include "clipboard_bridge.hpp"

#include <string>

#include "exact_text.hpp"
#include "glyph_growth.hpp"
#include "safehold/appmodel/astral_escapes.hpp"
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
// The mapped text of the last paste: ImGui reads it right after the call.
std::string g_paste;

const char* BridgedGetClipboard(void*) {
  const char* text = HostClipboardText();
  if (text == nullptr || !TextFieldActive() || SecretFieldActive()) return text;
  appmodel::shown_codepoints().add_utf8(text);
  if (!ExactFieldActive()) return text;  // a plain field: ImGui reads it as before
  DropTypedStandIns();  // typed characters of this frame were taken before the paste
  auto mapped = appmodel::astral_escapes().to_edit(text);
  // Malformed UTF-8, or no stand-in left: ImGui reads it as before (U+FFFD).
  if (!mapped) return text;
  g_paste = std::move(*mapped);
  return g_paste.c_str();
}

void BridgedSetClipboard(void*, const char* text) {
  if (text == nullptr || !ExactFieldActive() || SecretFieldActive()) {
    SetHostClipboardText(text);
    return;
  }
  SetHostClipboardText(appmodel::astral_escapes().from_edit(text).c_str());
}

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

void ForgetPaste() {
  g_paste.assign(g_paste.size(), '\0');
  std::string().swap(g_paste);
}

}  // namespace safehold::gui
