#include "exact_text.hpp"

#include <imgui_stdlib.h>

#include "shaped_text.hpp"
#include "ui_probe.hpp"

namespace safehold::gui {

bool InputTextExact(const char* label, std::string& stored, const ExactTextOptions& o) {
  bool changed = false;
  if (o.multiline) {
    changed = ImGui::InputTextMultiline(label, &stored, o.size, o.flags);
  } else if (o.hint != nullptr) {
    changed = ImGui::InputTextWithHint(label, o.hint, &stored, o.flags);
  } else {
    changed = ImGui::InputText(label, &stored, o.flags);
  }
  if (o.probe != nullptr) Probe(o.probe);
  // The field edits logical order; a shaped right-to-left line shows how
  // it reads.
  ShapedPreview(stored);
  return changed;
}

}  // namespace safehold::gui
