// Anonymised statistics on a generated set of 300 cases: counts equal to the
// records, small cells suppressed, the cases without consent left out and
// counted, no text or id in the output; and the CLI.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <map>

#include "cli_runner.hpp"
#include "report_world.hpp"
#include "safehold/core/disclosure/disclosure.hpp"
#include "safehold/report/stats.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

constexpr const char* kOutcomes[] = {"not_returned", "extradited", "deported", "coerced_return"};

struct Generated {
  std::map<std::pair<std::string, std::string>, std::size_t> by_year_outcome;  // consenting cases only
  std::size_t included = 0, left_out = 0, incidents = 0;
};

// 300 cases: every third without consent to statistics. Case i has 1 + i % 2
// incidents; years and outcomes cycle with different periods so that some
// cells are large and some small.
Generated generate(storage::Vault& v) {
  Generated g;
  auto batch = v.begin_batch().value();
  for (int i = 0; i < 300; ++i) {
    const auto c = v.records().create("case", "", case_fields("Case " + std::to_string(i))).value();
    const auto p = v.records().create("person", c.id, interviewee_fields("P" + std::to_string(i))).value();
    const bool counted = i % 3 != 0;
    std::vector<std::string> yes{"be_interviewed"};
    if (counted) yes.push_back("anonymised_statistics");
    REQUIRE(v.records().create("consent", c.id, consent_fields(p.id, yes)));
    (counted ? g.included : g.left_out)++;
    for (int k = 0; k < 1 + i % 2; ++k) {
      const std::string year = std::to_string(2016 + (i * 7 + k) % 9);
      const std::string outcome = kOutcomes[(i + k) % 4 == 3 && i % 5 != 0 ? 0 : (i + k) % 4];
      auto f = incident_fields("MARKERTITLE " + std::to_string(i), "MARKERNARRATIVE", {"D1"});
      f["start_date"] = {{"value", year + "-05"}, {"precision", "month"}};
      f["outcome"] = outcome;
      REQUIRE(v.records().create("incident", c.id, f));
      if (counted) {
        ++g.by_year_outcome[{year, outcome}];
        ++g.incidents;
      }
    }
  }
  REQUIRE(batch.commit());
  return g;
}

}  // namespace

TEST_CASE("stats: counts match the records, small cells suppressed, left-out cases counted", "[report][stats]") {
  ReportDesk d;  // one more case, with no consent to statistics
  const auto g = generate(d.v());
  using report::StatsDimension;
  auto t = report::count_statistics(d.v(), {StatsDimension::year, StatsDimension::outcome}, 5);
  REQUIRE(t);
  CHECK(t->cases_included == g.included);
  CHECK(t->cases_left_out == g.left_out + 1);
  CHECK(t->incidents == g.incidents);
  std::size_t suppressed = 0, shown = 0;
  REQUIRE(t->cells.size() == g.by_year_outcome.size());
  for (const auto& cell : t->cells) {
    const auto expected = g.by_year_outcome.at({cell.values[0], cell.values[1]});
    INFO(cell.values[0] << " " << cell.values[1] << " expected " << expected);
    if (expected < 5) {
      CHECK(cell.suppressed);
      CHECK(cell.count == 0);
      ++suppressed;
    } else {
      CHECK_FALSE(cell.suppressed);
      CHECK(cell.count == expected);
      ++shown;
    }
  }
  CHECK(suppressed > 0);  // the generated set has both kinds
  CHECK(shown > 0);
  // No text, no id in any format.
  for (auto f : {report::StatsFormat::text, report::StatsFormat::csv, report::StatsFormat::json}) {
    const auto out = report::format_statistics(*t, f);
    CHECK(out.find("MARKER") == std::string::npos);
    CHECK(out.find(d.the_case.id) == std::string::npos);
    CHECK((out.find("<5") != std::string::npos || f == report::StatsFormat::json));
    // A suppressed cell could be worked out as the total minus the shown
    // cells, so the total is not printed (schema/stats-v1.md section 3).
    CHECK(out.find("incidents: " + std::to_string(g.incidents)) == std::string::npos);
    CHECK(out.find("\"incidents\": " + std::to_string(g.incidents)) == std::string::npos);
  }
  // With nothing suppressed the total is shown.
  auto all_shown = report::count_statistics(d.v(), {StatsDimension::year}, 1);
  REQUIRE(all_shown);
  CHECK(report::format_statistics(*all_shown, report::StatsFormat::text)
            .find("incidents: " + std::to_string(g.incidents)) != std::string::npos);
  CHECK(report::format_statistics(*all_shown, report::StatsFormat::json)
            .find("\"incidents\": " + std::to_string(g.incidents)) != std::string::npos);
  // One dimension: every incident of a consenting case counted once per year.
  auto years = report::count_statistics(d.v(), {StatsDimension::year}, 1);
  REQUIRE(years);
  std::size_t sum = 0;
  for (const auto& cell : years->cells) sum += cell.count;
  CHECK(sum == g.incidents);
  // Bad requests.
  CHECK_FALSE(report::count_statistics(d.v(), {}, 5));
  CHECK_FALSE(report::count_statistics(d.v(), {StatsDimension::year, StatsDimension::year}, 5));
  CHECK_FALSE(report::count_statistics(d.v(), {StatsDimension::year}, 0));
}

TEST_CASE("stats: counted in small chunks, the same table; progress rises to 1; a cancel stops it", "[report][stats]") {
  ReportDesk d;
  generate(d.v());
  using report::StatsDimension;
  for (const std::vector<StatsDimension>& by :
       {std::vector{StatsDimension::year, StatsDimension::outcome}, std::vector{StatsDimension::host_country}}) {
    auto whole = report::count_statistics(d.v(), by, 1);
    REQUIRE(whole);
    std::vector<float> seen;
    report::StatsHooks hooks;
    hooks.chunk = 7;  // ~300 cases and ~450 incidents: many chunk boundaries inside one second
    hooks.progress = [&](float f) { seen.push_back(f); };
    auto chunked = report::count_statistics(d.v(), by, 1, hooks);
    REQUIRE(chunked);
    CHECK(chunked->cases_included == whole->cases_included);
    CHECK(chunked->cases_left_out == whole->cases_left_out);
    CHECK(chunked->incidents == whole->incidents);
    REQUIRE(chunked->cells.size() == whole->cells.size());
    for (std::size_t i = 0; i < whole->cells.size(); ++i) {
      CHECK(chunked->cells[i].values == whole->cells[i].values);
      CHECK(chunked->cells[i].count == whole->cells[i].count);
    }
    CHECK(seen.size() > 80);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.back() == 1.0F);
  }
  // The caller stops it after the third chunk: cancelled, not a vault failure.
  int chunks = 0;
  report::StatsHooks stop;
  stop.chunk = 7;
  stop.progress = [&](float) { ++chunks; };
  stop.cancel_requested = [&] { return chunks >= 3; };
  auto cancelled = report::count_statistics(d.v(), {StatsDimension::year}, 1, stop);
  REQUIRE_FALSE(cancelled);
  CHECK(cancelled.error().code == report::ReportError::cancelled);
  CHECK(chunks == 3);
}

TEST_CASE("cli stats: --by year,outcome as csv and json, -o never replaces", "[report][stats][cli]") {
  ReportDesk d;
  generate(d.v());
  const auto pass = d.dir / "pass";
  write_file(pass, as_bytes("correct horse battery\n"));
  d.vault.reset();
  const std::vector<std::string> base{"--vault", d.folder.string(), "--passphrase-file", pass.string(), "stats",
                                      "--by", "year,outcome"};
  auto args = base;
  args.insert(args.end(), {"--format", "csv"});
  const auto csv = run_cli(args);
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("year,outcome,count\n", 0) == 0);
  args = base;
  args.insert(args.end(), {"--format", "json", "-o", (d.dir / "s.json").string()});
  REQUIRE(run_cli(args).exit_code == 0);
  const auto j = nlohmann::json::parse(read_file(d.dir / "s.json"));
  CHECK(j["cases_left_out"] == 101);
  CHECK(run_cli(args).exit_code == 7);  // exists
  auto bad = base;
  bad[6] = "year,name";
  CHECK(run_cli(bad).exit_code == 2);
}

TEST_CASE("stats: a case counts until its consent is withdrawn", "[report][stats]") {
  // Without identifying fields stored: a full withdrawal would refuse them.
  ReportDesk d({"be_interviewed", "share_named_ngos", "anonymised_statistics"}, "pseudonym");
  using report::StatsDimension;
  auto before = report::count_statistics(d.v(), {StatsDimension::year}, 1);
  REQUIRE(before);
  CHECK(before->cases_included == 1);
  CHECK(before->cases_left_out == 0);
  CHECK(before->incidents == 2);
  auto f = d.consent.fields;
  f["withdrawal"] = {{"at", "2026-11-20T10:00:00Z"}, {"extent", "all"}};
  REQUIRE(d.v().records().update(d.consent.id, f));
  auto after = report::count_statistics(d.v(), {StatsDimension::year}, 1);
  REQUIRE(after);
  CHECK(after->cases_included == 0);
  CHECK(after->cases_left_out == 1);
  CHECK(after->incidents == 0);
  CHECK(after->cells.empty());
}

TEST_CASE("stats: the consents read in one go decide as counts_in_statistics does, case by case", "[report][stats]") {
  ReportDesk d({"be_interviewed", "share_named_ngos"}, "pseudonym");  // its case: no anonymised_statistics
  auto& v = d.v();
  std::map<std::string, bool> expected{{d.the_case.id, false}};
  auto with_consent = [&](const std::string& title, std::vector<std::string> yes, bool counted,
                          nlohmann::json withdrawal = nullptr, const char* given_at = nullptr) {
    const auto c = d.add("case", "", case_fields(title));
    const auto p = d.add("person", c.id, interviewee_fields("P"));
    auto f = consent_fields(p.id, std::move(yes));
    if (given_at != nullptr) f["given_at"] = given_at;
    const auto consent = d.add("consent", c.id, f);
    if (!withdrawal.is_null()) {
      f["withdrawal"] = withdrawal;
      REQUIRE(v.records().update(consent.id, f));
    }
    expected[c.id] = counted;
    return c;
  };
  const std::vector<std::string> stats{"be_interviewed", "anonymised_statistics"};
  expected[d.add("case", "", case_fields("No consent")).id] = false;
  with_consent("Yes", stats, true);
  with_consent("No", {"be_interviewed"}, false);
  with_consent("Withdrawn", stats, false, {{"at", "2026-11-20T10:00:00Z"}, {"extent", "all"}});
  with_consent("Future use withdrawn", stats, false, {{"at", "2026-11-20T10:00:00Z"}, {"extent", "future_use"}});
  with_consent("Statistics withdrawn", stats, false,
               {{"at", "2026-11-20T10:00:00Z"}, {"extent", "listed_scopes"}, {"scopes", {"anonymised_statistics"}}});
  with_consent("Other scope withdrawn", stats, true,
               {{"at", "2026-11-20T10:00:00Z"}, {"extent", "listed_scopes"}, {"scopes", {"share_named_ngos"}}});
  // Two consent records: the later given_at is the current one.
  auto later_no = with_consent("Later consent says no", stats, false);
  const auto p1 = v.records().list(later_no.id, "person").value().front();
  auto no = consent_fields(p1.id, {"be_interviewed"});
  no["given_at"] = "2026-11-25T09:30:00Z";
  d.add("consent", later_no.id, no);
  auto later_yes = with_consent("Later consent says yes", {"be_interviewed"}, true, nullptr, "2026-10-01T09:30:00Z");
  const auto p2 = v.records().list(later_yes.id, "person").value().front();
  d.add("consent", later_yes.id, consent_fields(p2.id, stats));

  auto all = core::disclosure::cases_in_statistics(v);
  REQUIRE(all);
  CHECK(all->cases == expected.size());
  for (const auto& [id, counted] : expected) {
    INFO(v.records().get(id).value().fields["title"]);
    CHECK(core::disclosure::counts_in_statistics(v, id).value() == counted);
    CHECK(all->counted.contains(id) == counted);
  }
  auto t = report::count_statistics(v, {report::StatsDimension::year}, 1);
  REQUIRE(t);
  CHECK(t->cases_included == 3);
  CHECK(t->cases_left_out == expected.size() - 3);
}
