// The wake hook (ui_wake.hpp): a worker's result wakes the UI thread, which
// sleeps in its event loop between input events. Without it the case list
// kept its "…" rows after unlock until the mouse moved.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "safehold/appmodel/app_model.hpp"
#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "safehold/appmodel/ui_wake.hpp"
#include "test_util.hpp"

using namespace safehold;
using namespace std::chrono_literals;

namespace {

// Counts the wakes; the test thread waits for one as the event loop would.
class WakeCounter {
 public:
  WakeCounter() {
    appmodel::set_ui_wake([this] {
      const std::lock_guard lock(mu_);
      ++count_;
      cv_.notify_all();
    });
  }
  ~WakeCounter() { appmodel::set_ui_wake({}); }
  WakeCounter(const WakeCounter&) = delete;
  WakeCounter& operator=(const WakeCounter&) = delete;

  int count() {
    const std::lock_guard lock(mu_);
    return count_;
  }
  // True once the hook was called more than `seen` times (within 30 s).
  bool wait_beyond(int seen) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, 30s, [&] { return count_ > seen; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int count_ = 0;
};

constexpr const char* kPass = "lantern quarry meadow ninety";

}  // namespace

TEST_CASE("Case rows read on the worker wake the UI thread, ready to draw", "[gui][model][wake][vault]") {
  test::TempDir dir;
  {
    auto v = storage::Vault::create(dir.path() / "vault", crypto::SecretBuffer::copy_of(std::string_view(kPass)),
                                    {.owner_name = "t", .kdf = storage::KdfParams::insecure_for_tests()});
    REQUIRE(v);
    REQUIRE(appmodel::seed_demo_cases(*v, {.cases = 3, .rich = false}));
  }
  appmodel::VaultOpener opener;
  appmodel::AppModel app(opener);
  app.start.folder = (dir.path() / "vault").string();
  app.start.passphrase.assign(kPass);
  REQUIRE(app.start.submit());
  for (int i = 0; i < 5000 && !app.unlocked(); ++i) {
    app.tick(false);
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(app.unlocked());

  WakeCounter wakes;
  REQUIRE(app.cases.refresh_if_needed());
  REQUIRE(app.cases.count() == 3);
  const int before = wakes.count();
  // The screen asks for row 0: its page is read on the worker, "…" meanwhile.
  CHECK(app.cases.row(0) == nullptr);
  // Nothing else happens (no input): the worker's wake is what ends the wait.
  REQUIRE(wakes.wait_beyond(before));
  // The frame the wake causes finds the rows: the wake came after the result.
  const storage::CaseSummary* row = app.cases.row(0);
  REQUIRE(row != nullptr);
  CHECK_FALSE(row->reference.empty());
  CHECK(app.cases.row(2) != nullptr);
  // Rows already read wake nothing.
  const int after = wakes.count();
  CHECK(app.cases.row(1) != nullptr);
  std::this_thread::sleep_for(50ms);
  CHECK(wakes.count() == after);
  app.lock();
}

TEST_CASE("Any background work wakes the UI thread once its result is ready", "[gui][model][wake]") {
  WakeCounter wakes;
  appmodel::Background<int> work;
  REQUIRE(work.start([] {
    std::this_thread::sleep_for(20ms);
    return 42;
  }));
  REQUIRE(wakes.wait_beyond(0));
  const auto result = work.poll();
  REQUIRE(result.has_value());
  CHECK(*result == 42);
  // A second piece of work on the same Background (its last worker joined).
  REQUIRE(work.start([] { return 7; }));
  REQUIRE(wakes.wait_beyond(1));
  CHECK(work.poll() == std::optional<int>(7));
}

TEST_CASE("Progress wakes are spaced; a result's wake never is", "[gui][model][wake]") {
  WakeCounter wakes;
  std::this_thread::sleep_for(appmodel::kProgressWakeInterval * 2);  // past any earlier progress wake
  for (int i = 0; i < 1000; ++i) appmodel::wake_ui_for_progress();  // a backup's blocks, in a burst
  CHECK(wakes.count() == 1);
  appmodel::wake_ui();
  CHECK(wakes.count() == 2);
  std::this_thread::sleep_for(appmodel::kProgressWakeInterval * 2);
  appmodel::wake_ui_for_progress();
  CHECK(wakes.count() == 3);
}

TEST_CASE("Without a hook, waking does nothing", "[gui][model][wake]") {
  appmodel::set_ui_wake({});
  appmodel::wake_ui();
  appmodel::wake_ui_for_progress();
  appmodel::Background<int> work;
  REQUIRE(work.start([] { return 1; }));
  work.wait();
  CHECK(work.poll() == std::optional<int>(1));
}
