// Issue 13: the Statistics screen, driven headless on a real vault with the
// demo's cases. What it draws (every bar and table row names its codes and
// the count it shows, through its probe) must be what count_statistics
// gives for the same vault: counts, "<N" for suppressed cells, the number of
// cases left out.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "safehold/report/stats.hpp"
#include "seeded_case.hpp"

namespace safehold::test {
namespace {

using report::StatsDimension;

// Checks that the screen shows each cell of `by` counted at `min_cell`, as
// a bar and as a table row, and the left-out count.
void shows_the_same_as_count_statistics(HeadlessUi& ui, storage::Vault& vault, const std::vector<StatsDimension>& by,
                                        std::size_t min_cell, std::size_t& suppressed) {
  ui.Frames(2);
  auto expected = report::count_statistics(vault, by, min_cell);
  REQUIRE(expected);
  REQUIRE_FALSE(expected->cells.empty());
  CHECK(ui.Has("stats.left_out=" + std::to_string(expected->cases_left_out)));
  for (const auto& c : expected->cells) {
    std::string codes;
    for (const auto& v : c.values) codes += "." + v;
    const std::string shown = c.suppressed ? "<" + std::to_string(min_cell) : std::to_string(c.count);
    INFO(codes << " = " << shown);
    CHECK(ui.Has("stats.cell" + codes + "=" + shown));
    CHECK(ui.Has("stats.bar" + codes + "=" + shown));
    suppressed += c.suppressed ? 1 : 0;
  }
}

}  // namespace

TEST_CASE("Statistics screen: bars and table show count_statistics, suppressed cells marked, left-out stated",
          "[stats]") {
  SeededCase s;
  auto& ui = s.ui;
  storage::Vault& vault = s.f.app.session().vault();
  // More cases than the fixture's five, so that some cells reach the minimum.
  REQUIRE(appmodel::seed_demo_cases(vault, appmodel::DemoOptions{.cases = 30}));
  s.f.app.stats.refresh();

  ui.Click("nav.statistics");
  REQUIRE(ui.Has("stats.heading"));
  std::size_t suppressed = 0;
  // Default: by year, cells under 5 suppressed.
  shows_the_same_as_count_statistics(ui, vault, {StatsDimension::year}, 5, suppressed);

  // Two dimensions chosen in the combos: tactic × outcome.
  ui.Click("stats.first");
  ui.Click("stats.first.tactic");
  ui.Click("stats.second");
  ui.Click("stats.second.outcome");
  CHECK(s.f.app.stats.first() == StatsDimension::tactic);
  REQUIRE(s.f.app.stats.second() == StatsDimension::outcome);
  shows_the_same_as_count_statistics(ui, vault, {StatsDimension::tactic, StatsDimension::outcome}, 5, suppressed);
  CHECK(suppressed > 0);  // some cells are small: they show as "<5", never as counts

  // Minimum cell 1: nothing suppressed; the counts are the real ones.
  s.f.app.stats.set_min_cell(1);
  std::size_t none = 0;
  shows_the_same_as_count_statistics(ui, vault, {StatsDimension::tactic, StatsDimension::outcome}, 1, none);
  CHECK(none == 0);

  // A legal measure cannot be crossed with an outcome: said in words.
  ui.Click("stats.first");
  ui.Click("stats.first.measure");
  CHECK(ui.Has("stats.error"));
  ui.Click("stats.second");
  ui.Click("stats.second.year");
  CHECK_FALSE(ui.Has("stats.error"));

  ui.Click("nav.lock");
  CHECK_FALSE(s.f.app.stats.table());
}

}  // namespace safehold::test
