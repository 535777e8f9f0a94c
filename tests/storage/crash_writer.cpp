// Test helper for crash.tests.cpp: opens a vault once and writes in a loop,
// printing each id to stdout only after its transaction committed, until it
// is killed.
//   storage_crash_writer <vault folder> cases
//   storage_crash_writer <vault folder> attachments
#include <cstdio>
#include <cstring>
#include <string>

#include "safehold/storage/vault.hpp"
#include "storage_samples.hpp"
#include "test_util.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;

namespace {

int fail(const StorageError& e) {
  std::fprintf(stderr, "crash_writer: %s\n", e.describe().c_str());
  return 2;
}

int write_cases(Vault& v) {
  for (int i = 0;; ++i) {
    auto batch = v.begin_batch();
    if (!batch) return fail(batch.error());
    auto c = v.records().create("case", "", case_fields("Crash case " + std::to_string(i)));
    if (!c) return fail(c.error());
    auto p = v.records().create("person", c->id, interviewee_fields("Crash " + std::to_string(i)));
    if (!p) return fail(p.error());
    auto k = v.records().create("consent", c->id, consent_fields(p->id, {"be_interviewed"}));
    if (!k) return fail(k.error());
    auto inc = v.records().create("incident", c->id, incident_fields("Incident", "约谈 questioned " + std::string(500, 'x'), {"D1"}));
    if (!inc) return fail(inc.error());
    if (auto r = batch->commit(); !r) return fail(r.error());
    std::printf("%s\n", c->id.c_str());
    std::fflush(stdout);
  }
}

int write_attachments(Vault& v) {
  auto c = v.records().create("case", "", case_fields("Attachment crash case"));
  if (!c) return fail(c.error());
  auto p = v.records().create("person", c->id, interviewee_fields("Crash"));
  if (!p) return fail(p.error());
  if (auto k = v.records().create("consent", c->id, consent_fields(p->id, {"be_interviewed"})); !k) return fail(k.error());
  const auto content = pseudo_random_bytes(3u << 20, 42);
  for (;;) {
    auto e = v.records().create("evidence_item", c->id, evidence_fields("video"));
    if (!e) return fail(e.error());
    base::SpanSource src(content);
    auto a = v.attachments().import(e->id, src);
    if (!a) return fail(a.error());
    std::printf("%s\n", a->id.c_str());
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return 1;
  auto v = Vault::unlock(argv[1], crypto::SecretBuffer::copy_of(std::string_view("correct horse")));
  if (!v) return fail(v.error());
  return std::strcmp(argv[2], "cases") == 0 ? write_cases(*v) : write_attachments(*v);
}
