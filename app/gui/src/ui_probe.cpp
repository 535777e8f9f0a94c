#include "ui_probe.hpp"

#include <imgui_internal.h>

namespace safehold::gui {
namespace {

bool g_enabled = false;
std::map<std::string, ProbeRect>& table() {
  static std::map<std::string, ProbeRect> t;
  return t;
}

}  // namespace

void Probe(const char* name) {
  if (!g_enabled) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ProbeRect r;
  r.min = ImGui::GetItemRectMin();
  r.max = ImGui::GetItemRectMax();
  r.enabled = (g.CurrentItemFlags & ImGuiItemFlags_Disabled) == 0;
  r.frame = ImGui::GetFrameCount();
  const ImRect clip = g.CurrentWindow->ClipRect;
  // Vertical only: table cells clip to their column, selectables span rows.
  r.visible = clip.Min.y <= r.min.y && r.max.y <= clip.Max.y;
  r.clip_min_x = clip.Min.x;
  r.clip_max_x = clip.Max.x;
  r.scrolls_x = g.CurrentWindow->ScrollbarX;
  // No item of its own: a window's Begin leaves the window's move id as the
  // last item (a probe on text first in a child), and a window whose items
  // are skipped (a child scrolled out of view) leaves an earlier item's id.
  const bool own_item = g.LastItemData.ID != g.CurrentWindow->MoveId && !g.CurrentWindow->SkipItems;
  r.id = own_item ? g.LastItemData.ID : 0;
  r.root_window = g.CurrentWindow->RootWindow->ID;
  const ImGuiItemFlags flags = g.LastItemData.InFlags;
  r.tab_stop = r.id != 0 && r.enabled &&
               (flags & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNav | ImGuiItemFlags_Disabled)) == 0;
  table()[name] = r;
}

bool ProbesEnabled() { return g_enabled; }
void EnableProbes(bool on) { g_enabled = on; }
const std::map<std::string, ProbeRect>& Probes() { return table(); }
void ClearProbes() { table().clear(); }

}  // namespace safehold::gui
