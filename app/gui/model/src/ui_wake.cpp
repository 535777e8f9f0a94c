#include "safehold/appmodel/ui_wake.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <utility>

namespace safehold::appmodel {
namespace {

std::mutex g_wake_mutex;
std::function<void()> g_wake;  // guarded by g_wake_mutex
std::atomic<std::int64_t> g_last_progress_wake_ns{0};

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void set_ui_wake(std::function<void()> wake) {
  const std::lock_guard lock(g_wake_mutex);
  g_wake = std::move(wake);
}

// Called under the mutex: a hook being replaced (main.cpp's teardown) is
// never called half-destroyed.
void wake_ui() {
  const std::lock_guard lock(g_wake_mutex);
  if (g_wake) g_wake();
}

void wake_ui_for_progress() {
  const std::int64_t now = now_ns();
  std::int64_t last = g_last_progress_wake_ns.load();
  const std::int64_t interval = std::chrono::nanoseconds(kProgressWakeInterval).count();
  if (now - last < interval) return;
  // One of the threads reporting at the same moment wakes.
  if (!g_last_progress_wake_ns.compare_exchange_strong(last, now)) return;
  wake_ui();
}

}  // namespace safehold::appmodel
