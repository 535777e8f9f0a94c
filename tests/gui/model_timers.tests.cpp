#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <thread>

#include "test_util.hpp"

#include "safehold/appmodel/app_model.hpp"
#include "safehold/appmodel/timers.hpp"

using namespace std::chrono_literals;
using safehold::appmodel::ClipboardGuard;
using safehold::appmodel::Clocks;
using safehold::appmodel::IdleLock;

namespace {

// A pair of clocks the test moves by hand: `sleep` advances only the wall
// clock (a suspended laptop), `run` advances both.
struct FakeTime {
  std::chrono::system_clock::time_point wall{std::chrono::hours(500000)};
  std::chrono::steady_clock::time_point steady{std::chrono::hours(1)};
  Clocks clocks() {
    Clocks c;
    c.wall = [this] { return wall; };
    c.steady = [this] { return steady; };
    return c;
  }
  void run(std::chrono::seconds s) {
    wall += s;
    steady += s;
  }
  void sleep(std::chrono::seconds s) { wall += s; }
};

}  // namespace

TEST_CASE("Idle lock fires after the configured minutes without activity", "[gui][model][idle]") {
  FakeTime t;
  auto clocks = t.clocks();
  IdleLock idle(clocks);
  idle.set_minutes(5);
  idle.activity();
  t.run(4min + 59s);
  CHECK_FALSE(idle.due());
  CHECK(idle.seconds_left() == 1);
  t.run(1s);
  CHECK(idle.due());
  idle.activity();
  CHECK_FALSE(idle.due());
}

TEST_CASE("Idle lock counts time the machine was asleep (wall clock)", "[gui][model][idle]") {
  FakeTime t;
  auto clocks = t.clocks();
  IdleLock idle(clocks);
  idle.set_minutes(10);
  idle.activity();
  t.run(1min);
  t.sleep(2h);  // lid closed: the monotonic clock stalls
  CHECK(idle.due());
}

TEST_CASE("Idle lock is not delayed by setting the wall clock back", "[gui][model][idle]") {
  FakeTime t;
  auto clocks = t.clocks();
  IdleLock idle(clocks);
  idle.set_minutes(2);
  idle.activity();
  t.wall -= 1h;
  t.run(2min);
  CHECK(idle.due());
}

TEST_CASE("Idle lock with 0 minutes never fires", "[gui][model][idle]") {
  FakeTime t;
  auto clocks = t.clocks();
  IdleLock idle(clocks);
  idle.set_minutes(0);
  t.run(100h);
  CHECK_FALSE(idle.due());
  CHECK(idle.seconds_left() == -1);
}

TEST_CASE("Clipboard copy is due for clearing after 30 s, only if still ours", "[gui][model][clipboard]") {
  FakeTime t;
  auto clocks = t.clocks();
  ClipboardGuard guard(clocks);
  CHECK_FALSE(guard.clear_due());
  guard.copied("SH-2026-0042 father questioned");
  t.run(29s);
  CHECK_FALSE(guard.clear_due());
  t.sleep(1s);
  CHECK(guard.clear_due());
  CHECK(guard.still_ours("SH-2026-0042 father questioned"));
  CHECK_FALSE(guard.still_ours("something the user copied elsewhere"));
  guard.forget();
  CHECK_FALSE(guard.clear_due());
  CHECK_FALSE(guard.still_ours("SH-2026-0042 father questioned"));
}

TEST_CASE("App model auto-locks on its injected clock", "[gui][model][idle]") {
  FakeTime t;
  safehold::appmodel::VaultOpener opener;
  safehold::appmodel::AppModel app(opener, t.clocks());
  auto s = app.settings();
  s.auto_lock_minutes = 3;
  app.apply_settings(s);
  const auto before = app.lock_generation();
  t.run(10min);
  app.tick(false);
  // Locked apps do not lock again: nothing was unlocked.
  CHECK(app.lock_generation() == before);
  CHECK(app.idle.due());
  app.tick(true);  // input resets the timer
  CHECK_FALSE(app.idle.due());
}

TEST_CASE("Auto-lock after a suspend locks the real vault and releases it", "[gui][model][idle][vault]") {
  safehold::test::TempDir dir;
  {
    auto pass = safehold::crypto::SecretBuffer::copy_of(std::string_view("quiet harbour lantern seven"));
    REQUIRE(safehold::storage::Vault::create(dir / "vault", pass,
                                             {.owner_name = "t", .kdf = safehold::storage::KdfParams::insecure_for_tests()}));
  }
  FakeTime t;
  safehold::appmodel::VaultOpener opener;
  safehold::appmodel::AppModel app(opener, t.clocks());
  auto s = app.settings();
  s.auto_lock_minutes = 5;
  app.apply_settings(s);
  app.start.folder = (dir / "vault").string();
  app.start.passphrase.assign("quiet harbour lantern seven");
  REQUIRE(app.start.submit());
  for (int i = 0; i < 2000 && !app.unlocked(); ++i) {
    app.tick(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  REQUIRE(app.unlocked());
  CHECK(app.settings().auto_lock_minutes == 5);  // kept across the unlock
  t.run(4min);
  app.tick(false);
  CHECK(app.unlocked());
  t.sleep(1h);  // lid closed
  app.tick(false);
  CHECK_FALSE(app.unlocked());
  CHECK(app.screen() == safehold::appmodel::Screen::start);
  // The folder lock was released: the vault opens again.
  auto again = safehold::storage::Vault::unlock(dir / "vault",
                                                safehold::crypto::SecretBuffer::copy_of(std::string_view("quiet harbour lantern seven")));
  CHECK(again.has_value());
}
