#pragma once
// Injected clocks for everything in the app model that measures time, so the
// auto-lock and clipboard timers can be unit-tested without sleeping.
#include <chrono>
#include <functional>

namespace safehold::appmodel {

struct Clocks {
  // Wall clock: keeps running while the machine sleeps, so an idle period
  // that includes a suspend still counts.
  std::function<std::chrono::system_clock::time_point()> wall =
      [] { return std::chrono::system_clock::now(); };
  // Monotonic clock: immune to the wall clock being set back.
  std::function<std::chrono::steady_clock::time_point()> steady =
      [] { return std::chrono::steady_clock::now(); };
};

// Elapsed time since a mark taken on both clocks: the larger of the two, so
// neither suspend (wall runs, steady stalls) nor a wall-clock change
// backwards (wall stalls or reverses, steady runs) can extend it.
class ElapsedSince {
 public:
  explicit ElapsedSince(const Clocks& clocks) : clocks_(&clocks) { reset(); }
  void reset() {
    wall_mark_ = clocks_->wall();
    steady_mark_ = clocks_->steady();
  }
  [[nodiscard]] std::chrono::seconds elapsed() const {
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    auto wall = duration_cast<seconds>(clocks_->wall() - wall_mark_);
    auto steady = duration_cast<seconds>(clocks_->steady() - steady_mark_);
    return wall > steady ? wall : steady;
  }

 private:
  const Clocks* clocks_;
  std::chrono::system_clock::time_point wall_mark_;
  std::chrono::steady_clock::time_point steady_mark_;
};

}  // namespace safehold::appmodel
