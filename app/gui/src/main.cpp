// safehold: the desktop app. GLFW window + OpenGL 3.3 core + Dear ImGui.
// Everything the app shows is drawn by UiRuntime; this file only owns the
// window, the GL backend and the main loop.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "safehold/appmodel/app_model.hpp"
#include "safehold/appmodel/demo_exchange.hpp"
#include "safehold/appmodel/private_folder.hpp"
#include "safehold/core/policy/process_start.hpp"
#include "safehold/core/policy/vault_folder.hpp"
#include "safehold/version.hpp"
#include "ui_runtime.hpp"

namespace {

using namespace safehold;

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
  storage::Vault& vault = app.session()->vault();
  if (screen == "import") {
    app.exchange_tab = appmodel::AppModel::ExchangeTab::receive;
    app.exchange_tab_requested = true;
    (void)app.importer.verify(vault, appmodel::demo_bundle_path(app.demo_folder()));
    return;
  }
  if (app.cases.refresh_if_needed(vault)) {
    if (const auto* first = app.cases.row_now(vault, 0)) app.export_case(first->case_id);
  }
  (void)app.contacts.load(vault);
  // Both fictional contacts: the check shows what stops the unverified one.
  for (const auto& c : app.contacts.contacts()) app.exporter.toggle_recipient(c.id);
}

int run(const gui::Options& opts) {
  std::optional<appmodel::PrivateFolder> demo_folder;
  appmodel::StorageGateway gateway;
  appmodel::set_language(appmodel::language_from_environment());
  appmodel::AppModel app(gateway);
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

  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "Safehold", nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  int exit_code = 0;
  {
    gui::UiRuntime ui(app);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    int frames = 0;
    bool screen_shown = opts.screen.empty();
    int active_frames = 0;  // keep drawing a few frames after any event
    while (!glfwWindowShouldClose(window) && g_quit == 0) {
      if (active_frames > 0 || app.start.busy()) {
        glfwPollEvents();
      } else {
        // Wake at least twice a second so auto-lock and the clipboard timer run.
        glfwWaitEventsTimeout(0.5);
      }
      if (ui.PrepareFonts()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
      }
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      // Queued input (keys, characters, mouse), or a key or button held.
      const bool had_event = gui::InputPending() || gui::AnyKeyOrButtonDown();
      active_frames = had_event ? 6 : (active_frames > 0 ? active_frames - 1 : 0);
      ui.Frame();
      if (!screen_shown && app.unlocked()) {
        app.go(gui::ScreenFromName(opts.screen));
        if (app.screen() == appmodel::Screen::intake) app.intake.begin();
        if (opts.screen == "case" || opts.screen == "case-add") {
          if (const auto* first = app.cases.refresh_if_needed(app.session()->vault())
                                      ? app.cases.row_now(app.session()->vault(), 0) : nullptr) {
            app.open_case(first->case_id);
            if (opts.screen == "case-add") app.case_view.add.begin(first->case_id, "incident");
          }
        }
        if (opts.screen == "export" || opts.screen == "import") ShowDemoExchange(app, opts.screen);
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
      if (opts.exit_after_frames > 0 && ++frames >= opts.exit_after_frames) break;
    }
    app.lock();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
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
