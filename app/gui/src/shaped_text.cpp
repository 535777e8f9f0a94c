#include "shaped_text.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the current wrap position

#include "safehold/appmodel/display_text.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"

namespace safehold::gui {
namespace {

appmodel::DisplayText shape(std::string_view stored) {
  auto shaped = appmodel::ShapeForDisplay(stored);
  // Presentation forms are not in the stored text the models noted.
  if (shaped.visual != stored) appmodel::shown_codepoints().add_utf8(shaped.visual);
  return shaped;
}

void ApproximateMarker() {
  ImGui::SameLine();
  ImGui::TextColored(MutedColor(), "\xE2\x89\x88");  // ≈
  Probe("text.approximate");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", appmodel::tr("text.shown_approximately"));
}

}  // namespace

void TextShaped(std::string_view stored) {
  if (!appmodel::NeedsShaping(stored)) {
    ImGui::TextUnformatted(stored.data(), stored.data() + stored.size());
    return;
  }
  const auto shaped = shape(stored);
  ImGui::TextUnformatted(shaped.visual.c_str());
  if (shaped.approximate) ApproximateMarker();
}

void TextWrappedShaped(std::string_view stored) {
  if (!appmodel::NeedsShaping(stored)) {
    // As ImGui::TextWrapped: wrap at the window edge unless a wrap position is set.
    const bool push = ImGui::GetCurrentWindow()->DC.TextWrapPos < 0.0f;
    if (push) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(stored.data(), stored.data() + stored.size());
    if (push) ImGui::PopTextWrapPos();
    return;
  }
  // Wrapping visual-order text would put a right-to-left paragraph's lines
  // in the wrong order: shaped lines are drawn unwrapped.
  const auto shaped = shape(stored);
  ImGui::TextUnformatted(shaped.visual.c_str());
  if (shaped.approximate) ApproximateMarker();
}

void ShapedPreview(std::string_view stored) {
  if (!appmodel::NeedsShaping(stored)) return;
  const auto shaped = shape(stored);
  if (!shaped.right_to_left && !shaped.approximate) return;
  const float width = ImGui::CalcTextSize(shaped.visual.c_str()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (shaped.right_to_left && width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
  ImGui::TextColored(MutedColor(), "%s", shaped.visual.c_str());
  Probe("text.preview");
  ImGui::TextColored(MutedColor(), "%s", appmodel::tr("text.shown_approximately"));
}

}  // namespace safehold::gui
