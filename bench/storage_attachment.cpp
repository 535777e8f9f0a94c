// Attachment throughput: import a file into a new vault, or read it back
// (decrypt, authenticate, re-check SHA-256) from that vault. Run it under
// /usr/bin/time -v for the peak RSS (bench/storage_attachment.sh does).
//   bench_storage_attachment import <vault folder> <file>
//   bench_storage_attachment read <vault folder>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "safehold/storage/vault.hpp"

using namespace safehold;
using namespace safehold::storage;
using Clock = std::chrono::steady_clock;

namespace {

int fail(const StorageError& e) {
  std::fprintf(stderr, "error: %s\n", e.describe().c_str());
  return 1;
}

double mib_per_s(std::uint64_t bytes, Clock::time_point t0) {
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  return static_cast<double>(bytes) / (1 << 20) / s;
}

const crypto::SecretBuffer& passphrase() {
  static const auto p = crypto::SecretBuffer::copy_of(std::string_view("bench"));
  return p;
}

int import(const char* folder, const char* file) {
  auto v = Vault::create(folder, passphrase(), {"Bench", KdfParams::insecure_for_tests()});
  if (!v) return fail(v.error());
  auto k = v->records().create("case", "", {{"title", "attachment bench"}});
  if (!k) return fail(k.error());
  auto p = v->records().create("person", k->id, {{"roles", {"interviewee"}}, {"pseudonym", "P"}});
  if (!p) return fail(p.error());
  auto c = v->records().create("consent", k->id, {{"person", p->id}, {"given_at", "2026-11-02T09:30:00Z"},
                                                  {"method", "oral_noted"}, {"scopes", {{"be_interviewed", "yes"}}}});
  if (!c) return fail(c.error());
  auto e = v->records().create("evidence_item", k->id, {{"kind", "video"}, {"description", "bench video"}});
  if (!e) return fail(e.error());
  const auto t0 = Clock::now();
  auto info = v->attachments().import_file(e->id, file);
  if (!info) return fail(info.error());
  std::printf("import: %.1f MiB in, %.0f MiB/s (SHA-256 + STREAM encryption + fsync)\n",
              static_cast<double>(info->size) / (1 << 20), mib_per_s(info->size, t0));
  if (auto s = v->settings().put("bench_attachment", info->id); !s) return fail(s.error());
  return 0;
}

int read(const char* folder) {
  auto v = Vault::unlock(folder, passphrase());
  if (!v) return fail(v.error());
  auto id = v->settings().get("bench_attachment");
  if (!id || !*id) return 1;
  const auto t0 = Clock::now();
  auto reader = v->attachments().get(**id);
  if (!reader) return fail(reader.error());
  std::vector<std::uint8_t> buf(1 << 16);
  std::uint64_t total = 0;
  for (;;) {
    auto n = (*reader)->read(buf);
    if (!n) {
      std::fprintf(stderr, "read failed: %s\n", base::describe(n.error()));
      return 1;
    }
    if (*n == 0) break;
    total += *n;
  }
  std::printf("read back: %.1f MiB, %.0f MiB/s (decrypt + authenticate + SHA-256 check)\n",
              static_cast<double>(total) / (1 << 20), mib_per_s(total, t0));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "import") == 0) return import(argv[2], argv[3]);
  if (argc == 3 && std::strcmp(argv[1], "read") == 0) return read(argv[2]);
  std::fprintf(stderr, "usage: %s import <vault> <file> | read <vault>\n", argv[0]);
  return 2;
}
