#pragma once
// Auto-lock on idle and clearing of clipboard copies: pure logic over
// injected clocks (clock.hpp); the GUI feeds input activity and acts on due().
#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>

#include "safehold/appmodel/clock.hpp"

namespace safehold::appmodel {

// Contract: due() becomes true once no activity() was reported for the
// configured minutes, measured as ElapsedSince (wall clock, so time asleep
// counts). minutes == 0 disables auto-lock.
class IdleLock {
 public:
  explicit IdleLock(const Clocks& clocks) : since_(clocks) {}
  void set_minutes(int minutes) { minutes_ = minutes < 0 ? 0 : minutes; }
  [[nodiscard]] int minutes() const { return minutes_; }
  void activity() { since_.reset(); }
  [[nodiscard]] bool due() const;
  // Seconds left before due(); -1 when disabled.
  [[nodiscard]] long long seconds_left() const;

 private:
  ElapsedSince since_;
  int minutes_ = 5;
};

// Remembers a digest (BLAKE2b) of the text the app copied, never the text, so
// the clipboard is cleared after the hold time only if it still holds our
// copy, not something the user copied elsewhere since.
class ClipboardGuard {
 public:
  static constexpr std::chrono::seconds kHold{30};
  explicit ClipboardGuard(const Clocks& clocks) : since_(clocks) {}
  void copied(std::string_view text);
  // True when a copy is pending and the hold time has passed.
  [[nodiscard]] bool clear_due() const;
  // True when `current_clipboard` is still what we copied.
  [[nodiscard]] bool still_ours(std::string_view current_clipboard) const;
  void forget() { pending_ = false; digest_.fill(0); }
  [[nodiscard]] bool pending() const { return pending_; }

 private:
  ElapsedSince since_;
  bool pending_ = false;
  std::array<std::uint8_t, 32> digest_{};
};

}  // namespace safehold::appmodel
