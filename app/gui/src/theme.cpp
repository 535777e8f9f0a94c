#include "theme.hpp"

#include "safehold/appmodel/palette.hpp"

namespace safehold::gui {
namespace {

appmodel::Theme g_theme = appmodel::Theme::light;

ImVec4 im(const appmodel::Rgba& c) { return ImVec4(c.r, c.g, c.b, c.a); }

}  // namespace

// The colours come from appmodel::palette() (checked for contrast by tests).
void ApplyTheme(appmodel::Theme theme, float font_px) {
  g_theme = theme;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  const bool dark = theme == appmodel::Theme::dark;
  if (dark) ImGui::StyleColorsDark(&style); else ImGui::StyleColorsLight(&style);
  const appmodel::Palette& p = appmodel::palette(theme);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = im(p.window);
  c[ImGuiCol_ChildBg] = im(p.child);
  c[ImGuiCol_PopupBg] = im(p.popup);
  c[ImGuiCol_MenuBarBg] = im(p.menubar);
  c[ImGuiCol_Text] = im(p.text);
  c[ImGuiCol_TextDisabled] = im(p.muted);
  c[ImGuiCol_FrameBg] = im(p.frame);
  c[ImGuiCol_FrameBgHovered] = im(p.frame_hovered);
  c[ImGuiCol_FrameBgActive] = im(p.frame_active);
  c[ImGuiCol_Border] = im(p.border);
  c[ImGuiCol_Button] = im(p.button);
  c[ImGuiCol_ButtonHovered] = im(p.button_hovered);
  c[ImGuiCol_ButtonActive] = im(p.button_active);
  c[ImGuiCol_Header] = im(p.button);
  c[ImGuiCol_HeaderHovered] = im(p.button_hovered);
  c[ImGuiCol_HeaderActive] = im(p.button_active);
  c[ImGuiCol_CheckMark] = im(p.accent);
  c[ImGuiCol_SliderGrab] = im(p.accent);
  c[ImGuiCol_SliderGrabActive] = im(p.accent);
  c[ImGuiCol_Tab] = im(p.tab);
  c[ImGuiCol_TabHovered] = im(p.button);
  c[ImGuiCol_TabActive] = im(p.button);
  c[ImGuiCol_TabUnfocused] = im(p.tab);
  c[ImGuiCol_TabUnfocusedActive] = im(p.button);
  c[ImGuiCol_TitleBg] = im(p.menubar);
  c[ImGuiCol_TitleBgActive] = im(p.menubar);
  c[ImGuiCol_TitleBgCollapsed] = im(p.menubar);
  c[ImGuiCol_TableHeaderBg] = im(p.table_header);
  c[ImGuiCol_TableRowBgAlt] = im(p.row_alt);
  c[ImGuiCol_NavHighlight] = im(p.accent);
  c[ImGuiCol_PlotHistogram] = im(p.accent);
  style.DisabledAlpha = p.disabled_alpha;

  const float unit = font_px / 18.0f;
  style.WindowPadding = ImVec2(16 * unit, 14 * unit);
  style.FramePadding = ImVec2(10 * unit, 6 * unit);
  style.ItemSpacing = ImVec2(10 * unit, 7 * unit);
  style.ItemInnerSpacing = ImVec2(8 * unit, 6 * unit);
  style.CellPadding = ImVec2(8 * unit, 5 * unit);
  style.ScrollbarSize = 16 * unit;
  style.GrabMinSize = 14 * unit;
  style.WindowRounding = 6 * unit;
  style.ChildRounding = 6 * unit;
  style.FrameRounding = 5 * unit;
  style.PopupRounding = 5 * unit;
  style.TabRounding = 5 * unit;
  style.GrabRounding = 4 * unit;
  style.WindowBorderSize = 0;
  style.FrameBorderSize = 1;
}

ImVec4 WarningColor() { return im(appmodel::palette(g_theme).warning); }
ImVec4 ErrorColor() { return im(appmodel::palette(g_theme).error); }
ImVec4 OkColor() { return im(appmodel::palette(g_theme).ok); }
ImVec4 MutedColor() { return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]; }

}  // namespace safehold::gui
