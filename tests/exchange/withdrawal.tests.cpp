// Issue 10, finding 10: a withdrawal that a receiver records on its copy of a
// case is not undone by the owner's next routine update.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <thread>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("finding 10: a withdrawal recorded on a copy survives the owner's routine update",
          "[exchange][withdrawal]") {
  TwoDesks w;
  const auto first = w.caseworker.dir / "first.age";
  w.export_to(first);
  REQUIRE(w.ngo.cli({"import", first.string()}).exit_code == 0);
  const std::vector<std::string> check = {"export", "--case", w.the_case.id, "--to", w.caseworker_at_ngo, "--check"};
  REQUIRE(w.ngo.cli(check).exit_code == 0);

  // The interviewee tells the NGO they withdraw.
  const auto withdrawn = w.ngo.cli({"consent", "withdraw", w.the_case.id});
  INFO(withdrawn.err);
  REQUIRE(withdrawn.exit_code == 0);
  CHECK(w.ngo.cli(check).exit_code == 4);
  const auto consent_before = w.ngo.v().records().get(w.consent.id).value();
  CHECK(consent_before.to_json() == w.consent.to_json());  // the owner's record itself is not edited

  // A second later the caseworker, not yet told, updates the consent (one
  // more scope) and the incident, and sends the case again.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto fields = w.consent.fields;
  fields["scopes"]["anonymised_statistics"] = "yes";
  REQUIRE(w.caseworker.v().records().update(w.consent.id, fields));
  const auto second = w.caseworker.dir / "second.age";
  w.export_to(second);
  const auto r = w.ngo.cli({"import", second.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(w.ngo.v().records().get(w.consent.id).value().fields["scopes"]["anonymised_statistics"] == "yes");
  // Before: the update replaced the NGO's withdrawal and export was allowed again.
  CHECK(w.ngo.cli(check).exit_code == 4);
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  const auto audit = w.ngo.cli({"audit", "show", "--case", w.the_case.id});
  CHECK(audit.out.find("withdrawal_marked") != std::string::npos);
  // The owner's own vault refuses a mark: it withdraws in its consent.
  auto own = w.caseworker.v().consent().withdraw_copy(w.the_case.id, {"2026-12-01T00:00:00Z", "all", {}, "", ""});
  REQUIRE_FALSE(own);
  CHECK(own.error().code == storage::VaultError::not_allowed);
}
