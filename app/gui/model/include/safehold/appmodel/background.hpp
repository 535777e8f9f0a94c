#pragma once
// A single piece of work on a worker thread whose result the UI thread polls
// once per frame (Argon2id, audit verification, imports...).
#include <chrono>
#include <future>
#include <optional>
#include <utility>

namespace safehold::appmodel {

template <class T>
class Background {
 public:
  Background() = default;
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  // Waits: the work may reference objects that die with the owner.
  ~Background() {
    if (future_.valid()) future_.wait();
  }

  template <class F>
  bool start(F&& work) {
    if (busy()) return false;
    future_ = std::async(std::launch::async, std::forward<F>(work));
    return true;
  }
  [[nodiscard]] bool busy() const { return future_.valid(); }
  // The result once, when finished; nullopt while running or idle.
  std::optional<T> poll() {
    if (!future_.valid() || future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      return std::nullopt;
    }
    return future_.get();
  }
  void wait() {
    if (future_.valid()) future_.wait();
  }

 private:
  std::future<T> future_;
};

}  // namespace safehold::appmodel
