// safehold: the desktop app. GLFW window + OpenGL 3.3 core + Dear ImGui.
// Everything the app shows is drawn by UiRuntime; this file only owns the
// window, the GL backend and the main loop.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "command_line.hpp"
#include "font_warmup.hpp"
#include "safehold/appmodel/app_model.hpp"
#include "safehold/appmodel/demo_exchange.hpp"
#include "safehold/appmodel/private_folder.hpp"
#include "safehold/appmodel/ui_wake.hpp"
#include "safehold/core/policy/process_start.hpp"
#include "safehold/core/policy/vault_folder.hpp"
#include "safehold/version.hpp"
#include "report_preview.hpp"
#include "ui_runtime.hpp"

namespace {

using namespace safehold;

// $SAFEHOLD_STARTUP_TRACE=1: prints to stderr the milliseconds since main()
// at each startup stage up to the first frame shown (bench/gui_startup.sh).
// Times only, never content.
class StartupTrace {
 public:
  StartupTrace() : on_(std::getenv("SAFEHOLD_STARTUP_TRACE") != nullptr) {}
  void mark(const char* stage) {
    if (!on_) return;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0_).count();
    std::fprintf(stderr, "startup %-24s %8.1f ms\n", stage, ms);
  }
  void done() { on_ = false; }

 private:
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
  bool on_;
};
StartupTrace* g_trace = nullptr;
void trace(const char* stage) {
  if (g_trace != nullptr) g_trace->mark(stage);
}

// The report preview's page as a GL texture (report_preview.hpp): uploaded
// from memory, deleted when the preview goes (lock, another choice).
ImTextureID upload_texture(const unsigned char* rgba, int width, int height) {
  GLuint id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
}
void release_texture(ImTextureID texture) {
  const auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
  glDeleteTextures(1, &id);
}

volatile std::sig_atomic_t g_quit = 0;
void on_quit_signal(int) { g_quit = 1; }

// SIGTERM/SIGINT/SIGHUP (logout, Ctrl+C) end the loop normally so the vault is
// locked and a demo folder is deleted. The GL driver must not keep a shader
// cache in the home folder: nothing is written outside the vault.
void prepare_environment() {
  std::signal(SIGTERM, on_quit_signal);
  std::signal(SIGINT, on_quit_signal);
  std::signal(SIGHUP, on_quit_signal);
  setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
  setenv("__GL_SHADER_DISK_CACHE", "0", 1);
}

void glfw_error(int code, const char* description) {
  std::fprintf(stderr, "safehold: window system error %d: %s\n", code, description);
}

// --demo --screen export|import: the export dialog with the first case and
// the fictional clinic chosen, or the import dialog checking the bundle the
// clinic sent (demo_exchange.hpp), for trying them and for screenshots.
void ShowDemoExchange(appmodel::AppModel& app, const std::string& screen) {
  if (screen == "import") {
    app.exchange_tab = appmodel::AppModel::ExchangeTab::receive;
    app.exchange_tab_requested = true;
    (void)app.importer.verify(appmodel::demo_bundle_path(app.demo_folder()));
    return;
  }
  if (app.cases.refresh_if_needed()) {
    if (const auto* first = app.cases.row_now(0)) app.export_case(first->case_id);
  }
  (void)app.contacts.load();
  // Both fictional contacts: the check shows what stops the unverified one.
  for (const auto& c : app.contacts.contacts()) app.exporter.toggle_recipient(c.id);
}

// The monitor's content scale (HiDPI), unless $SAFEHOLD_UI_SCALE says.
float ContentScale(GLFWwindow* window) {
  if (const float env = gui::ContentScaleFromEnvironment(); env > 0) return env;
  float x = 1.0f;
  float y = 1.0f;
  glfwGetWindowContentScale(window, &x, &y);
  return std::max(x, y);
}

// 1280×800 at 100 % (GLFW_SCALE_TO_MONITOR scales it on HiDPI monitors),
// never larger than the primary monitor's work area (the whole screen when
// no window manager reports one): on a 1024×640 screen the whole window is
// on screen. Asked for at creation: a later resize was not applied under
// Xvfb without a window manager.
void InitialWindowSize(int& width, int& height) {
  width = 1280;
  height = 800;
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (monitor == nullptr) return;
  float sx = 1.0f;
  float sy = 1.0f;
  glfwGetMonitorContentScale(monitor, &sx, &sy);
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
  glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
  if (const GLFWvidmode* mode = glfwGetVideoMode(monitor); mode != nullptr && (w <= 0 || h <= 0)) {
    w = mode->width;
    h = mode->height;
  }
  // GLFW_SCALE_TO_MONITOR multiplies the size asked for by the scale.
  const float scale = std::max({sx, sy, 1.0f});
  if (w > 0) width = std::min(width, static_cast<int>(static_cast<float>(w) / scale));
  if (h > 0) height = std::min(height, static_cast<int>(static_cast<float>(h) / scale));
}

gui::UiRuntime* g_ui = nullptr;  // for the content-scale callback
std::atomic<bool> g_woken{false};  // set by a worker's wake (ui_wake.hpp)

int run(const gui::Options& opts) {
  std::optional<appmodel::PrivateFolder> demo_folder;
  appmodel::VaultOpener opener;
  appmodel::set_language(appmodel::language_from_environment());
  appmodel::AppModel app(opener);
  app.start.folder = opts.vault.empty() ? core::default_vault_folder().string() : opts.vault;
  if (opts.demo) {
    auto folder = appmodel::PrivateFolder::create("safehold-demo");
    if (!folder) {
      std::fprintf(stderr, "safehold: cannot create a private temporary folder for the demo\n");
      return 1;
    }
    demo_folder.emplace(std::move(*folder));
    app.start_demo(demo_folder->path() / "vault");
  } else {
    app.start.mode = app.start.vault_exists() ? appmodel::StartModel::Mode::unlock
                                              : appmodel::StartModel::Mode::create;
  }

  trace("model ready");
  // Fonts are found and mapped meanwhile; joined before the first atlas
  // build (and by jthread's destructor on an early return).
  std::jthread font_warmup([lang = app.settings().language] { gui::WarmUpFonts(lang); });
  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) return 1;
  trace("glfwInit");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  int width = 0;
  int height = 0;
  InitialWindowSize(width, height);
  GLFWwindow* window = glfwCreateWindow(width, height, "Safehold", nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  // A worker's result (case rows, a finished backup, progress) wakes the
  // loop below from glfwWaitEventsTimeout: it is drawn at once, not at the
  // next mouse move or timeout. glfwPostEmptyEvent is thread-safe.
  appmodel::set_ui_wake([] {
    g_woken = true;
    glfwPostEmptyEvent();
  });
  trace("window + GL context");

  int exit_code = 0;
  {
    font_warmup.join();
    trace("fonts found (on a thread, during the window)");
    gui::UiRuntime ui(app);
    ui.SetContentScale(ContentScale(window));
    g_ui = &ui;
    // Moved to a monitor with another scale: text and spacing follow.
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
      if (g_ui != nullptr) g_ui->SetContentScale(ContentScale(w));
    });
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    gui::SetTextureHost({upload_texture, release_texture});
    trace("ImGui + GL backend");
    int frames = 0;
    bool screen_shown = opts.screen.empty();
    // Keep drawing a few frames after any event. Also at start: the first
    // frame must not wait for an event (up to 0.5 s) before it is drawn.
    int active_frames = 6;
    while (!glfwWindowShouldClose(window) && g_quit == 0) {
      if (active_frames > 0 || app.start.busy()) {
        glfwPollEvents();
      } else {
        // Wake at least twice a second so auto-lock and the clipboard timer
        // run; sooner when glyphs for text just shown wait to be built.
        glfwWaitEventsTimeout(ui.GlyphsPending() ? gui::GlyphGrowth::kMinInterval : 0.5);
      }
      // A worker's result: the frame that collects it may show text whose
      // glyphs the next frames add, so draw a few.
      if (g_woken.exchange(false)) active_frames = std::max(active_frames, 3);
      if (ui.PrepareFonts()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
      }
      if (frames == 0) trace("fonts + atlas upload");
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      // Queued input (keys, characters, mouse), or a key or button held.
      const bool had_event = gui::InputPending() || gui::AnyKeyOrButtonDown();
      active_frames = had_event ? 6 : (active_frames > 0 ? active_frames - 1 : 0);
      ui.Frame();
      if (!screen_shown && app.unlocked()) {
        app.go(gui::ScreenFromName(opts.screen));
        if (app.screen() == appmodel::Screen::intake) app.intake.begin();
        if (opts.screen == "case" || opts.screen == "case-add" || opts.screen == "report") {
          if (const auto* first = app.cases.refresh_if_needed()
                                      ? app.cases.row_now(0) : nullptr) {
            app.open_case(first->case_id);
            if (opts.screen == "case-add") app.case_view.add.begin(first->case_id, "incident");
            if (opts.screen == "report") {
              app.report.open(first->case_id);
              app.report.set_audience_kind("lawyer");
            }
          }
        }
        if (opts.screen == "export" || opts.screen == "import") ShowDemoExchange(app, opts.screen);
        if (opts.screen == "backup" || opts.screen == "wipe") app.open_backup();
        if (opts.screen == "wipe") {
          app.wipe.open = true;
          app.wipe.reveal = appmodel::WipeConfirm::kRevealFrames;
        }
        screen_shown = true;
      }
      int w = 0;
      int h = 0;
      glfwGetFramebufferSize(window, &w, &h);
      glViewport(0, 0, w, h);
      const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
      glClearColor(bg.x, bg.y, bg.z, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glfwSwapBuffers(window);
      if (frames == 0) {
        trace("first frame shown");
        if (g_trace != nullptr) g_trace->done();
      }
      if (opts.exit_after_frames > 0 && ++frames >= opts.exit_after_frames) break;
    }
    app.lock();
    ui.shell.screens.case_view = gui::CaseViewScreen{};  // its preview texture, while the GL context lives
    gui::SetTextureHost({});
    g_ui = nullptr;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  appmodel::set_ui_wake({});  // no glfwPostEmptyEvent after glfwTerminate
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // umask 077, no core dumps, not dumpable (no ptrace by other processes of
  // the same user), SQLCipher's log off: the same start as safehold-cli.
  if (!core::start_process()) {
    std::fputs("safehold: cannot apply process protections (core dumps, ptrace); refusing to run\n", stderr);
    return 1;
  }
  StartupTrace startup_trace;
  g_trace = &startup_trace;
  prepare_environment();
  std::vector<std::string> args(argv + 1, argv + argc);
  const auto opts = gui::ParseOptions(args);
  if (!opts.error.empty()) {
    std::fprintf(stderr, "safehold: %s\n\n%s", opts.error.c_str(), gui::Usage());
    return 2;
  }
  if (opts.help) {
    std::fputs(gui::Usage(), stdout);
    return 0;
  }
  if (opts.version) {  // before any window or vault: works without a display
    std::puts(version_line("safehold").c_str());
    return 0;
  }
  return run(opts);
}
