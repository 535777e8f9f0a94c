// Anonymised statistics over many cases: builds N cases (default 2,000; each
// with an interviewee living in one of five host countries, a consent, two
// incidents, and every other case a legal measure; every third case without
// consent to statistics) in one vault batch (transaction) per B cases, then
// times count_statistics for every pair of dimensions the issue names (year,
// outcome, tactic, country, perpetrator, host_country, measure; measure only
// with year, country or host_country) and prints the peak RSS and the load
// average. Numbers, not pass/fail.
//   bench_stats [cases] [work folder] [cases per batch, default 5000]
//   A folder holding a bench vault is reused and topped up to `cases` (case
//   i is always made the same way, so an interrupted build resumes where its
//   last committed batch ended; `bench_stats 0 DIR` only counts): run it
//   twice for the peak RSS of counting alone.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
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

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one;
}

std::size_t cases_in(storage::Vault& v) {
  std::size_t n = 0;
  const std::string title[] = {"title"};
  (void)v.records().scan_fields("case", title, [&](const storage::PartialRecord&) { ++n; }).value();
  return n;
}

void build(storage::Vault& v, int first, int cases, int per_batch) {
  const char* outcomes[] = {"not_returned", "extradited", "deported", "coerced_return", "rendered"};
  const char* hosts[] = {"NL", "TR", "TH", "US", "KZ"};
  const char* measures[] = {"red_notice", "wanted_notice", "passport_refused"};
  const auto began = Clock::now();
  for (int start = first; start < cases; start += per_batch) {
    const auto t = Clock::now();
    auto batch = v.begin_batch().value();
    for (int i = start; i < std::min(cases, start + per_batch); ++i) {
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
    const int done = std::min(cases, start + per_batch);
    std::printf("  %d cases: batch %.1f s, total %.0f s, load %s\n", done,
                std::chrono::duration<double>(Clock::now() - t).count(),
                std::chrono::duration<double>(Clock::now() - began).count(), load_average().c_str());
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int cases = argc > 1 ? std::stoi(argv[1]) : 2000;
  test::TempDir tmp;
  const std::filesystem::path folder = argc > 2 ? std::filesystem::path(argv[2]) : tmp / "vault";
  const int per_batch = argc > 3 ? std::stoi(argv[3]) : 5000;
  const auto pass = crypto::SecretBuffer::copy_of(std::string_view(kPass));
  const bool reuse = storage::Vault::exists_at(folder);
  auto v = reuse ? storage::Vault::unlock(folder, pass)
                 : storage::Vault::create(folder, pass, {"Bench", storage::KdfParams::insecure_for_tests()});
  if (!v) return std::fprintf(stderr, "vault: %s\n", v.error().describe().c_str()), 1;
  const int held = static_cast<int>(cases_in(*v));
  if (held < cases) {
    const double cpu = cpu_seconds();
    const auto t = Clock::now();
    build(*v, held, cases, per_batch);
    std::printf("built cases %d to %d (5.5 records each) in %.0f s wall, %.0f s CPU, %d cases per transaction\n",
                held, cases, std::chrono::duration<double>(Clock::now() - t).count(), cpu_seconds() - cpu, per_batch);
  }
  std::printf("%zu cases in the vault\n", cases_in(*v));
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  std::printf("peak RSS before counting %.0f MiB, load %s\n", static_cast<double>(before.ru_maxrss) / 1024.0,
              load_average().c_str());
  using report::StatsDimension;
  const StatsDimension all[] = {StatsDimension::year,    StatsDimension::outcome,     StatsDimension::tactic,
                                StatsDimension::country, StatsDimension::perpetrator, StatsDimension::host_country,
                                StatsDimension::measure};
  double total_cpu = 0;
  for (std::size_t a = 0; a < std::size(all); ++a) {
    for (std::size_t b = a + 1; b < std::size(all); ++b) {
      const std::vector<StatsDimension> by{all[a], all[b]};
      const bool measure = all[b] == StatsDimension::measure;
      if (measure && (all[a] == StatsDimension::outcome || all[a] == StatsDimension::tactic ||
                      all[a] == StatsDimension::perpetrator)) {
        continue;  // refused: measure counts legal measures
      }
      const double cpu = cpu_seconds();
      const auto t = Clock::now();
      auto table = report::count_statistics(*v, by, 5);
      if (!table) return std::fprintf(stderr, "stats: %s\n", table.error().describe().c_str()), 1;
      const double wall = std::chrono::duration<double>(Clock::now() - t).count();
      total_cpu += cpu_seconds() - cpu;
      std::printf("stats by %s,%s: %zu cases included, %zu left out, %zu units, %zu cells: %.2f s wall, %.2f s CPU, "
                  "load %s\n",
                  report::name_of(by[0]), report::name_of(by[1]), table->cases_included, table->cases_left_out,
                  table->incidents, table->cells.size(), wall, cpu_seconds() - cpu, load_average().c_str());
      std::fflush(stdout);
    }
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  std::printf("all tables: %.1f s CPU; peak RSS %.0f MiB (%s)\n", total_cpu, static_cast<double>(u.ru_maxrss) / 1024.0,
              held >= cases ? "unlock and counting only" : "building included");
  return 0;
}
