// The evidence report of a large case: 200 incidents and 500 evidence items
// (each with an attachment and two custody events). Prints the time to
// compose and to write the signed PDF, the page count and the peak RSS of
// the process that writes it.
//
//   bench_report setup DIR     makes the vault (low Argon2id cost: a bench)
//   bench_report write DIR OUT.pdf [a4|letter] [en|zh-Hans|zh-Hant]
// Two processes, so the RSS of `write` is the report's alone (plus unlocking).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "safehold/core/exchange/contacts.hpp"
#include "safehold/report/pdf.hpp"
#include "safehold/report/report.hpp"
#include "safehold/storage/vault.hpp"
#include "storage_samples.hpp"
#include "test_util.hpp"

using namespace safehold;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPass = "bench passphrase for the report";

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

storage::Record add(storage::Vault& v, const std::string& entity, const std::string& case_id, nlohmann::json f) {
  auto r = v.records().create(entity, case_id, std::move(f));
  if (!r) throw std::runtime_error(entity + ": " + r.error().describe());
  return *r;
}

int setup(const std::string& dir) {
  auto v = storage::Vault::create(dir, crypto::SecretBuffer::copy_of(kPass),
                                  {"Bench Worker", storage::KdfParams::insecure_for_tests()});
  if (!v) return std::fprintf(stderr, "create: %s\n", v.error().describe().c_str()), 1;
  const auto t = Clock::now();
  auto c = add(*v, "case", "", test::case_fields("A large case"));
  auto person = add(*v, "person", c.id, test::interviewee_fields("Nightingale"));
  add(*v, "consent", c.id, test::consent_fields(person.id, {"be_interviewed", "share_own_lawyer"}));
  const std::string narrative =
      "The caller said he was from the public security bureau and that her father had been invited to tea. "
      "他说如果她不回国，她父亲会失去工作。 ئۇيغۇر تىلى ";
  for (int i = 0; i < 200; ++i) {
    auto f = test::incident_fields("Incident " + std::to_string(i), narrative + narrative + narrative, {"D1", "E1"});
    f["start_date"] = {{"value", std::to_string(2015 + i % 10) + "-0" + std::to_string(1 + i % 9)}, {"precision", "month"}};
    add(*v, "incident", c.id, f);
  }
  const auto bytes = test::pseudo_random_bytes(1024, 3);
  for (int i = 0; i < 500; ++i) {
    auto e = add(*v, "evidence_item", c.id, test::evidence_fields("Screenshot " + std::to_string(i)));
    base::SpanSource src(bytes);
    if (!v->attachments().import(e.id, src, bytes.size())) return std::fprintf(stderr, "attachment failed\n"), 1;
    for (const char* action : {"analysed", "translated"}) {
      add(*v, "custody_event", c.id,
          {{"evidence", e.id}, {"at", "2026-11-03T08:00:00Z"}, {"actor", "A. Caseworker"}, {"action", action},
           {"hash_verified", true}});
    }
  }
  add(*v, "risk_assessment", c.id, test::risk_fields("high"));
  std::printf("setup: case %s, 200 incidents, 500 evidence items, 1000 custody events in %.1f s\n",
              c.id.c_str(), seconds_since(t));
  return 0;
}

int write(const std::string& dir, const std::string& out, const std::string& paper, const std::string& lang) {
  auto v = storage::Vault::unlock(dir, crypto::SecretBuffer::copy_of(kPass));
  if (!v) return std::fprintf(stderr, "unlock: %s\n", v.error().describe().c_str()), 1;
  const auto cases = v->cases().list({}).value();
  if (cases.empty()) return std::fprintf(stderr, "no case: run setup first\n"), 1;
  report::ReportRequest req;
  req.case_id = cases.front().case_id;
  req.audience_kind = "lawyer";
  req.paper = report::paper_from_name(paper).value_or(report::Paper::a4);
  req.language = schema::language_from_tag(lang).value_or(schema::Language::en);
  const long rss_before = peak_rss_mib();
  auto t = Clock::now();
  auto composed = report::compose_report(*v, req);
  if (!composed) return std::fprintf(stderr, "compose: %s\n", composed.error().describe().c_str()), 1;
  const double compose_s = seconds_since(t);
  // The GUI's preview: the whole report laid out, its first page drawn in memory.
  t = Clock::now();
  auto page = report::render_page_image(composed->document, req.paper, 0, 800);
  if (!page) return std::fprintf(stderr, "preview: %s\n", page.error().describe().c_str()), 1;
  std::printf("first-page preview (layout of %zu pages, page 1 at 800x%d px) %.2f s\n", page->pages, page->height,
              seconds_since(t));
  t = Clock::now();
  auto done = report::write_report(*v, req, out, report::PlaintextConsent::given);
  if (!done) return std::fprintf(stderr, "write: %s\n", done.error().describe().c_str()), 1;
  const double write_s = seconds_since(t);
  std::printf("records %zu; compose (consent, redaction, document) %.2f s; write (compose, layout, PDF, sign, "
              "publish) %.2f s; %zu pages, %.1f MiB; peak RSS %ld MiB (%ld MiB after unlock)\n",
              done->records, compose_s, write_s, done->pages, static_cast<double>(done->bytes) / (1 << 20),
              peak_rss_mib(), rss_before);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "setup" && argc == 3) return setup(argv[2]);
  if (mode == "write" && argc >= 4) return write(argv[2], argv[3], argc > 4 ? argv[4] : "a4", argc > 5 ? argv[5] : "en");
  std::fprintf(stderr, "usage: bench_report setup DIR | write DIR OUT.pdf [a4|letter] [en|zh-Hans|zh-Hant]\n");
  return 2;
}
