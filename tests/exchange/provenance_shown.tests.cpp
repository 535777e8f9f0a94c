// `record show` and `case show` say where a record came from: the sender,
// the bundle, when, and whether the sender was verified (issue 15: stored
// but never shown). The vault's own records carry no such line.
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("cli: provenance of imported records in record show and case show", "[exchange][cli]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "case.age";
  const auto sent = w.export_to(file);
  REQUIRE(ex::import_bundle(w.ngo.v(), file, {}));

  const auto shown = w.ngo.cli({"record", "show", w.incident.id});
  INFO("stdout: " << shown.out << "\nstderr: " << shown.err);
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.find("from: Caseworker Lin (contact Caseworker Lin, " + w.caseworker_at_ngo + ")") !=
        std::string::npos);
  CHECK(shown.out.find("bundle " + sent.bundle_id) != std::string::npos);
  CHECK(shown.out.find("sender verified") != std::string::npos);
  const auto the_case = w.ngo.cli({"case", "show", w.the_case.id});
  CHECK(the_case.out.find("from: Caseworker Lin") != std::string::npos);
  CHECK(w.ngo.cli({"case", "show", w.the_case.id, "--all"}).out.find("bundle " + sent.bundle_id) != std::string::npos);
  // The JSON stays the record shape (round trip, bundles): no provenance in it.
  CHECK(w.ngo.cli({"record", "show", w.incident.id, "--json"}).out.find("from:") == std::string::npos);
  // The sender's own copy came from nowhere.
  CHECK(w.caseworker.cli({"record", "show", w.incident.id}).out.find("from: ") == std::string::npos);
}

TEST_CASE("cli: a record imported from an unverified sender says so", "[exchange][cli]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "case.age";
  w.export_to(file);
  REQUIRE(ex::ContactBook(w.ngo.v()).remove(w.caseworker_at_ngo));
  REQUIRE(ex::ContactBook(w.ngo.v()).add_card(bundle::as_bytes(w.caseworker.card()), {}, "ngo"));
  REQUIRE(ex::import_bundle(w.ngo.v(), file, {.allow_unverified = true}));
  const auto shown = w.ngo.cli({"record", "show", w.incident.id});
  CHECK(shown.out.find("UNVERIFIED sender") != std::string::npos);
  CHECK(shown.out.find("sender verified") == std::string::npos);
}

TEST_CASE("cli: consent show and export --check name recipients by contact name", "[exchange][cli]") {
  TwoDesks w;
  w.export_to(w.caseworker.dir / "case.age");
  const auto shown = w.caseworker.cli({"consent", "show", w.the_case.id});
  INFO("stdout: " << shown.out);
  CHECK(shown.out.find("sent to: NGO Intake\t" + w.ngo_at_caseworker) != std::string::npos);
  const auto json = nlohmann::json::parse(w.caseworker.cli({"consent", "show", w.the_case.id, "--json"}).out);
  CHECK(json.at("sent_to").at(0).at("contact_name") == "NGO Intake");
  const auto check = w.caseworker.cli({"export", "--case", w.the_case.id, "--to", w.ngo_at_caseworker, "-o",
                                       (w.caseworker.dir / "again.age").string(), "--check"});
  INFO("export --check: " << check.out << check.err);
  CHECK(check.out.find("already sent: NGO Intake\t") != std::string::npos);
}

// Issue 15: after `contact remove` nobody could tell who holds the testimony
// (recipients and senders were shown as bare ids). The name is kept.
TEST_CASE("cli: a removed contact is still named where it holds or sent a case", "[exchange][cli]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "case.age";
  w.export_to(file);
  REQUIRE(ex::import_bundle(w.ngo.v(), file, {}));

  const auto removed = w.caseworker.cli({"contact", "remove", "NGO Intake"});
  INFO("stderr: " << removed.err);
  REQUIRE(removed.exit_code == 0);
  CHECK(w.caseworker.cli({"contact", "show", w.ngo_at_caseworker}).exit_code == 5);
  CHECK(nlohmann::json::parse(w.caseworker.cli({"contact", "list", "--json"}).out).empty());
  const auto shown = w.caseworker.cli({"consent", "show", w.the_case.id});
  INFO("stdout: " << shown.out);
  CHECK(shown.out.find("sent to: NGO Intake (removed 20") != std::string::npos);
  CHECK(shown.out.find("\t" + w.ngo_at_caseworker) != std::string::npos);
  const auto json = nlohmann::json::parse(w.caseworker.cli({"consent", "show", w.the_case.id, "--json"}).out);
  CHECK(json.at("sent_to").at(0).at("contact_name").get<std::string>().starts_with("NGO Intake (removed 20"));

  REQUIRE(w.ngo.cli({"contact", "remove", "Caseworker Lin"}).exit_code == 0);
  const auto record = w.ngo.cli({"record", "show", w.incident.id});
  INFO("record show: " << record.out);
  CHECK(record.out.find("from: Caseworker Lin (contact Caseworker Lin (removed 20") != std::string::npos);
  // Added again, the contact is a new entry; the old name stays on the old id.
  REQUIRE(ex::ContactBook(w.ngo.v()).add_card(bundle::as_bytes(w.caseworker.card()), {}, "ngo"));
  CHECK(w.ngo.cli({"record", "show", w.incident.id}).out.find("(removed 20") != std::string::npos);
  CHECK(w.caseworker.cli({"audit", "verify"}).exit_code == 0);
}
