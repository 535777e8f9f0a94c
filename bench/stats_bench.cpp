// Anonymised statistics over many cases: builds N cases (default 2,000; each
// with an interviewee living in one of five host countries, a consent, two
// incidents, and every other case a legal measure; every third case without
// consent to statistics) in batches of 500, then times count_statistics by
// year,outcome, tactic,country, host_country,year and measure,host_country,
// and prints the peak RSS. Numbers, not pass/fail.
//   bench_stats [cases] [work folder]   (a folder holding a bench vault is reused:
//                                        run it twice for the peak RSS of counting alone)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "safehold/report/stats.hpp"
#include "safehold/storage/vault.hpp"
#include "storage_samples.hpp"
#include "test_util.hpp"

using namespace safehold;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPass = "bench passphrase for statistics";

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void build(storage::Vault& v, int cases) {
  const char* outcomes[] = {"not_returned", "extradited", "deported", "coerced_return", "rendered"};
  const char* hosts[] = {"NL", "TR", "TH", "US", "KZ"};
  const char* measures[] = {"red_notice", "wanted_notice", "passport_refused"};
  for (int start = 0; start < cases; start += 500) {
    auto batch = v.begin_batch().value();
    for (int i = start; i < std::min(cases, start + 500); ++i) {
      const auto c = v.records().create("case", "", test::case_fields("Case " + std::to_string(i))).value();
      auto person = test::interviewee_fields("P");
      person["location"]["country"] = hosts[i % 5];
      const auto p = v.records().create("person", c.id, person).value();
      std::vector<std::string> yes{"be_interviewed"};
      if (i % 3 != 0) yes.push_back("anonymised_statistics");
      (void)v.records().create("consent", c.id, test::consent_fields(p.id, yes)).value();
      for (int k = 0; k < 2; ++k) {
        auto f = test::incident_fields("Incident", "Narrative 叙述", {k == 0 ? "D1" : "B3"});
        f["start_date"] = {{"value", std::to_string(2010 + (i + k) % 15)}, {"precision", "year"}};
        f["outcome"] = outcomes[(i * 3 + k) % 5];
        (void)v.records().create("incident", c.id, f).value();
      }
      if (i % 2 == 0) {
        auto m = test::legal_measure_fields();
        m["type"] = measures[i % 3];
        (void)v.records().create("legal_measure", c.id, m).value();
      }
    }
    (void)batch.commit().value();
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int cases = argc > 1 ? std::stoi(argv[1]) : 2000;
  test::TempDir tmp;
  const std::filesystem::path folder = argc > 2 ? std::filesystem::path(argv[2]) : tmp / "vault";
  const auto pass = crypto::SecretBuffer::copy_of(std::string_view(kPass));
  const bool reuse = storage::Vault::exists_at(folder);
  auto v = reuse ? storage::Vault::unlock(folder, pass)
                 : storage::Vault::create(folder, pass, {"Bench", storage::KdfParams::insecure_for_tests()});
  if (!v) return std::fprintf(stderr, "vault: %s\n", v.error().describe().c_str()), 1;
  if (!reuse) {
    const auto t = Clock::now();
    build(*v, cases);
    std::printf("built %d cases (5 records each) in %.0f s\n", cases,
                std::chrono::duration<double>(Clock::now() - t).count());
  }
  using report::StatsDimension;
  for (const auto& by : {std::vector<StatsDimension>{StatsDimension::year, StatsDimension::outcome},
                         std::vector<StatsDimension>{StatsDimension::tactic, StatsDimension::country},
                         std::vector<StatsDimension>{StatsDimension::host_country, StatsDimension::year},
                         std::vector<StatsDimension>{StatsDimension::measure, StatsDimension::host_country}}) {
    const double cpu = cpu_seconds();
    const auto t = Clock::now();
    auto table = report::count_statistics(*v, by, 5);
    if (!table) return std::fprintf(stderr, "stats: %s\n", table.error().describe().c_str()), 1;
    const double wall = std::chrono::duration<double>(Clock::now() - t).count();
    std::printf("stats by %s,%s: %zu cases included, %zu left out, %zu units, %zu cells: %.2f s wall, %.2f s CPU\n",
                report::name_of(by[0]), report::name_of(by[1]), table->cases_included, table->cases_left_out,
                table->incidents, table->cells.size(), wall, cpu_seconds() - cpu);
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  std::printf("peak RSS %.0f MiB (%s)\n", static_cast<double>(u.ru_maxrss) / 1024.0,
              reuse ? "unlock and counting only" : "building included");
  return 0;
}
