#include "shaped_text.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the current wrap position

#include <algorithm>
#include <string>
#include <vector>

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

namespace {

// Byte offsets of the code points of `s` (and its end).
std::vector<std::size_t> char_starts(std::string_view s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

float width_of(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

// The longest prefix (or suffix) of `s` at most `w` wide, by binary search
// over character boundaries (a list draws many rows each frame).
std::string_view fitting(std::string_view s, float w, bool keep_end) {
  const auto starts = char_starts(s);
  std::size_t lo = 0;
  std::size_t hi = starts.size() - 1;  // number of characters kept
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    const std::string_view part = keep_end ? s.substr(starts[starts.size() - 1 - mid]) : s.substr(0, starts[mid]);
    if (width_of(part) <= w) lo = mid; else hi = mid - 1;
  }
  return keep_end ? s.substr(starts[starts.size() - 1 - lo]) : s.substr(0, starts[lo]);
}

}  // namespace

void TextShapedFit(std::string_view stored) {
  const bool shaping = appmodel::NeedsShaping(stored);
  const appmodel::DisplayText shaped = shaping ? shape(stored) : appmodel::DisplayText{std::string(stored)};
  const std::string_view text = shaped.visual;
  // The cell's clip edge can lie left of its work area (a table column
  // narrower than its padding allows): fit whichever is nearer.
  const float to_clip = ImGui::GetCurrentWindow()->ClipRect.Max.x - ImGui::GetCursorScreenPos().x;
  float avail = std::min(ImGui::GetContentRegionAvail().x, to_clip);
  if (shaped.approximate) avail -= width_of("\xE2\x89\x88") + ImGui::GetStyle().ItemSpacing.x;
  if (width_of(text) <= avail) {
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
  } else {
    constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
    const std::string_view part = fitting(text, avail - width_of(kEllipsis), shaped.right_to_left);
    const std::string line = shaped.right_to_left ? std::string(kEllipsis) + std::string(part)
                                                  : std::string(part) + std::string(kEllipsis);
    ImGui::TextUnformatted(line.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(text.size()), text.data());
  }
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
