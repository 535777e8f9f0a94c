// The import dialog's trust summary from a verify report and the address
// book (issue 11): how the signer was verified, the other recipients by
// name (or as an unknown key), this vault left out, the changes counted.
#include <catch2/catch_test_macros.hpp>

#include <vector>

#include "safehold/appmodel/import_summary.hpp"

using namespace safehold;

TEST_CASE("Import summary: verification, other recipients, changes", "[gui][import]") {
  core::exchange::BundleReport r;
  r.sender.contact_id = "c-ngo";
  r.recipients = {"age1own", "age1lawyer", "age1stranger"};
  core::exchange::IncomingCase a;
  a.created = {"1", "2", "3"};
  a.updated = {"4"};
  a.upgraded = {"5"};
  a.conflicts = {"6"};
  a.stale = {"7"};
  a.not_from_owner = {"8"};
  a.unchanged = 2;
  core::exchange::IncomingCase b;
  b.created = {"9"};
  r.cases = {a, b};
  std::vector<core::exchange::Contact> contacts(2);
  contacts[0].id = "c-ngo";
  contacts[0].display_name = "Rights NGO";
  contacts[0].age_recipient = "age1ngo";
  contacts[0].verified = true;
  contacts[0].verified_at = "2026-12-01T10:00:00Z";
  contacts[0].verification_method = "in_person";
  contacts[1].id = "c-lawyer";
  contacts[1].display_name = "Lawyer Ş. Yılmaz";
  contacts[1].age_recipient = "age1lawyer";

  const auto s = appmodel::summarize_import(r, contacts, "age1own");
  CHECK(s.verified_at == "2026-12-01T10:00:00Z");
  CHECK(s.verification_method == "in_person");
  REQUIRE(s.others.size() == 2);  // this vault is not listed
  CHECK(s.others[0].name == "Lawyer Ş. Yılmaz");
  CHECK(s.others[0].known);
  CHECK(s.others[1].name == "age1stranger");
  CHECK_FALSE(s.others[1].known);
  CHECK(s.created == 4);
  CHECK(s.updated == 2);
  CHECK(s.conflicts == 1);
  CHECK(s.kept == 4);

  contacts[0].verified = false;  // an unverified signer has no "verified" line
  contacts[0].verified_at.clear();
  CHECK(appmodel::summarize_import(r, contacts, "age1own").verified_at.empty());
}
