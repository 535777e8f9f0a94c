// Regressions (issue 10, findings 7 and 12): every vault numbers its cases
// SH-YYYY-0001 upwards, and a reference that matched two cases resolved
// silently to the oldest, so `consent withdraw SH-2026-0001` acted on someone
// else's imported case, and a decoy case with a guessed reference and an
// older created_at captured commands given by reference.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <ctime>

#include "stock_sender.hpp"

using namespace safehold::test;

namespace {

// SH-<this UTC year>-<number>, as the vault numbers a case created now.
std::string reference_now(int number) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::snprintf(buf, sizeof buf, "SH-%04d-%04d", utc.tm_year + 1900, number);
  return buf;
}

std::string reference_of(const CliVault& v, const std::string& case_id) {
  const auto r = v.cli({"record", "show", case_id, "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out).at("fields").at("reference").get<std::string>();
}

// Imports a one-case bundle holding `reference` from `sender`; returns the case id.
std::string import_case(const CliVault& v, const StockSender& sender, const TempDir& work,
                        const std::string& reference) {
  auto b = one_case_bundle(identity_of(v, "age_recipient"), reference, "Imported case");
  const auto r = v.cli({"import", sender.seal(work.path(), b).string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return b.cases[0];
}

}  // namespace

TEST_CASE("case references: own numbering skips references that imported cases hold",
          "[exchange][cli][regression]") {
  CliVault lawyer;
  TempDir work;
  const StockSender ngo;
  ngo.add_verified_to(lawyer, "Partner NGO");
  const std::string first = import_case(lawyer, ngo, work, reference_now(1));
  const std::string second = import_case(lawyer, ngo, work, reference_now(2));

  const std::string own = lawyer.ok({"case", "new", "--title", "Our own"});
  CHECK(reference_of(lawyer, own) == reference_now(3));
  // Each reference now names one case, and commands by reference find it.
  CHECK(lawyer.cli({"case", "show", reference_now(1), "--json"}).out.find(first) != std::string::npos);
  CHECK(lawyer.cli({"case", "show", reference_now(3), "--json"}).out.find(own) != std::string::npos);

  // The list shows whose each imported case is.
  const auto list = lawyer.cli({"case", "list"});
  REQUIRE(list.exit_code == 0);
  for (const std::string& line : {first, second}) {
    const auto at = list.out.find(line);
    REQUIRE(at != std::string::npos);
    CHECK(list.out.substr(at, list.out.find('\n', at) - at).find("\tfrom Stock Sender") != std::string::npos);
  }
  const auto at = list.out.find(own);
  CHECK(list.out.substr(at, list.out.find('\n', at) - at).find("from") == std::string::npos);
  const auto json = nlohmann::json::parse(lawyer.cli({"case", "list", "--json"}).out);
  for (const auto& c : json) CHECK(c.at("from") == (c.at("case_id") == own ? "" : "Stock Sender"));
}

TEST_CASE("case references: a reference several cases hold is refused, listing them; ids always work",
          "[exchange][cli][regression]") {
  CliVault worker;
  TempDir work;
  const std::string own = worker.case_with_consent("Our interviewee");
  const std::string reference = reference_of(worker, own);
  // A verified but hostile sender guesses the reference; its case is older.
  const StockSender hostile;
  hostile.add_verified_to(worker, "Decoy Sender");
  const std::string decoy = import_case(worker, hostile, work, reference);

  const std::string before = worker.cli({"consent", "show", own, "--json"}).out;
  const std::string decoy_before = worker.cli({"case", "show", decoy, "--json"}).out;
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"consent", "withdraw", reference}, {"case", "show", reference},
        {"consent", "show", reference}, {"incident", "add", reference, "--tactic", "D1"}}) {
    INFO(command[0] << " " << command[1]);
    const auto r = worker.cli(command);
    CHECK(r.exit_code == 32);
    CHECK(r.err.find(own + " (this vault's own)") != std::string::npos);
    CHECK(r.err.find(decoy + " (from Stock Sender)") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK(worker.cli({"consent", "show", own, "--json"}).out == before);
  CHECK(worker.cli({"case", "show", decoy, "--json"}).out == decoy_before);

  // By id, each case is reached.
  worker.ok({"consent", "withdraw", own});
  CHECK(worker.cli({"consent", "show", own, "--json"}).out != before);
  CHECK(worker.cli({"case", "show", decoy, "--json"}).out == decoy_before);
}
