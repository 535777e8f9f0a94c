// bench_gui: prints numbers, never passes or fails.
//   startup: process-equivalent start (context, fontconfig lookup, CJK font
//            atlas, theme) to the end of the first unlock-screen frame;
//   frame:   CPU time of one frame of a screen (NewFrame → Render), median
//            and 95th percentile over many frames, no GPU involved.
// Goals (issue 5): startup < 300 ms, frames < 2 ms.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "safehold/appmodel/app_model.hpp"
#include "ui_runtime.hpp"

using namespace safehold;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void report_frames(const char* what, const std::function<void()>& frame, int n = 300) {
  for (int i = 0; i < 20; ++i) frame();  // settle layout and caches
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    auto t = Clock::now();
    frame();
    ms.push_back(ms_since(t));
  }
  std::sort(ms.begin(), ms.end());
  std::printf("frame %-28s median %.3f ms  p95 %.3f ms  max %.3f ms  %d vertices  (goal < 2 ms)\n",
              what, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(),
              ImGui::GetDrawData()->TotalVtxCount);
}

void setup_io() {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(640, 400);
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = 400 + k;  // the GLFW backend's job
}

}  // namespace

int main() {
  for (auto lang : {appmodel::Language::en, appmodel::Language::zh_Hant}) {
    appmodel::set_language(lang);
    appmodel::StorageGateway gateway;
    auto t0 = Clock::now();
    appmodel::AppModel app(gateway);
    app.start.folder = "/tmp/bench-vault";
    gui::UiRuntime ui(app);
    setup_io();
    (void)ui.PrepareFonts();
    const double fonts_ms = ms_since(t0);
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what the GL upload needs
    ui.Frame();
    const double first_ms = ms_since(t0);
    std::printf("startup %-7s to first unlock frame %.1f ms (fonts %.1f ms, atlas %dx%d, CJK font %s)"
                "  (goal < 300 ms)\n",
                std::string(appmodel::language_code(lang)).c_str(), first_ms, fonts_ms, w, h,
                ui.fonts().cjk_found ? "found" : "MISSING");
    report_frames("unlock screen", [&] { ui.Frame(); });
  }
  return 0;
}
