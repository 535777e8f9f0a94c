#pragma once
// A single piece of work on a worker thread whose result the UI thread polls
// once per frame (Argon2id, audit verification, imports, case list pages...).
//
// When the result is ready the worker wakes the UI thread (ui_wake.hpp): the
// window sleeps between input events, and a result nobody drew stayed off
// screen until the mouse moved (the case list's "…" rows after unlock).
#include <chrono>
#include <exception>
#include <future>
#include <optional>
#include <thread>
#include <utility>

#include "safehold/appmodel/ui_wake.hpp"

namespace safehold::appmodel {

template <class T>
class Background {
 public:
  Background() = default;
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  // Waits: the work may reference objects that die with the owner.
  ~Background() { join(); }

  template <class F>
  bool start(F&& work) {
    if (busy()) return false;
    join();  // the last worker may still be in its wake call
    std::promise<T> promise;
    std::future<T> future = promise.get_future();
    thread_ = std::thread([p = std::move(promise), w = std::forward<F>(work)]() mutable {
      try {
        p.set_value(w());
      } catch (...) {
        p.set_exception(std::current_exception());
      }
      // After the result is ready, so the frame this causes can collect it.
      wake_ui();
    });
    future_ = std::move(future);  // only once a thread runs (std::thread may throw, as std::async did)
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
  void join() {
    if (thread_.joinable()) thread_.join();
  }
  std::future<T> future_;
  std::thread thread_;
};

}  // namespace safehold::appmodel
