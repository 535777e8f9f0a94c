// WCAG AA contrast (>= 4.5:1) of every text colour on every background it is
// drawn on, in both themes, computed from the colours ImGui actually holds
// after ApplyTheme (alpha blended onto the window background), including
// disabled widgets (DisabledAlpha) and banners (a tint of their own colour).
#include <imgui.h>

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "safehold/appmodel/palette.hpp"
#include "theme.hpp"

using namespace safehold;

namespace {

appmodel::Rgba rgba(const ImVec4& v) { return {v.x, v.y, v.z, v.w}; }

struct Named {
  const char* name;
  appmodel::Rgba colour;
};

void check_pairs(const std::vector<Named>& texts, const std::vector<Named>& backgrounds, const appmodel::Rgba& base,
                 const char* theme, double* worst) {
  for (const auto& t : texts) {
    for (const auto& b : backgrounds) {
      const double ratio = appmodel::contrast_ratio(t.colour, b.colour, base);
      if (ratio < *worst) *worst = ratio;
      INFO(theme << ": " << t.name << " on " << b.name << " = " << ratio);
      CHECK(ratio >= 4.5);
    }
  }
}

}  // namespace

TEST_CASE("contrast: every text colour on every background is at least 4.5:1 in both themes", "[gui][contrast]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  for (auto theme : {appmodel::Theme::light, appmodel::Theme::dark}) {
    const char* name = theme == appmodel::Theme::dark ? "dark" : "light";
    gui::ApplyTheme(theme, 18.0f);
    const ImGuiStyle& s = ImGui::GetStyle();
    const auto col = [&](ImGuiCol i) { return rgba(s.Colors[i]); };
    const appmodel::Rgba base = col(ImGuiCol_WindowBg);
    REQUIRE(base.a == 1.0f);
    // Surfaces: where body, secondary and state text are drawn.
    const std::vector<Named> surfaces = {
        {"WindowBg", base},
        {"ChildBg", col(ImGuiCol_ChildBg)},
        {"PopupBg", col(ImGuiCol_PopupBg)},
        {"MenuBarBg", col(ImGuiCol_MenuBarBg)},
        {"TitleBgActive", col(ImGuiCol_TitleBgActive)},
        {"FrameBg", col(ImGuiCol_FrameBg)},
        {"FrameBgHovered", col(ImGuiCol_FrameBgHovered)},
        {"FrameBgActive", col(ImGuiCol_FrameBgActive)},
        {"Tab", col(ImGuiCol_Tab)},
        {"TableHeaderBg", col(ImGuiCol_TableHeaderBg)},
        {"TableRowBgAlt", col(ImGuiCol_TableRowBgAlt)},
    };
    // Controls: labels of buttons, selected rows and tabs (body text only).
    std::vector<Named> controls = surfaces;
    for (const Named& n : std::vector<Named>{{"Button", col(ImGuiCol_Button)},
                                             {"ButtonHovered", col(ImGuiCol_ButtonHovered)},
                                             {"ButtonActive", col(ImGuiCol_ButtonActive)},
                                             {"Header", col(ImGuiCol_Header)},
                                             {"HeaderHovered", col(ImGuiCol_HeaderHovered)},
                                             {"HeaderActive", col(ImGuiCol_HeaderActive)},
                                             {"TabHovered", col(ImGuiCol_TabHovered)},
                                             {"TabActive", col(ImGuiCol_TabActive)}}) {
      controls.push_back(n);
    }
    double worst = 100;
    check_pairs({{"Text", col(ImGuiCol_Text)}}, controls, base, name, &worst);
    check_pairs({{"TextDisabled (muted)", col(ImGuiCol_TextDisabled)},
                 {"MutedColor", rgba(gui::MutedColor())},
                 {"WarningColor", rgba(gui::WarningColor())},
                 {"ErrorColor", rgba(gui::ErrorColor())},
                 {"OkColor", rgba(gui::OkColor())}},
                surfaces, base, name, &worst);
    // Disabled widgets: ImGui multiplies every alpha by DisabledAlpha.
    const auto faded = [&](appmodel::Rgba c) {
      c.a *= s.DisabledAlpha;
      return c;
    };
    check_pairs({{"Text (disabled)", faded(col(ImGuiCol_Text))}},
                {{"Button (disabled)", faded(col(ImGuiCol_Button))},
                 {"FrameBg (disabled)", faded(col(ImGuiCol_FrameBg))},
                 {"WindowBg", base}},
                base, name, &worst);
    // Banners: the text colour over a tint of itself.
    for (const auto& c : {gui::WarningColor(), gui::ErrorColor(), gui::OkColor()}) {
      appmodel::Rgba tint = rgba(c);
      tint.a = appmodel::kBannerFillAlpha;
      check_pairs({{"banner text", rgba(c)}}, {{"banner tint", tint}}, base, name, &worst);
    }
    WARN(name << " theme: lowest contrast " << worst << ":1");
  }
  ImGui::DestroyContext(ctx);
}

TEST_CASE("contrast: the WCAG formula on known pairs", "[gui][contrast]") {
  const appmodel::Rgba black{0, 0, 0, 1}, white{1, 1, 1, 1}, grey{0.4627f, 0.4627f, 0.4627f, 1};  // #767676
  CHECK(appmodel::contrast_ratio(black, white, white) > 20.99);
  CHECK(appmodel::contrast_ratio(grey, white, white) > 4.5);   // the lightest grey that passes on white
  CHECK(appmodel::contrast_ratio(grey, white, white) < 4.56);
  // Half-transparent black on white is a mid grey.
  CHECK(appmodel::contrast_ratio({0, 0, 0, 0.5f}, white, white) < 4.0);
}
