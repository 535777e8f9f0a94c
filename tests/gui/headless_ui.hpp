#pragma once
// Drives the real UI without a window: an ImGui context with a built font
// atlas, DisplaySize set, and injected mouse, key and text events, one
// NewFrame/Render per step. Widgets are found through their Probe() names
// and clicked at their recorded rectangles, as a person would.
#include <imgui.h>

#include <chrono>
#include <string>
#include <thread>
#include <string_view>

#include "safehold/appmodel/app_model.hpp"
#include "ui_probe.hpp"
#include "ui_runtime.hpp"

namespace safehold::test {

class HeadlessUi {
 public:
  explicit HeadlessUi(appmodel::AppModel& app, ImVec2 size = ImVec2(1280, 800))
      : runtime_(app) {
    gui::EnableProbes(true);
    gui::ClearProbes();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    Frames(4);
  }
  ~HeadlessUi() { gui::EnableProbes(false); }

  // One frame; rebuilds fonts first when settings asked for it.
  void Frame() {
    fonts_rebuilt_ = runtime_.PrepareFonts() || fonts_rebuilt_;
    runtime_.Frame();
  }
  void Frames(int n) {
    for (int i = 0; i < n; ++i) Frame();
  }
  // True if the atlas was rebuilt since the last call.
  bool TakeFontsRebuilt() {
    bool r = fonts_rebuilt_;
    fonts_rebuilt_ = false;
    return r;
  }

  bool Has(const std::string& probe) const {
    auto& p = gui::Probes();
    auto it = p.find(probe);
    return it != p.end() && it->second.frame == ImGui::GetFrameCount();
  }
  const gui::ProbeRect& Rect(const std::string& probe) const {
    auto& p = gui::Probes();
    auto it = p.find(probe);
    if (it == p.end()) throw std::runtime_error("no widget drawn as " + probe);
    return it->second;
  }
  bool Enabled(const std::string& probe) const { return Rect(probe).enabled; }

  // Scrolls the widget into view with the mouse wheel, moves the mouse onto
  // it, presses and releases the left button, and draws one more frame so
  // the screen shows the result.
  void Click(const std::string& probe) {
    ImGuiIO& io = ImGui::GetIO();
    ScrollIntoView(probe);
    // Auto-sized windows settle over a few frames: aim at where the widget
    // is now, and again if hovering moved it.
    for (int attempt = 0; attempt < 4; ++attempt) {
      Frame();
      if (!Has(probe)) throw std::runtime_error("widget not on screen: " + probe);
      const auto r = Rect(probe);
      const ImVec2 target((r.min.x + r.max.x) * 0.5f, (r.min.y + r.max.y) * 0.5f);
      if (attempt > 0 && target.x == io.MousePos.x && target.y == io.MousePos.y) break;
      io.MousePos = target;
    }
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
    Frame();
  }

  // Wheel over the widget's scrolling area until its rectangle is on screen.
  void ScrollIntoView(const std::string& probe) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 200; ++i) {
      Frame();
      if (!Has(probe)) throw std::runtime_error("widget not on screen: " + probe);
      const auto r = Rect(probe);
      if (r.visible) return;
      const float margin = io.DisplaySize.y * 0.5f;
      // Aim the wheel at the widget's column, inside the visible area.
      io.MousePos = ImVec2((r.min.x + r.max.x) * 0.5f, io.DisplaySize.y * 0.5f);
      Frame();
      io.MouseWheel = r.min.y < margin ? 1.0f : -1.0f;
    }
    throw std::runtime_error("could not scroll to " + probe);
  }
  void Type(std::string_view utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
    Frame();
  }
  // Presses and releases a key with modifiers, one frame each, through
  // ImGui's input queue as the GLFW backend does.
  void Press(ImGuiKey key, bool ctrl = false, bool shift = false) {
    QueueKey(key, true, ctrl, shift);
    Frame();
    QueueKey(key, false, false, false);
    Frame();
  }
  void PressNamed(ImGuiKey key) { Press(key); }
  // Queues `ascii` as a keyboard sends it (`key` down, the character, `key`
  // up, for each), without drawing a frame: ImGui trickles it one per frame.
  static void QueueTyping(std::string_view ascii, ImGuiKey key = ImGuiKey_A) {
    ImGuiIO& io = ImGui::GetIO();
    for (char c : ascii) {
      io.AddKeyEvent(key, true);
      io.AddInputCharacter(static_cast<unsigned char>(c));
      io.AddKeyEvent(key, false);
    }
  }
  // Queues a key event with the modifier state, without drawing a frame
  // (several events in one frame: a press shorter than a frame).
  static void QueueKey(ImGuiKey key, bool down, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(key, down);
  }

  // Runs frames until `done()` or `seconds` pass (work on worker threads,
  // e.g. Argon2id). Returns done().
  template <class Pred>
  bool FramesUntil(Pred done, double seconds = 30) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done() && std::chrono::steady_clock::now() < end) {
      Frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    Frame();
    return done();
  }

  gui::UiRuntime& runtime() { return runtime_; }

 private:
  gui::UiRuntime runtime_;
  bool fonts_rebuilt_ = false;
};

// `text` as ImWchar (32-bit code points), the form ImGui keeps typed text in.
std::string as_imwchar_bytes(std::string_view utf8);
// True if ImGui's live (wiping-allocator) memory holds `text` as UTF-8 or as
// ImWchar.
bool imgui_memory_holds(std::string_view utf8);

}  // namespace safehold::test
