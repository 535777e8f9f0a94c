#include "interrupt.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace safehold::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int) { g_interrupted = 1; }

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

InterruptScope::InterruptScope() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: blocking reads return EINTR
  ::sigaction(SIGINT, &sa, &old_int_);
  ::sigaction(SIGTERM, &sa, &old_term_);
}

InterruptScope::~InterruptScope() {
  ::sigaction(SIGINT, &old_int_, nullptr);
  ::sigaction(SIGTERM, &old_term_, nullptr);
}

bool interrupt_requested() noexcept { return g_interrupted != 0; }

bool wait_readable(int fd) noexcept {
  for (;;) {
    if (interrupt_requested()) return false;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 200) > 0) return true;  // readable, end of input or error: read() tells
  }
}

ProgressLine::ProgressLine(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::finish() {
  if (shown_) std::fputs("\n", stderr);
  shown_ = false;
  enabled_ = false;
}

void ProgressLine::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  const auto t = now_ms();
  if (shown_ && t - last_ms_ < 200 && done != total) return;
  last_ms_ = t;
  shown_ = true;
  const double mib = static_cast<double>(done) / (1024.0 * 1024.0);
  if (total > 0) {
    const double pct = 100.0 * static_cast<double>(done) / static_cast<double>(total);
    std::fprintf(stderr, "\r%s: %5.1f%% (%.1f MiB of %.1f MiB)", label_.c_str(), pct, mib,
                 static_cast<double>(total) / (1024.0 * 1024.0));
  } else {
    std::fprintf(stderr, "\r%s: %.1f MiB", label_.c_str(), mib);
  }
  std::fflush(stderr);
}

storage::OperationHooks hooks_for(ProgressLine& progress) {
  storage::OperationHooks hooks;
  hooks.progress = [&progress](std::uint64_t done, std::uint64_t total) { progress.update(done, total); };
  hooks.cancel_requested = [] { return interrupt_requested(); };
  return hooks;
}

storage::BackupHooks backup_hooks_for(ProgressLine& progress) {
  storage::BackupHooks hooks;
  hooks.progress = [&progress](const storage::BackupProgress& p) { progress.update(p.bytes_done, p.bytes_total); };
  hooks.cancel_requested = [] { return interrupt_requested(); };
  return hooks;
}

}  // namespace safehold::cli
