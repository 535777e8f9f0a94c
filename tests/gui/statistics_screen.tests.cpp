// Issue 13: the Statistics screen, driven headless on a real vault with the
// demo's cases. What it draws (every bar and table row names its codes and
// the count it shows, through its probe) must be what count_statistics
// gives for the same vault: counts, "<N" for suppressed cells, the number of
// cases left out.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "home_at.hpp"
#include "report_world.hpp"
#include "safehold/report/stats.hpp"
#include "seeded_case.hpp"

namespace safehold::test {
namespace {

using report::StatsDimension;

// Frames until the count of the current choice, on its worker, is shown.
void counted(HeadlessUi& ui, const appmodel::StatsModel& m) {
  ui.Frame();
  REQUIRE(ui.FramesUntil([&] { return !m.counting(); }));
}

// Checks that the screen shows each cell of `by` counted at `min_cell`, as
// a bar and as a table row, and the left-out count.
void shows_the_same_as_count_statistics(HeadlessUi& ui, storage::Vault& vault, const std::vector<StatsDimension>& by,
                                        std::size_t min_cell, std::size_t& suppressed, const appmodel::StatsModel& m) {
  counted(ui, m);
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
  shows_the_same_as_count_statistics(ui, vault, {StatsDimension::year}, 5, suppressed, s.f.app.stats);

  // Two dimensions chosen in the combos: tactic × outcome.
  ui.Click("stats.first");
  ui.Click("stats.first.tactic");
  ui.Click("stats.second");
  ui.Click("stats.second.outcome");
  CHECK(s.f.app.stats.first() == StatsDimension::tactic);
  REQUIRE(s.f.app.stats.second() == StatsDimension::outcome);
  shows_the_same_as_count_statistics(ui, vault, {StatsDimension::tactic, StatsDimension::outcome}, 5, suppressed,
                                     s.f.app.stats);
  CHECK(suppressed > 0);  // some cells are small: they show as "<5", never as counts

  // Minimum cell 1: nothing suppressed; the counts are the real ones.
  s.f.app.stats.set_min_cell(1);
  std::size_t none = 0;
  shows_the_same_as_count_statistics(ui, vault, {StatsDimension::tactic, StatsDimension::outcome}, 1, none,
                                     s.f.app.stats);
  CHECK(none == 0);

  // A legal measure cannot be crossed with an outcome: said in words.
  ui.Click("stats.first");
  ui.Click("stats.first.measure");
  counted(ui, s.f.app.stats);
  CHECK(ui.Has("stats.error"));
  ui.Click("stats.second");
  ui.Click("stats.second.year");
  counted(ui, s.f.app.stats);
  CHECK_FALSE(ui.Has("stats.error"));

  ui.Click("nav.lock");
  CHECK_FALSE(s.f.app.stats.table());
}

TEST_CASE("Statistics screen: Save as PDF… asks first, then writes the table shown, signed and audited", "[stats]") {
  SeededCase s;
  namespace fs = std::filesystem;
  const fs::path home = s.f.dir.path() / "home";
  fs::create_directories(home);
  HomeAt at_home(home);
  auto& ui = s.ui;
  storage::Vault& vault = s.f.app.session().vault();
  REQUIRE(appmodel::seed_demo_cases(vault, appmodel::DemoOptions{.cases = 30}));
  s.f.app.stats.refresh();
  ui.Click("nav.statistics");
  counted(ui, s.f.app.stats);
  REQUIRE(ui.Has("stats.pdf.save"));
  // The plaintext warning first; cancel writes nothing.
  ui.Click("stats.pdf.save");
  REQUIRE(ui.Has("stats.pdf.confirm"));
  ui.Click("stats.pdf.cancel");
  CHECK_FALSE(ui.Has("stats.pdf.confirm"));
  CHECK(fs::is_empty(home));
  ui.Click("stats.pdf.save");
  ui.Click("stats.pdf.confirm");
  ui.Click("files.choose");  // the browser opened at HOME: write there
  // Written on the model's worker: frames go on until it is collected.
  REQUIRE(ui.FramesUntil([&] { return !s.f.app.stats.writing(); }));
  REQUIRE(ui.Has("stats.pdf.done"));
  const fs::path pdf = home / "statistics.pdf";
  REQUIRE(fs::exists(pdf));
  REQUIRE(fs::exists(pdf.string() + ".minisig"));
  // The table the screen shows, in the PDF: the left-out count and each cell.
  auto expected = report::count_statistics(vault, {StatsDimension::year}, 5);
  REQUIRE(expected);
  const std::string text = pdftotext(pdf);
  INFO(text);
  CHECK(text.find("Cases left out (no consent to anonymised statistics) " + std::to_string(expected->cases_left_out)) !=
        std::string::npos);
  for (const auto& c : expected->cells) CHECK(text.find(c.values[0] + " " + report::count_text(*expected, c)) != std::string::npos);
  const std::string key = vault.identity().info().value().minisign_public_key;
  CHECK(run_tool("minisign -V -P " + key + " -m " + q(pdf)).exit_code == 0);
  const auto entries = vault.audit().page(0, 1000000).value();
  CHECK(entries.back().action == "statistics_written");
  // Again under the same name: refused, nothing replaced.
  const auto size = fs::file_size(pdf);
  ui.Click("stats.pdf.save");
  ui.Click("stats.pdf.confirm");
  ui.Click("files.choose");
  REQUIRE(ui.FramesUntil([&] { return !s.f.app.stats.writing(); }));
  CHECK(ui.Has("stats.pdf.error"));
  CHECK(std::string(s.f.app.stats.write_error_key()) == "report.error.exists");
  CHECK(fs::file_size(pdf) == size);
}

TEST_CASE("Statistics: Save as PDF… writes on a worker; a lock waits for the files and keeps no result", "[stats]") {
  SeededCase s;
  namespace fs = std::filesystem;
  const fs::path out = s.f.dir.path() / "out";
  fs::create_directories(out);
  auto& m = s.f.app.stats;
  // The count runs on its worker; count_if_needed() collects it.
  REQUIRE(s.ui.FramesUntil([&] {
    m.count_if_needed();
    return m.table().has_value();
  }));
  // write_pdf() returns at once; the next frame (count_if_needed) collects.
  REQUIRE(m.write_pdf(out, "s.pdf"));
  CHECK(m.writing());
  CHECK_FALSE(m.written());
  CHECK_FALSE(m.write_pdf(out, "t.pdf"));  // one write at a time
  m.wait();
  m.count_if_needed();
  CHECK_FALSE(m.writing());
  REQUIRE(m.written());
  CHECK(m.written_path() == out / "s.pdf");
  CHECK(fs::exists(out / "s.pdf.minisig"));
  CHECK_FALSE(fs::exists(out / "t.pdf"));
  // A lock while writing: both files published whole, nothing kept.
  REQUIRE(m.write_pdf(out, "u.pdf"));
  s.f.app.lock();
  CHECK(fs::exists(out / "u.pdf"));
  CHECK(fs::exists(out / "u.pdf.minisig"));
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 4);
  CHECK_FALSE(m.writing());
  CHECK_FALSE(m.written());
  CHECK_FALSE(m.table());
}

TEST_CASE("Statistics screen: the count runs beside the window, which keeps drawing; Cancel stops it", "[stats]") {
  SeededCase s;
  auto& ui = s.ui;
  storage::Vault& vault = s.f.app.session().vault();
  {
    // An open batch holds the vault on this (the UI) thread: a count on the
    // UI thread would go straight through it; the worker has to wait.
    auto hold = vault.begin_batch().value();
    ui.Click("nav.statistics");
    ui.Frames(5);
    CHECK(s.f.app.stats.counting());
    REQUIRE(ui.Has("stats.cancel"));  // the window draws: the progress and its Cancel
    CHECK_FALSE(ui.Has("stats.left_out=0"));
    ui.Click("stats.cancel");
    hold.rollback();
  }
  counted(ui, s.f.app.stats);
  CHECK(ui.Has("stats.cancelled"));
  CHECK_FALSE(s.f.app.stats.table());
  // "Count again" counts.
  ui.Click("stats.refresh");
  counted(ui, s.f.app.stats);
  CHECK_FALSE(ui.Has("stats.cancelled"));
  REQUIRE(s.f.app.stats.table());
  CHECK(ui.Has("stats.left_out=" + std::to_string(s.f.app.stats.table()->cases_left_out)));
  // A lock while a count runs cancels it and waits for it: nothing kept.
  s.f.app.stats.refresh();
  ui.Frame();
  ui.Click("nav.lock");
  CHECK_FALSE(s.f.app.stats.counting());
  CHECK_FALSE(s.f.app.stats.table());
}

}  // namespace safehold::test
