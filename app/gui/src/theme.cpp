#include "theme.hpp"

namespace safehold::gui {
namespace {

appmodel::Theme g_theme = appmodel::Theme::light;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
  return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                static_cast<float>(b) / 255.0f, a);
}

}  // namespace

void ApplyTheme(appmodel::Theme theme, float font_px) {
  g_theme = theme;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  const bool dark = theme == appmodel::Theme::dark;
  if (dark) ImGui::StyleColorsDark(&style); else ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  ImVec4 accent = dark ? rgb(94, 150, 180) : rgb(48, 105, 135);
  ImVec4 accent_soft = dark ? rgb(62, 98, 120) : rgb(196, 220, 232);
  c[ImGuiCol_WindowBg] = dark ? rgb(30, 33, 36) : rgb(246, 245, 241);
  c[ImGuiCol_ChildBg] = dark ? rgb(34, 37, 41) : rgb(251, 250, 247);
  c[ImGuiCol_PopupBg] = dark ? rgb(38, 41, 45) : rgb(255, 255, 252);
  c[ImGuiCol_MenuBarBg] = dark ? rgb(40, 44, 48) : rgb(232, 230, 224);
  c[ImGuiCol_Text] = dark ? rgb(224, 222, 216) : rgb(38, 40, 42);
  c[ImGuiCol_TextDisabled] = dark ? rgb(130, 132, 134) : rgb(140, 140, 136);
  c[ImGuiCol_FrameBg] = dark ? rgb(46, 50, 55) : rgb(255, 255, 255);
  c[ImGuiCol_FrameBgHovered] = dark ? rgb(54, 60, 66) : rgb(238, 244, 247);
  c[ImGuiCol_FrameBgActive] = dark ? rgb(60, 68, 76) : rgb(228, 238, 243);
  c[ImGuiCol_Border] = dark ? rgb(70, 74, 78) : rgb(205, 203, 196);
  c[ImGuiCol_Button] = accent_soft;
  c[ImGuiCol_ButtonHovered] = dark ? rgb(78, 120, 145) : rgb(170, 204, 220);
  c[ImGuiCol_ButtonActive] = accent;
  c[ImGuiCol_Header] = accent_soft;
  c[ImGuiCol_HeaderHovered] = dark ? rgb(70, 108, 130) : rgb(184, 212, 226);
  c[ImGuiCol_HeaderActive] = accent;
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_Tab] = dark ? rgb(44, 48, 52) : rgb(226, 224, 218);
  c[ImGuiCol_TabHovered] = accent_soft;
  c[ImGuiCol_TabActive] = accent_soft;
  c[ImGuiCol_TitleBg] = c[ImGuiCol_MenuBarBg];
  c[ImGuiCol_TitleBgActive] = c[ImGuiCol_MenuBarBg];
  c[ImGuiCol_TableHeaderBg] = dark ? rgb(44, 48, 52) : rgb(232, 230, 224);
  c[ImGuiCol_TableRowBgAlt] = dark ? rgb(36, 39, 43) : rgb(243, 242, 237);
  c[ImGuiCol_NavHighlight] = accent;
  c[ImGuiCol_PlotHistogram] = accent;

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

ImVec4 WarningColor() {
  return g_theme == appmodel::Theme::dark ? rgb(230, 180, 90) : rgb(150, 90, 10);
}
ImVec4 ErrorColor() {
  return g_theme == appmodel::Theme::dark ? rgb(235, 130, 120) : rgb(170, 45, 35);
}
ImVec4 OkColor() {
  return g_theme == appmodel::Theme::dark ? rgb(130, 200, 150) : rgb(40, 120, 70);
}
ImVec4 MutedColor() { return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]; }

}  // namespace safehold::gui
