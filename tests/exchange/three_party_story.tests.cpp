// Issue 10, the three-party story, end to end through the real CLI: a
// caseworker sends a case to a lawyer and an NGO; the lawyer annotates it
// and sends it back; the caseworker updates it and sends it again; a fork of
// the caseworker's vault (restored from a backup) makes a conflict at the
// NGO; the interviewee withdraws consent; at their request the caseworker
// deletes one record. After every step the three vaults are compared record
// by record: nothing lost, nothing silently changed; each audit tells it.
#include <catch2/catch_test_macros.hpp>

#include <set>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

namespace fs = std::filesystem;

struct ThreeDesks : TwoDesks {
  Desk lawyer{"Lawyer Chen"};
  std::string lawyer_at_caseworker, caseworker_at_lawyer;

  ThreeDesks()
      : TwoDesks({"be_interviewed", "share_named_ngos", "share_own_lawyer", "store_real_identity"}) {
    auto& cw = caseworker.v();
    const auto a = ex::ContactBook(cw).add_card(bundle::as_bytes(lawyer.card()), "Chen Law Office", "lawyer").value();
    lawyer_at_caseworker = ex::ContactBook(cw).verify(a.id, "in_person").value().id;
    const auto b = ex::ContactBook(lawyer.v()).add_card(bundle::as_bytes(caseworker.card()), {}, "ngo").value();
    caseworker_at_lawyer = ex::ContactBook(lawyer.v()).verify(b.id, "in_person").value().id;
  }
};

CliResult ok(Desk& d, const std::vector<std::string>& args) {
  auto r = d.cli(args);
  INFO(args.front() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// The caseworker seals the case (or only its notices) for both receivers,
// who import it; returns each import's stdout.
std::pair<std::string, std::string> send_both(ThreeDesks& w, const std::string& name, bool notices_only = false) {
  const auto file = w.caseworker.dir / (name + ".age");
  std::vector<std::string> args = {"export", "--case", w.the_case.id, "--to", w.lawyer_at_caseworker,
                                   "--to", w.ngo_at_caseworker, "-o", file.string()};
  args.push_back(notices_only ? "--notices-only" : "--include-identifying");
  ok(w.caseworker, args);
  return {ok(w.lawyer, {"import", file.string()}).out, ok(w.ngo, {"import", file.string()}).out};
}

// Every record of the case as each vault holds it, by id (canonical JSON).
std::map<std::string, std::string> case_records(Desk& d, const std::string& case_id) {
  std::map<std::string, std::string> out;
  auto& v = d.v();
  if (auto c = v.records().get(case_id)) out[case_id] = c->to_json().dump();
  if (auto all = v.records().list(case_id)) {
    for (const auto& r : *all) out[r.id] = r.to_json().dump();
  }
  return out;
}

// What must hold after every step: the owner's records are the same in all
// three vaults, except custody events (each vault writes its own
// "transferred"/"received" ones) and the records listed in `except`.
void same_everywhere(ThreeDesks& w, const std::set<std::string>& except = {}) {
  const auto mine = case_records(w.caseworker, w.the_case.id);
  for (Desk* other : {&w.lawyer, &w.ngo}) {
    const auto theirs = case_records(*other, w.the_case.id);
    for (const auto& [id, json] : mine) {
      if (except.contains(id) || json.find("\"custody_event\"") != std::string::npos) continue;
      const auto meta = w.caseworker.v().records().meta(id).value();
      if (!meta.owner_key.empty() && meta.owner_key != other->v().identity().info().value().minisign_public_key) {
        // Another party's record (the lawyer's, at the NGO): not sent on.
        continue;
      }
      INFO("record " << id);
      REQUIRE(theirs.contains(id));
      CHECK(theirs.at(id) == json);
    }
  }
}

// The line of an import report that starts with `label` (after the indent).
std::string line_of(const std::string& out, const std::string& label) {
  const auto at = out.find("  " + label);
  return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
}

std::string audit_of(Desk& d, const std::string& case_id) { return ok(d, {"audit", "show", "--case", case_id}).out; }

}  // namespace

TEST_CASE("issue 10 story: caseworker, lawyer and NGO through the CLI", "[exchange][story]") {
  ThreeDesks w;
  // 1. The caseworker sends the case to both.
  auto [lawyer_out, ngo_out] = send_both(w, "first");
  CHECK(lawyer_out.find("new: ") != std::string::npos);
  same_everywhere(w);

  // 2. The lawyer annotates (its own intervention) and sends it back.
  const auto note = w.lawyer.v().records().create("intervention", w.the_case.id, intervention_fields()).value();
  const auto back = w.lawyer.dir / "back.age";
  ok(w.lawyer, {"export", "--case", w.the_case.id, "--to", w.caseworker_at_lawyer, "-o", back.string()});
  const auto returned = ok(w.caseworker, {"import", back.string()}).out;
  CHECK(line_of(returned, "new:").find(note.id) != std::string::npos);
  CHECK(w.caseworker.v().records().owner(note.id).value() == w.lawyer.v().identity().info().value().minisign_public_key);
  same_everywhere(w);

  // 3. The caseworker updates the incident and sends again: updated at both.
  auto fields = w.incident.fields;
  fields["title"] = "Father questioned twice";
  REQUIRE(w.caseworker.v().records().update(w.incident.id, fields));
  std::tie(lawyer_out, ngo_out) = send_both(w, "second");
  CHECK(line_of(lawyer_out, "updated:").find(w.incident.id) != std::string::npos);
  CHECK(line_of(ngo_out, "updated:").find(w.incident.id) != std::string::npos);
  same_everywhere(w);

  // 4. A fork: the caseworker's vault comes back from an older copy and the
  // incident is edited again. Both receivers set it aside, import the rest.
  w.caseworker.lock();
  const auto copy = w.caseworker.dir / "older";
  fs::copy(w.caseworker.folder, copy, fs::copy_options::recursive);
  fields["title"] = "Father questioned three times";
  REQUIRE(w.caseworker.v().records().update(w.incident.id, fields));
  send_both(w, "third");
  w.caseworker.lock();
  fs::remove_all(w.caseworker.folder);
  fs::rename(copy, w.caseworker.folder);
  fields["title"] = "Father questioned by the PSB";
  REQUIRE(w.caseworker.v().records().update(w.incident.id, fields));
  std::tie(lawyer_out, ngo_out) = send_both(w, "fork");
  CHECK(line_of(ngo_out, "IN CONFLICT").find(w.incident.id) != std::string::npos);
  CHECK(line_of(lawyer_out, "IN CONFLICT").find(w.incident.id) != std::string::npos);
  CHECK(w.ngo.v().records().get(w.incident.id).value().fields["title"] == "Father questioned three times");
  same_everywhere(w, {w.incident.id});  // the fork is shown, not applied

  // 5. The interviewee withdraws: both hold copies, both get the notice.
  const auto withdrawn = ok(w.caseworker, {"consent", "withdraw", w.the_case.id});
  CHECK(withdrawn.out.find("holds a copy: " + w.lawyer_at_caseworker) != std::string::npos);
  CHECK(withdrawn.out.find("holds a copy: " + w.ngo_at_caseworker) != std::string::npos);
  std::tie(lawyer_out, ngo_out) = send_both(w, "withdrawal", true);
  CHECK(lawyer_out.find("): applied") != std::string::npos);
  CHECK(ngo_out.find("): applied") != std::string::npos);
  for (Desk* d : {&w.lawyer, &w.ngo}) {
    const auto other = d == &w.lawyer ? w.caseworker_at_lawyer : w.caseworker_at_ngo;
    CHECK(d->cli({"export", "--case", w.the_case.id, "--to", other, "--check"}).exit_code == 4);
    CHECK(ok(*d, {"case", "show", w.the_case.id}).out.find("WITHDRAWN") != std::string::npos);
  }
  const auto status = nlohmann::json::parse(ok(w.caseworker, {"notice", "list", "--json"}).out);
  REQUIRE(status.size() == 1);
  for (const auto& r : status[0]["issued"][0]["recipients"]) CHECK(r["sent"] == true);

  // 6. At the interviewee's request the caseworker deletes the interview's
  // empty voicemail; the notice reaches both, who delete it; the lawyer's
  // note stays everywhere.
  ok(w.caseworker, {"record", "delete", w.empty_evidence.id, "--yes"});
  std::tie(lawyer_out, ngo_out) = send_both(w, "deletion", true);
  for (Desk* d : {&w.lawyer, &w.ngo}) CHECK_FALSE(d->v().records().get(w.empty_evidence.id));
  CHECK(w.lawyer.v().records().get(note.id));
  CHECK(w.caseworker.v().records().get(note.id));
  // The consent record itself differs now: the owner's holds the withdrawal,
  // the copies hold the mark the notice left beside it (checked above).
  same_everywhere(w, {w.incident.id, w.consent.id});

  // Each audit tells the story.
  const auto at_caseworker = audit_of(w.caseworker, w.the_case.id);
  for (const char* action : {"bundle_exported", "bundle_imported", "notice_issued", "notice_sent", "record_deleted"}) {
    CHECK(at_caseworker.find(action) != std::string::npos);
  }
  for (Desk* d : {&w.lawyer, &w.ngo}) {
    const auto audit = audit_of(*d, w.the_case.id);
    for (const char* action : {"bundle_imported", "notice_applied", "withdrawal_marked", "record_deleted"}) {
      CHECK(audit.find(action) != std::string::npos);
    }
  }
  CHECK(audit_of(w.ngo, w.the_case.id).find("conflict_set_aside") != std::string::npos);
}
