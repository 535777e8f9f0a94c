#pragma once
// Where a named widget was drawn, for the headless UI tests: they click at
// the recorded rectangle with injected mouse events, as a person would.
// Probe() is a no-op unless a test has enabled recording.
#include <imgui.h>

#include <map>
#include <string>

namespace safehold::gui {

struct ProbeRect {
  ImVec2 min, max;
  bool enabled = true;  // false when drawn inside BeginDisabled
  bool visible = true;  // vertically inside its window's visible area
  int frame = 0;
  ImGuiID id = 0;         // 0 for items that take no input (text)
  bool tab_stop = false;  // Tab should reach it: has an id, enabled, not left out of the Tab order
  ImGuiID root_window = 0;  // the window it is in (a modal dialog takes the keyboard from the others)
  float clip_min_x = 0, clip_max_x = 0;  // horizontal clip rect it was drawn in (window, table cell)
  bool scrolls_x = false;  // its window has a horizontal scrollbar (a wide table at 200 %)
};

// Records the last submitted item under `name`.
void Probe(const char* name);

bool ProbesEnabled();

// Test side.
void EnableProbes(bool on);
const std::map<std::string, ProbeRect>& Probes();
void ClearProbes();

}  // namespace safehold::gui
