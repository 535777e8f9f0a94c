// Import of a large bundle through the library, as the CLI and the GUI run it:
// 1,000 cases of 6 records each (case, interviewee, consent, 3 incidents:
// 6,000 records) exported from one vault and imported into another; then an
// update (10% of the records changed, the whole set sent again) imported on
// top. Prints records per second and the peak RSS of each import (VmHWM,
// reset before it through /proc/self/clear_refs). Vaults use cheap Argon2id
// parameters so that RSS is the import itself. bench/exchange_import.sh runs it.
//
//   bench_exchange_import [CASES] [WORK FOLDER]   (defaults: 1000, a fresh folder in /var/tmp)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"
#include "safehold/core/exchange/import.hpp"
#include "safehold/storage/vault.hpp"
#include "storage_corpus.hpp"

using namespace safehold;
namespace ex = core::exchange;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const char* what, const std::string& why) {
  std::fprintf(stderr, "bench_exchange_import: %s: %s\n", what, why.c_str());
  std::exit(1);
}
template <class T, class E>
T must(expected<T, E> r, const char* what) {
  if (!r) die(what, r.error().describe());
  return std::move(*r);
}
template <class E>
void must(expected<void, E> r, const char* what) {
  if (!r) die(what, r.error().describe());
}

// Peak resident set since the last reset, in MiB.
double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024;
  }
  return 0;
}
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

storage::Vault make_vault(const std::filesystem::path& folder, const char* owner) {
  return must(storage::Vault::create(folder, crypto::SecretBuffer::copy_of("bench passphrase"),
                                     {owner, storage::KdfParams::insecure_for_tests()}),
              "create vault");
}

// `from` adds `to` as a verified contact; returns the contact id.
std::string add_verified(storage::Vault& from, storage::Vault& to) {
  const auto card = must(ex::own_identity(to), "identity").card;
  const auto c = must(ex::ContactBook(from).add_card(
                          {reinterpret_cast<const std::uint8_t*>(card.data()), card.size()}, {}, "ngo"),
                      "add card");
  return must(ex::ContactBook(from).verify(c.id, "in_person"), "verify").id;
}

struct SentCase {
  std::string case_id, person_id;
  std::vector<std::string> incidents;
};

json incident(bench::Corpus& c, bool chinese) {
  json narrative = {{"text", chinese ? c.chinese_narrative() : c.english_narrative()},
                    {"language", chinese ? "cmn" : "eng"}};
  return {{"title", c.title()}, {"tactics", {"D1"}}, {"narrative", narrative}};
}

std::vector<SentCase> write_cases(storage::Vault& v, bench::Corpus& corpus, int cases) {
  std::vector<SentCase> out;
  for (int i = 0; i < cases;) {
    auto batch = must(v.begin_batch(), "batch");
    for (int j = 0; j < 100 && i < cases; ++j, ++i) {
      SentCase s;
      s.case_id = must(v.records().create("case", "", {{"title", corpus.title()}, {"status", "open"}}), "case").id;
      s.person_id = must(v.records().create("person", s.case_id,
                                            {{"roles", {"interviewee"}}, {"pseudonym", "P" + std::to_string(i)}}),
                         "person")
                        .id;
      must(v.records().create("consent", s.case_id,
                              {{"person", s.person_id},
                               {"given_at", "2026-11-02T09:30:00Z"},
                               {"method", "oral_noted"},
                               {"scopes", {{"be_interviewed", "yes"}, {"share_named_ngos", "yes"}}}}),
           "consent");
      for (int k = 0; k < 3; ++k) {
        s.incidents.push_back(must(v.records().create("incident", s.case_id, incident(corpus, (i + k) % 2 == 0)),
                                   "incident")
                                  .id);
      }
      out.push_back(std::move(s));
    }
    must(batch.commit(), "commit");
  }
  return out;
}

// Changes 5 of the 6 records (all but the consent) of every case in `cases`.
std::size_t update_cases(storage::Vault& v, bench::Corpus& corpus, const std::vector<SentCase>& cases) {
  std::size_t changed = 0;
  auto batch = must(v.begin_batch(), "batch");
  for (const auto& s : cases) {
    auto edit = [&](const std::string& id, const char* field, json value) {
      auto r = must(v.records().get(id), "get");
      r.fields[field] = std::move(value);
      must(v.records().update(id, r.fields), "update");
      ++changed;
    };
    edit(s.case_id, "title", corpus.title() + " (updated)");
    edit(s.person_id, "pseudonym", "Updated " + s.person_id.substr(0, 8));
    for (const auto& id : s.incidents) edit(id, "title", corpus.title() + " (updated)");
  }
  must(batch.commit(), "commit");
  return changed;
}

void import_and_report(storage::Vault& into, const std::filesystem::path& file, const char* label,
                       std::size_t records_in_bundle) {
  const double before = peak_rss_mib();
  reset_peak_rss();
  const auto t = Clock::now();
  const auto r = must(ex::import_bundle(into, file), "import");
  const double s = seconds_since(t);
  std::printf("%s: %zu records in the bundle, %zu written, %zu unchanged: %.2f s, %.0f records/s; "
              "peak RSS %.1f MiB (process peak before: %.1f MiB); bundle %.1f MiB\n",
              label, records_in_bundle, r.records_written, r.records_unchanged, s,
              static_cast<double>(records_in_bundle) / s, peak_rss_mib(), before,
              static_cast<double>(std::filesystem::file_size(file)) / (1 << 20));
}

}  // namespace

int main(int argc, char** argv) {
  const int cases = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (cases < 10 || cases > 1000) die("usage", "bench_exchange_import [CASES 10-1000] [WORK FOLDER]");
  std::filesystem::path work;
  if (argc > 2) {
    work = argv[2];
  } else {
    std::string tmpl = "/var/tmp/safehold-bench-import-XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) die("work folder", "mkdtemp failed");
    work = tmpl;
  }
  {
    auto sender = make_vault(work / "sender", "Caseworker Bench");
    auto hub = make_vault(work / "hub", "NGO Hub");
    const std::string to = add_verified(sender, hub);
    add_verified(hub, sender);

    bench::Corpus corpus(7);
    const auto t_write = Clock::now();
    const auto sent = write_cases(sender, corpus, cases);
    const std::size_t records = static_cast<std::size_t>(cases) * 6;
    std::printf("sender: %d cases, %zu records written in %.2f s\n", cases, records, seconds_since(t_write));
    std::vector<std::string> ids;
    for (const auto& s : sent) ids.push_back(s.case_id);

    const auto t_export = Clock::now();
    const auto first = work / "first.age";
    must(ex::export_bundle(sender, {ids, {to}, false}, first), "export");
    std::printf("export of %d cases: %.2f s\n", cases, seconds_since(t_export));
    import_and_report(hub, first, "import (new cases)", records);

    // updated_at has second precision: a change must be in a later second
    // for the importer to take it as newer.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const std::vector<SentCase> touched(sent.begin(), sent.begin() + cases / 10 + cases / 50);
    const std::size_t changed = update_cases(sender, corpus, touched);
    const auto second = work / "update.age";
    must(ex::export_bundle(sender, {ids, {to}, false}, second), "export update");
    std::printf("update: %zu of %zu records changed (%.1f%%), in %zu cases; the whole set sent again\n", changed,
                records, 100.0 * static_cast<double>(changed) / static_cast<double>(records), touched.size());
    import_and_report(hub, second, "import (update)", records);
  }
  if (argc <= 2) std::filesystem::remove_all(work);
  return 0;
}
