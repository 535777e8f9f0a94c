// Storage benchmark at scale: N synthetic cases (default 100,000) with an
// interviewee, a consent and 3 incidents each (English and Chinese text).
// Prints: bulk insert rate, single-write rate, vault size, unlock time split
// into KDF and the rest, search latency (English; Chinese 1, 2, 3+ chars) and
// case-list page latency with and without filters. Numbers, not pass/fail.
//   bench_storage_vault [cases] [work folder]
// With a work folder that already holds a bench vault, the build is skipped
// and only the measurements run (building 100,000 cases takes a while).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <time.h>

#include "safehold/storage/vault.hpp"
#include "storage_corpus.hpp"
#include "test_util.hpp"

using namespace safehold;
using namespace safehold::storage;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

const crypto::SecretBuffer& passphrase() {
  static const auto p = crypto::SecretBuffer::copy_of(std::string_view("a long benchmark passphrase"));
  return p;
}

// CPU seconds of this process (user + system): on a shared machine, wall time
// includes waiting for a core.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

template <class T>
T must(expected<T, StorageError> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "%s: %s\n", what, r.error().describe().c_str());
    std::exit(1);
  }
  return std::move(*r);
}
void must(expected<void, StorageError> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "%s: %s\n", what, r.error().describe().c_str());
    std::exit(1);
  }
}

json incident(bench::Corpus& c, bool chinese) {
  static const std::vector<std::string> tactics = {"A3", "A6", "B5", "C1", "C3", "D1", "D2", "D4", "E1", "E2", "F1", "F3"};
  static const std::vector<std::string> countries = {"CN", "CN", "CN", "TH", "TR", "AE", "NL", "DE", "HK"};
  json t = json::array({c.pick(tactics)});
  const std::string second = c.pick(tactics);
  if (second != t[0] && c.next() % 2 == 0) t.push_back(second);
  return {{"title", c.title()},
          {"narrative", {{"text", chinese ? c.chinese_narrative() : c.english_narrative()},
                         {"language", chinese ? "cmn" : "eng"}}},
          {"start_date", {{"value", "2023-0" + std::to_string(1 + c.next() % 9)}, {"precision", "month"}}},
          {"country", c.pick(countries)},
          {"tactics", t},
          {"channel", "wechat"},
          {"reliability", "medium"}};
}

// Writes one case with its records; in the caller's batch if there is one.
void write_case(Vault& v, bench::Corpus& c, int i) {
  static const std::vector<std::string> statuses = {"open", "open", "active", "pending", "closed"};
  static const std::vector<std::string> priorities = {"urgent", "high", "normal", "normal", "low"};
  static const std::vector<std::string> ratings = {"low", "medium", "high", "critical"};
  json cf = {{"title", c.title()}, {"status", c.pick(statuses)}, {"priority", c.pick(priorities)},
             {"purposes", {"asylum_claim"}}};
  auto k = must(v.records().create("case", "", cf), "case");
  auto p = must(v.records().create("person", k.id, {{"roles", {"interviewee"}}, {"pseudonym", "P" + std::to_string(i)}}),
                "person");
  must(v.records().create("consent", k.id,
                          {{"person", p.id}, {"given_at", "2026-11-02T09:30:00Z"}, {"method", "oral_noted"},
                           {"scopes", {{"be_interviewed", "yes"}, {"share_named_ngos", "yes"}}}}),
       "consent");
  for (int j = 0; j < 3; ++j) must(v.records().create("incident", k.id, incident(c, (i + j) % 2 == 0)), "incident");
  if (i % 3 == 0) {
    must(v.records().create("risk_assessment", k.id, {{"assessed_at", "2026-11-03T10:00:00Z"}, {"rating", c.pick(ratings)}}),
         "risk");
  }
}

struct Stats {
  double p50 = 0, p95 = 0, max = 0;
  double cpu_p50 = 0, cpu_p95 = 0;  // this thread's CPU time: wall time minus waiting for a core
};
Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))]; };
  return {at(0.5), at(0.95), v.back()};
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000 + static_cast<double>(ts.tv_nsec) / 1e6;
}

Stats time_it(int runs, const std::function<void()>& f) {
  std::vector<double> t, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    const double c0 = thread_cpu_ms();
    f();
    t.push_back(ms_since(t0));
    cpu.push_back(thread_cpu_ms() - c0);
  }
  Stats out = stats(t);
  const Stats c = stats(cpu);
  out.cpu_p50 = c.p50;
  out.cpu_p95 = c.p95;
  return out;
}

std::uint64_t folder_size(const std::filesystem::path& p) {
  std::uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(p)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

void build(Vault& v, bench::Corpus& corpus, int cases) {
  const double records_per_case = 6.0 + 1.0 / 3.0;
  const auto t_insert = Clock::now();
  const double cpu_insert = cpu_seconds();
  const int per_batch = 500;
  for (int i = 0; i < cases;) {
    auto batch = must(v.begin_batch(), "batch");
    for (int j = 0; j < per_batch && i < cases; ++j, ++i) write_case(v, corpus, i);
    must(batch.commit(), "commit");
    if (i % 10000 == 0) std::fprintf(stderr, "  %d cases\n", i);
  }
  const double insert_s = ms_since(t_insert) / 1000;
  const double insert_cpu = cpu_seconds() - cpu_insert;
  std::printf("bulk insert (batches of %d cases): %.0f records/s (%.0f cases/s, %.1f s; CPU %.1f s = %.2f ms/case)\n",
              per_batch, cases * records_per_case / insert_s, cases / insert_s, insert_s, insert_cpu,
              insert_cpu * 1000 / cases);
  // One transaction per case, as the desktop app's intake save and
  // `case import-json` write (one fsync per case).
  const int per_case = 100;
  const auto t_case = Clock::now();
  const double cpu_case = cpu_seconds();
  for (int i = 0; i < per_case; ++i) {
    auto batch = must(v.begin_batch(), "batch");
    write_case(v, corpus, cases + i);
    must(batch.commit(), "commit");
  }
  const double case_ms = ms_since(t_case) / per_case;
  std::printf("one transaction per case (fsync each): %.1f ms/case wall, %.2f ms/case CPU (%.0f records/s)\n", case_ms,
              (cpu_seconds() - cpu_case) * 1000 / per_case, records_per_case * 1000 / case_ms);
}

void measure(const std::filesystem::path& folder, int cases) {
  std::vector<double> kdf, rest;
  for (int i = 0; i < 3; ++i) {
    auto u = must(Vault::unlock(folder, passphrase()), "unlock");
    kdf.push_back(static_cast<double>(u.unlock_timings().kdf.count()) / 1000);
    rest.push_back(static_cast<double>(u.unlock_timings().open.count()) / 1000);
  }
  std::printf("unlock (interactive Argon2id): KDF %.0f ms, rest %.1f ms (median of 3)\n", stats(kdf).p50,
              stats(rest).p50);
  auto v = must(Vault::unlock(folder, passphrase()), "unlock");
  const auto t_verify = Clock::now();
  const auto chain = must(v.audit().verify(), "verify");
  std::printf("audit verify: %lld entries, %s, %.0f ms\n", static_cast<long long>(chain.entries),
              chain.intact ? "intact" : "BROKEN", ms_since(t_verify));

  auto search = [&](const char* label, std::vector<std::string> queries) {
    std::size_t hits = 0;
    std::size_t qi = 0;
    auto s = time_it(60, [&] {
      SearchQuery q;
      q.text = queries[qi++ % queries.size()];
      hits += must(v.search().find(q), "search").size();
    });
    std::printf("search %-28s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms | CPU p50 %6.2f p95 %6.2f ms (avg %zu hits)\n",
                label, s.p50, s.p95, s.max, s.cpu_p50, s.cpu_p95, hits / 60);
  };
  search("English common words", {"police", "passport", "questioned", "family", "threatened"});
  search("English rare / prefix", {"bangkok", "pension", "amst", "uyghur", "surrender"});
  search("English two words", {"passport renewed", "officer threatened", "police questioned"});
  search("Chinese 1 character", {"护", "警", "茶", "國", "冻"});
  search("Chinese 2 characters", {"护照", "喝茶", "威胁", "護照", "户口"});
  search("Chinese 3+ characters", {"公安局", "旅行证", "再教育营", "劝我回国自首", "指定居所监视居住"});
  search("mixed", {"wechat 威胁", "passport 护照"});

  auto list = [&](const char* label, CaseQuery q) {
    std::size_t n = 0;
    auto s = time_it(30, [&] { n = must(v.cases().list(q), "list").size(); });
    auto c = time_it(10, [&] { (void)must(v.cases().count(q), "count"); });
    std::printf("case list %-30s page p50 %6.2f p95 %6.2f ms (CPU p95 %6.2f) | count p50 %6.2f ms (%zu rows, %zu total)\n",
                label, s.p50, s.p95, s.cpu_p95, c.p50, n, must(v.cases().count(q), "count"));
  };
  CaseQuery q;
  list("no filter, by last change", q);
  q.sort = CaseSort::reference;
  q.descending = false;
  list("no filter, by reference", q);
  q = {};
  q.offset = static_cast<std::size_t>(cases / 2);
  list("no filter, page in the middle", q);
  q = {};
  q.offset = must(v.cases().count(q), "count") - 50;
  list("no filter, last page", q);
  q = {};
  q.statuses = {"open"};
  list("status open", q);
  q = {};
  q.tactics = {"D2"};
  list("tactic D2", q);
  q = {};
  q.tactics = {"B5"};
  q.countries = {"TH"};
  q.risk_ratings = {"critical", "high"};
  list("tactic B5 + country TH + risk", q);
  q = {};
  q.sort = CaseSort::risk;
  list("sorted by risk", q);
  q = {};
  q.text = "bangkok";
  list("free text 'bangkok'", q);
  q = {};
  q.text = "护照";
  list("free text '护照'", q);
}

}  // namespace

int main(int argc, char** argv) {
  const int cases = argc > 1 ? std::atoi(argv[1]) : 100000;
  test::TempDir tmp;
  const std::filesystem::path folder = (argc > 2 ? std::filesystem::path(argv[2]) : tmp.path()) / "bench-vault";
  bench::Corpus corpus(12345);
  std::printf("storage benchmark: %d cases, 3 incidents each, vault in %s\n", cases, folder.c_str());

  const bool reuse = std::filesystem::exists(folder / "vault.key");
  auto v = reuse ? must(Vault::unlock(folder, passphrase()), "unlock")
                 : must(Vault::create(folder, passphrase(), {"Bench Worker", KdfParams::interactive()}), "create");
  if (!reuse) build(v, corpus, cases);
  v.lock();
  std::printf("vault size on disk: %.1f MiB (%.0f bytes per case)\n", static_cast<double>(folder_size(folder)) / (1 << 20),
              static_cast<double>(folder_size(folder)) / cases);
  measure(folder, cases);
  return 0;
}

