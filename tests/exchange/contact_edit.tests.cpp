// Editing a contact, in the core (ContactBook::update) and through the real
// safehold-cli (`contact edit`): name, kind, organisation and notes change;
// the keys, the fingerprint and the verification never do; refusals change
// nothing; every edit is one record_updated audit entry without values.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;
using nlohmann::json;

namespace {

// The NGO's card added to the caseworker's vault without kind or
// organisation, then verified (as before edits existed, such a contact had
// to be removed and added again to become a recipient).
ex::Contact add_verified_without_kind(Desk& at, Desk& of) {
  auto& v = at.v();
  const auto added = ex::ContactBook(v).add_card(bundle::as_bytes(of.card())).value();
  return ex::ContactBook(v).verify(added.id, "in_person").value();
}

std::size_t updates_of(Desk& d, const std::string& id) {
  const auto entries = d.v().audit().for_object(id).value();
  std::size_t n = 0;
  for (const auto& e : entries) n += e.action == "record_updated" ? 1U : 0U;
  return n;
}

json shown(Desk& d, const std::string& who) {
  const auto r = d.cli({"contact", "show", who, "--json"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("ContactBook::update changes name, kind, organisation and notes; keys and verification stay",
          "[exchange][contacts][edit]") {
  Desk cw("Caseworker Lin"), ngo("NGO Intake");
  const auto before = add_verified_without_kind(cw, ngo);
  REQUIRE(before.verified);
  REQUIRE(before.kind.empty());
  const auto updates_before = updates_of(cw, before.id);

  ex::ContactBook book(cw.v());
  auto edited = book.update(before.id, {"Safe Haven intake", "Safe Haven NGO", "ngo", "Ask for Mei"});
  REQUIRE(edited);
  const auto after = book.find(before.id).value();
  const ex::Contact* both[] = {&*edited, &after};
  for (const auto* c : both) {
    CHECK(c->display_name == "Safe Haven intake");
    CHECK(c->organisation == "Safe Haven NGO");
    CHECK(c->kind == "ngo");
    CHECK(c->notes == "Ask for Mei");
    CHECK(c->age_recipient == before.age_recipient);
    CHECK(c->minisign_public_key == before.minisign_public_key);
    CHECK(c->minisign_key_id == before.minisign_key_id);
    CHECK(c->fingerprint == before.fingerprint);
    CHECK(c->verified);
    CHECK(c->verified_at == before.verified_at);
    CHECK(c->verification_method == "in_person");
    CHECK(c->created_at == before.created_at);
  }
  CHECK(book.find("Safe Haven intake").value().id == before.id);
  CHECK_FALSE(book.find("NGO Intake"));

  // One audit entry, naming the contact by id only; the chain still verifies.
  CHECK(updates_of(cw, before.id) == updates_before + 1);
  const auto entries = cw.v().audit().for_object(before.id).value();
  for (const auto& e : entries) {
    CHECK(e.object_type == "contact");
    CHECK(e.counterparty.empty());
    CHECK(e.reference.empty());
  }
  CHECK(cw.v().audit().verify().value().intact);

  // Only what the edit names changes; "" removes organisation, kind, notes.
  auto renamed = book.update(before.id, {"Mei (Safe Haven)", std::nullopt, std::nullopt, std::nullopt});
  REQUIRE(renamed);
  CHECK(renamed->organisation == "Safe Haven NGO");
  CHECK(renamed->kind == "ngo");
  auto cleared = book.update(before.id, {std::nullopt, "", "", ""});
  REQUIRE(cleared);
  CHECK(cleared->display_name == "Mei (Safe Haven)");
  CHECK(cleared->organisation.empty());
  CHECK(cleared->kind.empty());
  CHECK(cleared->notes.empty());
  const auto record = cw.v().records().get(before.id).value();
  CHECK_FALSE(record.fields.contains("organisation"));
  CHECK_FALSE(record.fields.contains("kind"));
  CHECK(cleared->verified);

  // Names in any script are fine, including characters outside the BMP.
  auto scripts = book.update(before.id, {"吉\U00020BB7 · مريم · Мария \U0001F54A", "香港人權 ONG", std::nullopt, std::nullopt});
  REQUIRE(scripts);
  CHECK(scripts->display_name == "吉\U00020BB7 · مريم · Мария \U0001F54A");
  REQUIRE(book.update(before.id, {"Mei (Safe Haven)", "", std::nullopt, std::nullopt}));

  // An edit that changes nothing writes nothing.
  const auto updates_now = updates_of(cw, before.id);
  REQUIRE(book.update(before.id, {"Mei (Safe Haven)", "", std::nullopt, std::nullopt}));
  REQUIRE(book.update(before.id, {}));
  CHECK(updates_of(cw, before.id) == updates_now);
  CHECK(cw.v().audit().verify().value().intact);
}

TEST_CASE("ContactBook::update refuses bad values and unknown contacts, and changes nothing",
          "[exchange][contacts][edit]") {
  Desk cw("Caseworker Lin"), ngo("NGO Intake");
  const auto c = add_verified_without_kind(cw, ngo);
  const auto the_case = cw.v().records().create("case", "", case_fields("Father questioned")).value();
  const auto unchanged = snapshot(cw);
  ex::ContactBook book(cw.v());

  auto refused = [&](const ex::ContactEdit& edit, ex::ExchangeError code, const std::string& id) {
    const auto r = book.update(id, edit);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == code);
    const auto message = r.error().describe();
    CHECK(message.find('\n') == std::string::npos);
    return message;
  };
  using E = ex::ExchangeError;
  CHECK(refused({std::nullopt, std::nullopt, "carrier_pigeon", std::nullopt}, E::invalid_input, c.id)
            .find("unknown kind of recipient carrier_pigeon") != std::string::npos);
  refused({std::nullopt, std::nullopt, "host-authority", std::nullopt}, E::invalid_input, c.id);  // a label, not the code
  refused({"", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({"   ", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({"Two\nlines", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({std::nullopt, "Org\twith a tab", std::nullopt, std::nullopt}, E::invalid_input, c.id);
  // Characters that make one name display as another, or break the line.
  refused({"NGO \u202Eekatni\u202C", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({"NGO \u2066Intake\u2069", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({"NGO\u2028Intake", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({"NGO\u0085Intake", std::nullopt, std::nullopt, std::nullopt}, E::invalid_input, c.id);
  refused({std::nullopt, "Org \xC3(", std::nullopt, std::nullopt}, E::invalid_input, c.id);  // not UTF-8
  // A good value next to a bad one: nothing of the edit is kept.
  refused({"Renamed", std::nullopt, "nope", std::nullopt}, E::invalid_input, c.id);
  refused({"Renamed", std::nullopt, std::nullopt, std::nullopt}, E::not_found,
          "00000000-0000-4000-8000-000000000000");
  refused({"Renamed", std::nullopt, std::nullopt, std::nullopt}, E::not_found, "NGO Intake");  // ids only
  refused({"Renamed", std::nullopt, std::nullopt, std::nullopt}, E::not_found, the_case.id);    // not a contact
  CHECK(snapshot(cw) == unchanged);
  CHECK(book.find(c.id).value().display_name == "NGO Intake");
}

TEST_CASE("Giving a verified contact a kind by editing makes it a recipient, no new verification",
          "[exchange][contacts][edit]") {
  TwoDesks w;
  auto& v = w.caseworker.v();
  ex::ContactBook book(v);
  // As if added without a kind: the export check says so.
  REQUIRE(book.update(w.ngo_at_caseworker, {std::nullopt, std::nullopt, "", std::nullopt}));
  auto plan = ex::check_export(v, w.request());
  REQUIRE(plan);
  REQUIRE(plan->problems.size() == 1);
  CHECK(plan->problems[0].contact_id == w.ngo_at_caseworker);
  CHECK(plan->problems[0].message.find("has no kind of recipient") != std::string::npos);

  REQUIRE(book.update(w.ngo_at_caseworker, {std::nullopt, std::nullopt, "ngo", std::nullopt}));
  plan = ex::check_export(v, w.request());
  REQUIRE(plan);
  CHECK(plan->ok());
  // A kind the consent does not cover: refused by consent, not by the edit.
  REQUIRE(book.update(w.ngo_at_caseworker, {std::nullopt, std::nullopt, "un_body", std::nullopt}));
  plan = ex::check_export(v, w.request());
  REQUIRE(plan);
  REQUIRE(plan->problems.size() == 1);
  CHECK(plan->problems[0].scope == "share_un_bodies");
}

TEST_CASE("contact edit through the CLI", "[exchange][contacts][edit][cli]") {
  Desk cw("Caseworker Lin"), lawyer("Lawyer Wu");
  const auto c = add_verified_without_kind(cw, lawyer);
  const auto fp = c.fingerprint;

  const auto r = cw.cli({"contact", "edit", "Lawyer Wu", "--kind", "lawyer", "--organisation", "Wu & Partners",
                         "--name", "Wu (lawyer)", "--notes", "Prefers Signal calls"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("Wu (lawyer)") != std::string::npos);
  auto j = shown(cw, c.id);
  CHECK(j.at("display_name") == "Wu (lawyer)");
  CHECK(j.at("kind") == "lawyer");
  CHECK(j.at("organisation") == "Wu & Partners");
  CHECK(j.at("fingerprint") == fp);
  CHECK(j.at("age_recipient") == c.age_recipient);
  CHECK(j.at("minisign_public_key") == c.minisign_public_key);
  CHECK(j.at("verified") == true);
  CHECK(j.at("verification_method") == "in_person");
  CHECK(j.at("verified_at") == c.verified_at);
  CHECK(cw.v().records().get(c.id).value().fields.at("notes") == "Prefers Signal calls");

  // Codes by label or with '-'; --org is the same option; "" removes.
  REQUIRE(cw.cli({"contact", "edit", c.id, "--kind", "host-authority", "--org", ""}).exit_code == 0);
  j = shown(cw, "Wu (lawyer)");
  CHECK(j.at("kind") == "host_authority");
  CHECK(j.at("organisation") == "");

  // Refusals: exit codes per docs/cli.md, and nothing changes.
  const auto unchanged = snapshot(cw);
  const auto keys = cw.cli({"contact", "edit", c.id, "--age", c.age_recipient});
  CHECK(keys.exit_code == 2);
  CHECK(keys.err.find("keys cannot be edited") != std::string::npos);
  CHECK(keys.err.find("new contact") != std::string::npos);
  CHECK(cw.cli({"contact", "edit", c.id, "--minisign", c.minisign_public_key, "--name", "X"}).exit_code == 2);
  CHECK(cw.cli({"contact", "edit", c.id, "--card", "lawyer.card"}).exit_code == 2);
  const auto nothing = cw.cli({"contact", "edit", c.id});
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err.find("nothing to change") != std::string::npos);
  const auto kind = cw.cli({"contact", "edit", c.id, "--kind", "carrier-pigeon"});
  CHECK(kind.exit_code == 2);
  CHECK(kind.err.find("unknown kind of recipient carrier-pigeon") != std::string::npos);
  CHECK(cw.cli({"contact", "edit", c.id, "--name", ""}).exit_code == 2);
  CHECK(cw.cli({"contact", "edit", "Nobody", "--kind", "ngo"}).exit_code == 5);
  CHECK(cw.cli({"contact", "edit", "00000000-0000-4000-8000-000000000000", "--kind", "ngo"}).exit_code == 5);
  CHECK(snapshot(cw) == unchanged);
  const auto audit = cw.cli({"audit", "verify"});
  CHECK(audit.exit_code == 0);
  CHECK(audit.out.find("intact") != std::string::npos);
}
