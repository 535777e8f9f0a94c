// A real `safehold-cli import` killed with SIGKILL at random moments: each
// time the vault must be as before (after the next unlock's clean-up of
// temporaries) or, for a kill after the commit, completely imported;
// `check` and `audit verify` must pass, and a final import must succeed.
#include <time.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <random>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

void sleep_for_us(long us) {
  timespec t{us / 1000000, (us % 1000000) * 1000};
  while (::nanosleep(&t, &t) != 0) {
  }
}

std::vector<std::string> with_vault(const Desk& d, std::vector<std::string> args) {
  std::vector<std::string> argv = {cli_binary(), "--vault", d.folder.string(), "--passphrase-file",
                                   d.pass_file.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace

TEST_CASE("kill: SIGKILL during import leaves the vault as before, then an import succeeds",
          "[exchange][kill]") {
  // A few MiB of attachment so that the import lasts long enough to be hit
  // while it streams, stages and commits.
  TwoDesks w({"be_interviewed", "share_named_ngos", "store_real_identity"}, "named", 3u << 20);
  const auto file = w.caseworker.dir / "case.age";
  w.export_to(file);
  const auto before = snapshot(w.ngo);
  w.ngo.lock();

  // How long a whole run takes (verify does the same reading and checking).
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(w.ngo.cli({"verify", file.string()}).exit_code == 0);
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
  const long span_us = std::max<long>(static_cast<long>(took.count()), 20000);

  // A kill can also land after the commit, before the process exits: then
  // the import must be complete. The vault folder is restored from this copy
  // to go on killing.
  const auto backup = w.ngo.dir / "backup";
  std::filesystem::copy(w.ngo.folder, backup, std::filesystem::copy_options::recursive);

  std::mt19937 rng(20261128);
  int unchanged = 0, complete = 0, finished_first = 0;
  for (int attempt = 0; attempt < 40 && unchanged + complete < 24; ++attempt) {
    const long delay = std::uniform_int_distribution<long>(0, span_us * 9 / 10)(rng);
    Child child(with_vault(w.ngo, {"import", file.string()}), {});
    sleep_for_us(delay);
    child.signal(SIGKILL);
    const auto r = child.wait();
    INFO("attempt " << attempt << " after " << delay << " us, exit " << r.exit_code << ": " << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 128 + SIGKILL));
    CHECK(w.ngo.cli({"check"}).exit_code == 0);
    CHECK(w.ngo.cli({"audit", "verify"}).exit_code == 0);
    const auto now = snapshot(w.ngo);
    if (now == before) {
      REQUIRE(r.exit_code != 0);
      ++unchanged;
    } else {
      // All or nothing: the whole bundle is in, with its attachment.
      CHECK(now.bundles == before.bundles + 1);
      CHECK(now.audit_intact);
      REQUIRE(w.ngo.v().records().get(w.evidence.id));
      const auto content = w.ngo.v().attachments().for_evidence(w.evidence.id).value();
      REQUIRE(content.has_value());
      CHECK(content->size == w.attachment.size());
      REQUIRE(w.ngo.v().bundles().provenance(w.the_case.id).value().has_value());
      (r.exit_code == 0 ? finished_first : complete)++;
      w.ngo.lock();
      std::filesystem::remove_all(w.ngo.folder);
      std::filesystem::copy(backup, w.ngo.folder, std::filesystem::copy_options::recursive);
      REQUIRE(snapshot(w.ngo) == before);
    }
    w.ngo.lock();
  }
  INFO("unchanged " << unchanged << ", complete " << complete << ", finished before the signal "
                    << finished_first << ", run " << span_us << " us");
  CHECK(unchanged + complete >= 20);
  CHECK(unchanged >= 10);

  const auto last = w.ngo.cli({"import", file.string()});
  INFO(last.err);
  CHECK(last.exit_code == 0);
  const auto after = snapshot(w.ngo);
  CHECK(after.bundles == before.bundles + 1);
  CHECK(after.audit_intact);
  CHECK(w.ngo.v().records().get(w.evidence.id));
  CHECK(w.ngo.cli({"check"}).exit_code == 0);
}
