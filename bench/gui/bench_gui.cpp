// bench_gui: prints numbers, never passes or fails.
//   startup: context, fontconfig lookup, CJK font atlas and theme to the end
//            of the first unlock-screen frame (en and zh-Hant);
//   glyphs:  atlas rebuild when a paste brings 300 / 3,000 characters outside
//            the initial atlas, and (for comparison) an atlas with every CJK
//            Unified Ideograph, the alternative to glyphs on demand;
//   frames:  CPU time of one frame (NewFrame → Render, no GPU) on the case
//            list with N cases (still, and while scrolling through the whole
//            list, which reads pages from the vault) and on a case with 200
//            incidents (incidents tab).
// Goals (issue 5): startup < 300 ms, frames < 2 ms.
//
// Usage: bench_gui [--cases N] [--data DIR] [--passphrase-file FILE]
//   N defaults to 100000. Seeding that many fictional cases takes a long time
//   (about 16 ms per case on a 2-core machine), so the vault is kept in DIR
//   (default build/bench-data/gui-N) and reused by later runs.
//   --passphrase-file: DIR is an existing vault (e.g. a copy of the one
//   bench_stats seeds) opened with the passphrase in FILE (one trailing
//   newline stripped); nothing is seeded, and N is what the vault holds.
#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "safehold/appmodel/app_model.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"
#include "safehold/core/policy/passphrase.hpp"
#include "ui_probe.hpp"
#include "ui_runtime.hpp"

using namespace safehold;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPassphrase = "bench fictional vault passphrase";

// The machine is shared: every run prints the load it ran under.
std::string load_average() {
  double l[3] = {};
  if (getloadavg(l, 3) != 3) return "unknown";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f %.2f %.2f", l[0], l[1], l[2]);
  return buf;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("frame %-36s median %.3f ms  p95 %.3f ms  max %.3f ms  %d vertices  (goal < 2 ms)\n", what,
              ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(), ImGui::GetDrawData()->TotalVtxCount);
}

std::vector<double> time_frames(const std::function<void()>& frame, int n) {
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    auto t = Clock::now();
    frame();
    ms.push_back(ms_since(t));
  }
  return ms;
}

void setup_io() {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(640, 400);
}

void bench_startup() {
  for (auto lang : {appmodel::Language::en, appmodel::Language::zh_Hant}) {
    appmodel::set_language(lang);
    appmodel::VaultOpener opener;
    auto t0 = Clock::now();
    appmodel::AppModel app(opener);
    app.start.folder = "/nonexistent/bench-vault";
    gui::UiRuntime ui(app);
    setup_io();
    (void)ui.PrepareFonts();
    const double fonts_ms = ms_since(t0);
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what the GL upload needs
    ui.Frame();
    std::printf("startup %-7s to first unlock frame %.1f ms (fonts %.1f ms, atlas %dx%d, CJK font %s)  (goal < 300 ms)\n",
                std::string(appmodel::language_code(lang)).c_str(), ms_since(t0), fonts_ms, w, h,
                ui.fonts().cjk_found ? "found" : "MISSING");
    std::vector<double> ms = time_frames([&] { ui.Frame(); }, 300);
    report("unlock screen", ms);
  }
  appmodel::set_language(appmodel::Language::en);
}

// `n` code points of CJK Unified Ideographs the body font has no glyph for.
std::vector<ImWchar> missing_ideographs(const gui::UiRuntime& ui, std::size_t n) {
  std::vector<ImWchar> out;
  for (unsigned c = 0x4E00; c <= 0x9FFF && out.size() < n; ++c) {
    if (ui.fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) out.push_back(static_cast<ImWchar>(c));
  }
  return out;
}

void bench_glyphs() {
  appmodel::set_language(appmodel::Language::zh_Hant);
  appmodel::VaultOpener opener;
  appmodel::AppModel app(opener);
  app.start.folder = "/nonexistent/bench-vault";
  gui::UiRuntime ui(app);
  setup_io();
  for (std::size_t n : {std::size_t{300}, std::size_t{3000}}) {
    (void)ui.PrepareFonts();
    for (int i = 0; i < 30; ++i) ui.Frame();  // past the rebuild rate limit
    for (ImWchar c : missing_ideographs(ui, n)) appmodel::shown_codepoints().add(c);
    auto t = Clock::now();
    const bool rebuilt = ui.PrepareFonts();
    const double rebuild_ms = ms_since(t);
    int w = 0;
    int h = 0;
    unsigned char* pixels = nullptr;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    std::printf("glyphs  paste of %4zu new characters: atlas rebuild %.1f ms (%s, atlas %dx%d)\n", n, rebuild_ms,
                rebuilt ? "one rebuild" : "NOT rebuilt", w, h);
    ui.Frame();
  }
  std::vector<ImWchar> all;
  for (unsigned c = 0x4E00; c <= 0x9FFF; ++c) all.push_back(static_cast<ImWchar>(c));
  auto t = Clock::now();
  (void)gui::BuildFonts(*ImGui::GetIO().Fonts, app.settings().font_px, appmodel::Language::zh_Hant, all);
  const double full_ms = ms_since(t);
  int w = 0;
  int h = 0;
  unsigned char* pixels = nullptr;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  std::printf("glyphs  alternative, all %zu CJK Unified Ideographs at startup: atlas %.1f ms (atlas %dx%d)\n",
              all.size(), full_ms, w, h);
  appmodel::shown_codepoints().clear();
  appmodel::set_language(appmodel::Language::en);
}

// The passphrase in `file`, read straight into guarded memory (never a
// std::string); empty on a read error or an empty file.
crypto::SecretBuffer read_passphrase(const std::string& file) {
  crypto::SecretBuffer buf(core::kMaxPassphraseBytes + 2);
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::size_t len = 0;
  while (len < buf.size()) {
    const ssize_t n = ::read(fd, buf.data() + len, buf.size() - len);
    if (n <= 0) break;
    len += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (len > 0 && buf.data()[len - 1] == '\n') --len;
  if (len > core::kMaxPassphraseBytes) return {};
  buf.truncate(len);
  return buf;
}

bool ensure_vault(const std::filesystem::path& dir, std::size_t cases) {
  if (storage::Vault::exists_at(dir)) return true;
  std::filesystem::create_directories(dir.parent_path());
  auto pass = crypto::SecretBuffer::copy_of(std::string_view(kPassphrase));
  auto v = storage::Vault::create(dir, pass, {.owner_name = "bench", .kdf = storage::KdfParams::insecure_for_tests()});
  if (!v) return false;
  std::printf("seeding %zu fictional cases into %s (once)...\n", cases, dir.string().c_str());
  std::fflush(stdout);
  auto t = Clock::now();
  // Batches of 2,000 keep each transaction moderate.
  for (std::size_t done = 0; done < cases;) {
    const std::size_t n = std::min<std::size_t>(2000, cases - done);
    appmodel::DemoOptions o{.cases = n, .rich = false, .incidents_in_first_case = done == 0 ? 199u : 0u};
    if (auto r = appmodel::seed_demo_cases(*v, o); !r) {
      std::printf("seeding failed: %s\n", r.error().describe().c_str());
      return false;
    }
    done += n;
    std::printf("  %zu cases, %.0f s\n", done, ms_since(t) / 1000);
    std::fflush(stdout);
  }
  return true;
}

// Clicks a probed widget with injected mouse events.
void click(gui::UiRuntime& ui, const std::string& probe) {
  ui.Frame();
  const auto& p = gui::Probes();
  auto it = p.find(probe);
  if (it == p.end()) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((it->second.min.x + it->second.max.x) / 2, (it->second.min.y + it->second.max.y) / 2);
  ui.Frame();
  io.MouseDown[0] = true;
  ui.Frame();
  io.MouseDown[0] = false;
  ui.Frame();
}

// `passphrase` empty: the bench's own vault of `cases` cases, seeded once.
void bench_vault_screens(const std::filesystem::path& dir, std::size_t cases, const crypto::SecretBuffer& passphrase) {
  if (passphrase.empty() && !ensure_vault(dir, cases)) return;
  appmodel::VaultOpener opener;
  appmodel::AppModel app(opener);
  gui::UiRuntime ui(app);
  setup_io();
  gui::EnableProbes(true);
  (void)ui.PrepareFonts();
  app.start.folder = dir.string();
  app.start.passphrase.assign(passphrase.empty() ? std::string_view(kPassphrase) : passphrase.view());
  (void)app.start.submit();
  while (!app.unlocked() && app.start.error_key() == nullptr) ui.Frame();
  if (!app.unlocked()) {
    std::printf("cannot open the vault in %s: %s %s\n", dir.string().c_str(), app.start.error_key(),
                app.start.error_detail().c_str());
    return;
  }

  app.go(appmodel::Screen::cases);
  // Let the first page arrive from the worker thread.
  for (int i = 0; i < 500 && (app.cases.reading() || app.cases.count() == 0 || i < 10); ++i) {
    ui.Frame();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ui.Frame();
  char label[96];
  std::snprintf(label, sizeof label, "case list, %zu cases, still", app.cases.count());
  report(label, time_frames([&] { ui.Frame(); }, 300));

  // A fast scroll at 60 frames per second (about 50 rows per frame, 3,000
  // rows a second); pages are read on the worker thread meanwhile.
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(640, 500);
  const std::size_t reads_before = app.cases.page_reads();
  std::vector<double> ms;
  for (int i = 0; i < 300; ++i) {
    io.MouseWheel = -10.0f;
    auto t = Clock::now();
    ui.Frame();
    ms.push_back(ms_since(t));
    std::this_thread::sleep_until(t + std::chrono::microseconds(16667));
  }
  std::snprintf(label, sizeof label, "case list scrolling (%zu page reads)", app.cases.page_reads() - reads_before);
  report(label, ms);
  // Jump to the end: the worst page read (largest OFFSET).
  {
    app.cases.invalidate();
    (void)app.cases.refresh_if_needed();
    auto t = Clock::now();
    (void)app.cases.row_now(app.cases.count() - 1);
    std::printf("page read at the end of the list: %.2f ms\n", ms_since(t));
  }

  // The case with 200 incidents (SH-…-0001, the first one seeded).
  storage::CaseQuery q;
  q.sort = storage::CaseSort::created;
  q.descending = false;
  q.limit = 1;
  auto first = app.session().vault().cases().list(q);
  if (!first || first->empty()) return;
  app.open_case((*first)[0].case_id);
  for (int i = 0; i < 5; ++i) ui.Frame();
  click(ui, "case.tab.incidents");
  for (int i = 0; i < 10; ++i) ui.Frame();
  std::snprintf(label, sizeof label, "case view, %zu incidents tab", app.case_view.of("incident").size());
  report(label, time_frames([&] { ui.Frame(); }, 300));
  app.lock();
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t cases = 100000;
  std::filesystem::path data;
  std::string passphrase_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const std::string v = argv[i + 1];
    if (a == "--cases") (void)std::from_chars(v.data(), v.data() + v.size(), cases);
    if (a == "--data") data = v;
    if (a == "--passphrase-file") passphrase_file = v;
  }
  crypto::SecretBuffer passphrase;
  if (!passphrase_file.empty()) {
    passphrase = read_passphrase(passphrase_file);
    if (passphrase.empty() || data.empty() || !storage::Vault::exists_at(data)) {
      std::fprintf(stderr, "bench_gui: --passphrase-file needs a readable, non-empty FILE and --data DIR holding a vault\n");
      return 2;
    }
  }
  if (data.empty()) data = std::filesystem::path(SAFEHOLD_BENCH_DATA_DIR) / ("gui-" + std::to_string(cases));
  std::printf("load average at start: %s\n", load_average().c_str());
  bench_startup();
  bench_glyphs();
  if (cases == 0) return 0;
  bench_vault_screens(data, cases, passphrase);
  std::printf("load average at end: %s\n", load_average().c_str());
  return 0;
}
