#include "widgets.hpp"
#include "shaped_text.hpp"

#include <imgui_internal.h>  // ImGuiTable, its scrolling window

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/palette.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"

namespace safehold::gui {
namespace {
ImFont* g_heading = nullptr;
}

void SetHeadingFont(ImFont* font) { g_heading = font; }

void Spinner(float radius_scale) {
  const float h = ImGui::GetTextLineHeight();
  const float r = h * 0.4f * radius_scale;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(h, h));
  ImVec2 c(pos.x + h * 0.5f, pos.y + h * 0.5f);
  const float t = static_cast<float>(ImGui::GetTime());
  const float start = t * 6.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PathArcTo(c, r, start, start + 4.2f, 24);
  dl->PathStroke(ImGui::GetColorU32(ImGuiCol_PlotHistogram), 0, h * 0.12f);
}

void StrengthMeter(const appmodel::PassphraseStrength& s) {
  static const ImVec4 colors[] = {
      ImVec4(0.72f, 0.25f, 0.20f, 1), ImVec4(0.80f, 0.45f, 0.15f, 1), ImVec4(0.75f, 0.62f, 0.15f, 1),
      ImVec4(0.35f, 0.60f, 0.35f, 1), ImVec4(0.20f, 0.52f, 0.32f, 1)};
  const int score = s.score < 0 ? 0 : s.score > 4 ? 4 : s.score;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colors[score]);
  const float fraction = (static_cast<float>(score) + 1.0f) / 5.0f;
  const char* label = appmodel::tr(s.label_key());
  const float label_w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::ProgressBar(fraction, ImVec2(ImGui::GetContentRegionAvail().x - label_w,
                                      ImGui::GetTextLineHeight() * 0.5f), "");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextUnformatted(label);
}

bool WrappedSelectable(const std::string& text, const char* id, bool selected) {
  const float w = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, w);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::Selectable(id, selected, 0, ImVec2(w, size.y));
  // The text over it, wrapped; the colour follows Push/BeginDisabled.
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                      text.c_str(), nullptr, w);
  return pressed;
}

bool CheckboxWrapped(const char* id, const std::string& label, bool* v) {
  ImGui::PushID(id);
  bool changed = ImGui::Checkbox("##box", v);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::IsItemClicked()) {
    *v = !*v;
    changed = true;
  }
  ImGui::PopID();
  return changed;
}

bool ShortOfHeight() { return ImGui::GetContentRegionAvail().y < ImGui::GetFrameHeightWithSpacing() * 12; }

void BeginRestOfScreen(const char* id) {
  ImGui::BeginChild(id, ImVec2(0, 0), ShortOfHeight() ? ImGuiChildFlags_AutoResizeY : 0, ImGuiWindowFlags_NavFlattened);
}

float EmFitting(float em) { return std::min(ImGui::GetFontSize() * em, ImGui::GetContentRegionAvail().x); }

void SameLineIfFits(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float ButtonWidth(const char* label) {
  // Button and SmallButton alike: the text and the frame padding at both sides.
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

float RadioButtonWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void WrappedColored(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void TabReachesTableRows() {
  ImGuiTable* table = ImGui::GetCurrentTable();
  if (table == nullptr || table->InnerWindow == table->OuterWindow) return;
  // What ImGui's Begin does for a flattened child (UpdateWindowParentAndRootLinks),
  // done after the fact: the rows are submitted after this and take part in
  // the parent's navigation.
  ImGuiWindow* inner = table->InnerWindow;
  inner->Flags |= ImGuiWindowFlags_NavFlattened;
  inner->RootWindowForNav = table->OuterWindow->RootWindowForNav;
  // And its focus scope: Begin gave it one of its own, and Tab passes over
  // items outside the focused one's scope.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.FocusScopeStack.Size >= 2 && g.CurrentFocusScopeId == inner->ID) {
    g.FocusScopeStack.back() = g.FocusScopeStack[g.FocusScopeStack.Size - 2];
    g.CurrentFocusScopeId = inner->NavRootFocusScopeId = g.FocusScopeStack.back();
  }
}

void Banner(const ImVec4& color, const char* text) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(0, 2));
  ImGui::Indent(8);
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 8);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::Unindent(8);
  ImGui::Dummy(ImVec2(0, 2));
  ImGui::EndGroup();
  dl->ChannelsSetCurrent(0);
  ImVec2 min = ImGui::GetItemRectMin();
  ImVec2 max(min.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
  ImVec4 fill = color;
  fill.w = appmodel::kBannerFillAlpha;
  dl->AddRectFilled(min, max, ImGui::GetColorU32(fill), 4);
  ImVec4 edge = color;
  edge.w = 0.45f;
  dl->AddRect(min, max, ImGui::GetColorU32(edge), 4);
  dl->ChannelsMerge();
}

void Heading(const char* text) {
  if (g_heading != nullptr) ImGui::PushFont(g_heading);
  TextWrappedShaped(text);  // a long case title wraps instead of running off the screen
  if (g_heading != nullptr) ImGui::PopFont();
}

void LabelValue(const char* label, const std::string& value) {
  ImGui::TextColored(MutedColor(), "%s", label);
  ImGui::SameLine();
  TextWrappedShaped(value);
}

void BigDigits(const std::string& digits, const char* probe) {
  ImGui::SetWindowFontScale(1.35f);
  ImGui::TextUnformatted(digits.c_str());
  ImGui::SetWindowFontScale(1.0f);
  Probe(probe);
}

std::string HomeFolder() {
  const char* home = std::getenv("HOME");
  return home != nullptr && *home == '/' ? home : "/";
}

bool ProgressWithCancel(float fraction, const ProgressTexts& texts) {
  if (texts.label != nullptr) ImGui::TextUnformatted(texts.label);
  const char* cancel_text = appmodel::tr(texts.cancel_key);
  const float button_w = ImGui::CalcTextSize(cancel_text).x + ImGui::GetStyle().FramePadding.x * 4;
  if (fraction < 0) {
    Spinner();
    ImGui::SameLine();
    ImGui::TextColored(MutedColor(), "%s", appmodel::tr(texts.starting_key));
  } else {
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetContentRegionAvail().x - button_w, 0));
  }
  if (texts.bar_probe != nullptr) Probe(texts.bar_probe);
  ImGui::SameLine();
  const bool cancel = ImGui::Button(cancel_text);
  if (texts.cancel_probe != nullptr) Probe(texts.cancel_probe);
  return cancel;
}

void ShowRefusal(const char* key, const std::string& detail, const char* probe) {
  if (key == nullptr) return;
  WrappedColored(ErrorColor(), appmodel::tr(key));
  Probe(probe);
  if (!detail.empty()) WrappedColored(MutedColor(), detail.c_str());
}

}  // namespace safehold::gui
