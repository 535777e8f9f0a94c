// Issue 10, findings 3 and 5, and conflicts: revisions decide what an import
// does with a record the vault holds (schema/bundle-v1.md 12.3). Every step
// goes through the real CLI on real vaults.
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

// Exports the case to the NGO (redacted unless `identifying`) and imports it
// there with the CLI; returns the import's stdout.
std::string send(TwoDesks& w, bool identifying, const std::string& name) {
  const auto file = w.caseworker.dir / (name + ".age");
  w.export_to(file, identifying);
  const auto r = w.ngo.cli({"import", file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The line of `out` that starts with "  <label>:" (empty if none).
std::string line_of(const std::string& out, const std::string& label) {
  const auto at = out.find("  " + label + ":");
  if (at == std::string::npos) return {};
  return out.substr(at, out.find('\n', at) - at);
}

}  // namespace

TEST_CASE("finding 5: an identifying copy after a redacted one fills in what was left out",
          "[exchange][revisions]") {
  TwoDesks w;
  send(w, false, "redacted");
  auto& ngo = w.ngo.v();
  // The evidence item's original file name is identifying (the model says so).
  const auto redacted = ngo.records().get(w.evidence.id).value();
  const auto left_out = ngo.records().meta(w.evidence.id).value().withheld;
  REQUIRE_FALSE(left_out.empty());  // the receiver knows what it was not given
  for (const auto& name : left_out) CHECK_FALSE(redacted.fields.contains(name));

  const auto out = send(w, true, "identifying");  // the same revisions, consent allows names
  CHECK(line_of(out, "upgraded (fields we lacked)").find(w.evidence.id) != std::string::npos);
  // Before: the identifying copy was counted "unchanged" and dropped.
  for (const auto& r : {w.interviewee, w.evidence, w.the_case, w.consent, w.incident}) {
    INFO(r.entity << " " << r.id);
    const auto at_home = w.caseworker.v().records().get(r.id).value();
    CHECK(w.ngo.v().records().get(r.id).value().to_json() == at_home.to_json());
  }
  CHECK(w.ngo.v().records().meta(w.evidence.id).value().withheld.empty());
  CHECK(w.ngo.v().records().get(w.evidence.id).value().fields["original_file_name"] == "IMG_passport_scan.png");

  // A redacted copy again never takes the names away.
  const auto again = send(w, false, "redacted-again");
  const auto at_home = w.caseworker.v().records().get(w.evidence.id).value();
  CHECK(w.ngo.v().records().get(w.evidence.id).value().to_json() == at_home.to_json());
  CHECK(line_of(again, "updated").empty());
}

TEST_CASE("finding 3: the owner's update within the same second is applied, not counted unchanged",
          "[exchange][revisions]") {
  TwoDesks w;
  send(w, true, "first");
  auto note = w.ngo.v().records().create("intervention", w.the_case.id, intervention_fields());
  REQUIRE(note);
  // The caseworker changes the incident; its clock says the same second as
  // before (a fast edit, or a clock set back).
  auto fields = w.incident.fields;
  fields["reliability"] = fields.value("reliability", "") == "low" ? "high" : "low";
  const auto changed = w.caseworker.v().records().update(w.incident.id, fields);
  REQUIRE(changed);
  w.caseworker.lock();
  {
    RawDb raw(w.caseworker.folder, kDeskPass);
    raw.exec("UPDATE records SET updated_at = '" + w.incident.updated_at + "' WHERE id = '" + w.incident.id + "'");
  }
  auto expected = w.caseworker.v().records().get(w.incident.id).value();
  const auto out = send(w, true, "second");
  CHECK(line_of(out, "updated").find(w.incident.id) != std::string::npos);
  CHECK(w.ngo.v().records().get(w.incident.id).value().to_json() == expected.to_json());
  // The receiver's own record is untouched.
  CHECK(w.ngo.v().records().get(note->id).value().to_json() == note->to_json());
  CHECK(w.ngo.v().records().meta(w.incident.id).value().revision.n == 2);
}

TEST_CASE("conflict: a fork of the owner's record is set aside, the rest imported, a person settles it",
          "[exchange][revisions][conflict]") {
  TwoDesks w;
  send(w, true, "first");
  // A backup of the caseworker's vault, taken now.
  w.caseworker.lock();
  const auto backup = w.caseworker.dir / "backup";
  std::filesystem::copy(w.caseworker.folder, backup, std::filesystem::copy_options::recursive);

  auto fields = w.incident.fields;
  fields["title"] = "Father questioned twice";
  REQUIRE(w.caseworker.v().records().update(w.incident.id, fields));
  send(w, true, "second");
  // The caseworker's vault is restored from the backup and edited again.
  w.caseworker.lock();
  std::filesystem::remove_all(w.caseworker.folder);
  std::filesystem::rename(backup, w.caseworker.folder);
  fields["title"] = "Father questioned by the PSB";
  REQUIRE(w.caseworker.v().records().update(w.incident.id, fields));
  auto risk = w.caseworker.v().records().create("risk_assessment", w.the_case.id, risk_fields("high"));
  REQUIRE(risk);

  const auto before_incident = w.ngo.v().records().get(w.incident.id).value();
  const auto out = send(w, true, "fork");  // exit 0: the conflict does not refuse the bundle
  CHECK(line_of(out, "IN CONFLICT (set aside: conflict list / conflict settle)").find(w.incident.id) !=
        std::string::npos);
  CHECK(line_of(out, "new").find(risk->id) != std::string::npos);
  CHECK(w.ngo.v().records().get(w.incident.id).value().to_json() == before_incident.to_json());

  const auto listed = w.ngo.cli({"conflict", "list", "--json"});
  REQUIRE(listed.exit_code == 0);
  const auto conflicts = nlohmann::json::parse(listed.out);
  REQUIRE(conflicts.size() == 1);
  const std::string id = conflicts[0]["id"];
  CHECK(conflicts[0]["record_id"] == w.incident.id);
  CHECK(conflicts[0]["theirs"]["fields"]["title"] == "Father questioned by the PSB");

  // keep-both is for one's own records only; nothing changes.
  const auto snap = snapshot(w.ngo);
  const auto both = w.ngo.cli({"conflict", "settle", id, "--keep-both"});
  CHECK(both.exit_code != 0);
  CHECK(std::count(both.err.begin(), both.err.end(), '\n') == 1);
  CHECK(snapshot(w.ngo) == snap);

  const auto taken = w.ngo.cli({"conflict", "settle", id, "--take-theirs"});
  INFO(taken.err);
  REQUIRE(taken.exit_code == 0);
  CHECK(w.ngo.v().records().get(w.incident.id).value().fields["title"] == "Father questioned by the PSB");
  CHECK(w.ngo.cli({"conflict", "list", "--json"}).out.find(id) == std::string::npos);
  const auto audit = w.ngo.cli({"audit", "show", "--object", w.incident.id});
  CHECK(audit.out.find("conflict_set_aside") != std::string::npos);
  CHECK(audit.out.find("conflict_took_theirs") != std::string::npos);
  CHECK(w.ngo.cli({"audit", "verify"}).exit_code == 0);
}
