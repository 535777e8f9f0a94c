#include "glyph_growth.hpp"

#include <imgui_internal.h>

#include "clipboard_bridge.hpp"
#include "recent_ids.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::gui {
namespace {

// Passphrase fields seen lately.
RecentIds g_secret;

}  // namespace

bool SecretFieldActive() { return g_secret.HasActive(); }

bool TextFieldActive() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g != nullptr && g->ActiveId != 0 && g->InputTextState.ID == g->ActiveId;
}

void MarkSecretField() { g_secret.Note(ImGui::GetItemID()); }

void GlyphGrowth::BeforeFrame(ImGuiIO& io) {
  WrapClipboard(io);
  if (SecretFieldActive()) return;
  // Typed characters wait in ImGui's input event queue until NewFrame.
  auto& set = appmodel::shown_codepoints();
  for (const ImGuiInputEvent& e : ImGui::GetCurrentContext()->InputEventsQueue) {
    if (e.Type == ImGuiInputEventType_Text) set.add(e.Text.Char);
  }
}

bool GlyphGrowth::RebuildDue(const ImFont* body, const ImFont* heading, double now) {
  if (body == nullptr) return pending_;  // no atlas yet: check once there is one
  for (char32_t cp : appmodel::shown_codepoints().take_new()) {
    if (cp > IM_UNICODE_CODEPOINT_MAX || extra_.size() >= kMaxExtra) continue;
    const auto c = static_cast<ImWchar>(cp);
    const bool missing = (body != nullptr && body->FindGlyphNoFallback(c) == nullptr) ||
                         (heading != nullptr && heading->FindGlyphNoFallback(c) == nullptr);
    if (missing && extra_.insert(c).second) pending_ = true;
  }
  return pending_ && now - last_build_ >= kMinInterval;
}

bool GlyphGrowth::Clear() {
  const bool had = !extra_.empty();
  extra_.clear();
  pending_ = false;
  return had;
}

}  // namespace safehold::gui
