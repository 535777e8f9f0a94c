#pragma once
// A demo-seeded vault, unlocked through the start screen, with one case open
// in the case view: the fixture of the case view's add-form tests.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "headless_ui.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "vault_fixture.hpp"

namespace safehold::test {

inline constexpr const char* kCaseTitle = "Relatives questioned after a protest abroad (fictional)";

inline std::string case_id_titled(storage::Vault& v, const std::string& title) {
  storage::CaseQuery all;
  all.limit = 100;
  auto listed = v.cases().list(all);
  REQUIRE(listed);
  for (const auto& c : *listed) {
    if (c.title == title) return c.case_id;
  }
  FAIL("no case titled " << title);
  return {};
}

// A demo-seeded vault, unlocked, with the case titled kCaseTitle open.
struct SeededCase {
  test::VaultFixture f;
  test::HeadlessUi ui{f.app};
  std::string case_id;
  SeededCase() {
    f.unlock(ui);
    REQUIRE(appmodel::seed_demo_cases(f.app.session().vault(), appmodel::DemoOptions{.cases = 5}));
    case_id = case_id_titled(f.app.session().vault(), kCaseTitle);
    f.app.open_case(case_id);
    ui.Frames(2);
  }
  appmodel::CaseAddModel& add() { return f.app.case_view.add; }
  // Saves the open add-form and waits for the worker; returns the new record's
  // id. Custody events are not records of a tab: they show in a history table.
  std::string save(const std::string& entity) {
    std::set<std::string> before;
    for (const auto& r : f.app.case_view.of(entity)) before.insert(r.id);
    ui.Click("case.add.save");
    REQUIRE(ui.FramesUntil([&] { return !add().saving(); }));
    if (add().error_key() != nullptr) FAIL(add().error_detail());
    REQUIRE_FALSE(add().open());
    const auto& now = f.app.case_view.of(entity);
    REQUIRE(now.size() == before.size() + 1);
    std::string id;
    for (const auto& r : now) {
      if (before.count(r.id) == 0) id = r.id;
    }
    ui.Frame();
    if (entity != "custody_event") CHECK(ui.Has("case.record." + id));  // listed in its tab at once
    return id;
  }
  // Locks the app and opens the vault folder again, as a fresh start would.
  storage::Vault lock_and_reopen() {
    ui.Click("nav.lock");
    auto pass = crypto::SecretBuffer::copy_of(std::string_view(kTestPassphrase));
    auto v = storage::Vault::unlock(f.folder(), pass);
    REQUIRE(v);
    return std::move(*v);
  }
  bool in_history(const std::string& id) {
    const auto& h = f.app.case_view.history();
    return std::any_of(h.begin(), h.end(), [&](const storage::AuditEntry& e) {
      return e.object_id == id && e.action == "record_created";
    });
  }
};

inline const storage::Record* find_record(const std::vector<storage::Record>& rs, const std::string& id) {
  for (const auto& r : rs) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace safehold::test
