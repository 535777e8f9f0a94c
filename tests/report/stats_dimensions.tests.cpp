// Statistics by host country and by measure type (schema/stats-v1.md section
// 2) on a generated set of cases, checked cell by cell against what the test
// itself put in: multi-valued host countries, legal measures as the unit,
// small cells suppressed, cases without consent left out.
#include <catch2/catch_test_macros.hpp>

#include <map>

#include "report_world.hpp"
#include "safehold/report/stats.hpp"

using namespace safehold;
using namespace safehold::test;
using report::StatsDimension;

namespace {

using Key = std::vector<std::string>;

constexpr const char* kHosts[] = {"NL", "TR", "TH"};
constexpr const char* kMeasures[] = {"red_notice", "wanted_notice", "passport_refused", "relative_summoned"};

struct Expected {
  std::map<Key, std::size_t> host, host_year, measure, measure_host, measure_year, measure_jurisdiction;
  std::size_t included = 0, left_out = 0, incidents = 0, measures = 0;
};

// 160 cases, every fourth without consent to statistics. Case i: an
// interviewee in kHosts[i % 3] (no location when i % 7 == 0; a second
// interviewee in DE when i % 10 == 0, so the case has two host countries), a
// relative in CN (not an interviewee: never a host country; added once
// consent is recorded, as the vault requires), 1 + i % 2
// incidents and i % 3 legal measures.
Expected generate(storage::Vault& v) {
  Expected e;
  auto batch = v.begin_batch().value();
  for (int i = 0; i < 160; ++i) {
    const auto c = v.records().create("case", "", case_fields("Case " + std::to_string(i))).value();
    auto pf = interviewee_fields("P" + std::to_string(i));
    std::vector<std::string> hosts;
    if (i % 7 == 0) {
      pf.erase("location");
    } else {
      pf["location"]["country"] = kHosts[i % 3];
      hosts.push_back(kHosts[i % 3]);
    }
    const auto p = v.records().create("person", c.id, pf).value();
    if (i % 10 == 0) {
      auto second = interviewee_fields("Q" + std::to_string(i));
      second["location"]["country"] = "DE";
      REQUIRE(v.records().create("person", c.id, second));
      hosts.push_back("DE");
    }
    if (hosts.empty()) hosts.push_back("unknown");
    const bool counted = i % 4 != 0;
    std::vector<std::string> yes{"be_interviewed"};
    if (counted) yes.push_back("anonymised_statistics");
    REQUIRE(v.records().create("consent", c.id, consent_fields(p.id, yes)));
    REQUIRE(v.records().create("person", c.id, relative_fields("R" + std::to_string(i))));
    (counted ? e.included : e.left_out)++;
    for (int k = 0; k < 1 + i % 2; ++k) {
      const std::string year = std::to_string(2018 + (i + k) % 5);
      auto f = incident_fields("MARKERTITLE", "MARKERNARRATIVE", {"D1"});
      f["start_date"] = {{"value", year + "-03"}, {"precision", "month"}};
      REQUIRE(v.records().create("incident", c.id, f));
      if (!counted) continue;
      ++e.incidents;
      for (const auto& h : hosts) {
        ++e.host[{h}];
        ++e.host_year[{h, year}];
      }
    }
    for (int k = 0; k < i % 3; ++k) {
      const std::string type = kMeasures[(i + 3 * k) % 4];
      const std::string year = std::to_string(2015 + i % 4);
      const std::string jurisdiction = k == 0 ? "CN" : "TH";
      auto f = legal_measure_fields();
      f["type"] = type;
      f["date"] = {{"value", year + "-11-02"}, {"precision", "exact"}};
      f["jurisdiction"] = jurisdiction;
      REQUIRE(v.records().create("legal_measure", c.id, f));
      if (!counted) continue;
      ++e.measures;
      ++e.measure[{type}];
      ++e.measure_year[{type, year}];
      ++e.measure_jurisdiction[{type, jurisdiction}];
      for (const auto& h : hosts) ++e.measure_host[{type, h}];
    }
  }
  REQUIRE(batch.commit());
  return e;
}

// Every cell printed is a combination the test made, with its count or
// suppressed exactly when under min_cell, and every combination is printed.
void check_cells(const report::StatsTable& t, const std::map<Key, std::size_t>& expected, std::size_t min_cell) {
  REQUIRE(t.cells.size() == expected.size());
  std::size_t suppressed = 0;
  for (const auto& cell : t.cells) {
    const auto it = expected.find(cell.values);
    REQUIRE(it != expected.end());
    INFO(nlohmann::json(cell.values).dump() << " expected " << it->second);
    if (it->second < min_cell) {
      CHECK(cell.suppressed);
      CHECK(cell.count == 0);
      ++suppressed;
    } else {
      CHECK_FALSE(cell.suppressed);
      CHECK(cell.count == it->second);
    }
  }
  INFO("suppressed " << suppressed);
}

}  // namespace

TEST_CASE("stats: by host country, alone and by year, cell by cell", "[report][stats]") {
  ReportDesk d;  // one more case (host NL), no consent to statistics
  const auto e = generate(d.v());
  auto t = report::count_statistics(d.v(), {StatsDimension::host_country}, 5);
  REQUIRE(t);
  CHECK(t->unit == report::StatsUnit::incident);
  CHECK(t->cases_included == e.included);
  CHECK(t->cases_left_out == e.left_out + 1);
  CHECK(t->incidents == e.incidents);
  check_cells(*t, e.host, 5);
  CHECK(e.host.contains({"DE"}));       // the second interviewee counts
  CHECK(e.host.contains({"unknown"}));  // no location given
  CHECK_FALSE(e.host.contains({"CN"}));  // relatives are not hosts

  auto by_year = report::count_statistics(d.v(), {StatsDimension::host_country, StatsDimension::year}, 5);
  REQUIRE(by_year);
  check_cells(*by_year, e.host_year, 5);
  const auto csv = report::format_statistics(*by_year, report::StatsFormat::csv);
  CHECK(csv.rfind("host_country,year,count\n", 0) == 0);
  CHECK(csv.find("MARKER") == std::string::npos);
}

TEST_CASE("stats: by measure type, legal measures as the unit, cell by cell", "[report][stats]") {
  ReportDesk d;
  const auto e = generate(d.v());
  auto t = report::count_statistics(d.v(), {StatsDimension::measure}, 5);
  REQUIRE(t);
  CHECK(t->unit == report::StatsUnit::legal_measure);
  CHECK(t->incidents == e.measures);
  check_cells(*t, e.measure, 5);
  auto by_year = report::count_statistics(d.v(), {StatsDimension::measure, StatsDimension::year}, 3);
  REQUIRE(by_year);
  check_cells(*by_year, e.measure_year, 3);
  auto by_host = report::count_statistics(d.v(), {StatsDimension::host_country, StatsDimension::measure}, 5);
  REQUIRE(by_host);
  std::map<Key, std::size_t> host_measure;
  for (const auto& [k, n] : e.measure_host) host_measure[{k[1], k[0]}] = n;
  check_cells(*by_host, host_measure, 5);
  auto by_jurisdiction = report::count_statistics(d.v(), {StatsDimension::measure, StatsDimension::country}, 5);
  REQUIRE(by_jurisdiction);
  check_cells(*by_jurisdiction, e.measure_jurisdiction, 5);

  const auto text = report::format_statistics(*t, report::StatsFormat::text);
  CHECK(text.find("legal measures: ") != std::string::npos);
  const auto json = nlohmann::json::parse(report::format_statistics(*by_year, report::StatsFormat::json));
  CHECK(json["by"] == nlohmann::json({"measure", "year"}));
  CHECK(json.contains("legal_measures"));
  CHECK_FALSE(json.contains("incidents"));

  // Dimensions of incidents do not describe legal measures: refused.
  for (auto other : {StatsDimension::outcome, StatsDimension::tactic, StatsDimension::perpetrator}) {
    auto refused = report::count_statistics(d.v(), {StatsDimension::measure, other}, 5);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == report::ReportError::invalid_request);
  }
}
