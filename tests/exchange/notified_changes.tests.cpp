// Issue 10: the changes a case owner's recipients must hear about go through
// one core call (core/casework/notified_changes.hpp) that the CLI and the GUI
// both use: the change and its notice in one batch. And a receiver's
// withdrawal mark from the owner's notice is lifted when the owner sends the
// consent the person gave again (schema/bundle-v1.md 12.4, "Consent again").
// Two (or three) real vaults on disk, driven through the library.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "desk_bundles.hpp"
#include "safehold/core/casework/notified_changes.hpp"
#include "safehold/core/exchange/record_files.hpp"

using namespace safehold;
using namespace safehold::test;
namespace cw = safehold::core::casework;

namespace {


void send_first(TwoDesks& w) {
  const auto first = w.caseworker.dir / "first.age";
  w.export_to(first);
  import_into(w.ngo, first);
}

bool audit_has(Desk& d, const std::string& case_id, const std::string& action) {
  const auto entries = d.v().audit().for_case(case_id).value();
  return std::any_of(entries.begin(), entries.end(), [&](const storage::AuditEntry& e) { return e.action == action; });
}

// The one notice issued for the case (REQUIREs exactly one), addressed to the NGO.
storage::IssuedNotice only_notice(TwoDesks& w) {
  const auto issued = w.caseworker.v().notices().issued(w.the_case.id).value();
  REQUIRE(issued.size() == 1);
  REQUIRE(issued[0].deliveries.size() == 1);
  CHECK(issued[0].deliveries[0].contact_id == w.ngo_at_caseworker);
  CHECK_FALSE(issued[0].deliveries[0].sent());
  return issued[0];
}

// The caseworker sends the waiting notices alone to the NGO, which imports them.
void deliver_notices(TwoDesks& w, const std::string& name) {
  const auto file = w.caseworker.dir / name;
  ex::ExportRequest req{{w.the_case.id}, {w.ngo_at_caseworker}, false, true};
  REQUIRE(ex::export_bundle(w.caseworker.v(), req, file));
  const auto done = import_into(w.ngo, file);
  REQUIRE(done.report.notices.size() == 1);
  CHECK(done.report.notices[0].outcome == "applied");
}

constexpr const char* kWithdrawnAt = "2026-12-01T09:00:00Z";

// The person consents again at the caseworker's after the withdrawal: a new
// consent record, given later.
storage::Record consent_again(TwoDesks& w, const std::string& given_at) {
  auto fields = w.consent.fields;
  fields.erase("withdrawal");
  fields["given_at"] = given_at;
  return w.add("consent", w.the_case.id, fields);
}

}  // namespace

TEST_CASE("notified changes: withdrawing the owner's consent issues the notice in the same batch",
          "[exchange][notices][casework]") {
  TwoDesks w;
  // Nobody received the case: the withdrawal alone.
  {
    TwoDesks quiet;
    auto done = cw::withdraw_consent(quiet.caseworker.v(), quiet.the_case.id, {kWithdrawnAt, "all", {}});
    REQUIRE(done);
    CHECK_FALSE(done->on_copy);
    CHECK_FALSE(done->notice);
    CHECK(quiet.caseworker.v().consent().state(quiet.the_case.id).value() == storage::ConsentState::withdrawn);
    CHECK(quiet.caseworker.v().notices().issued(quiet.the_case.id).value().empty());
  }
  send_first(w);
  auto done = cw::withdraw_consent(w.caseworker.v(), w.the_case.id,
                                   {kWithdrawnAt, "listed_scopes", {"share_named_ngos", "be_interviewed"}});
  REQUIRE(done);
  REQUIRE(done->notice);
  const auto n = only_notice(w);
  CHECK(n.notice.id == done->notice->notice.id);
  CHECK(n.notice.kind == "withdrawal");
  CHECK(n.notice.extent == "listed_scopes");
  CHECK(n.notice.withdrawn_at == kWithdrawnAt);
  CHECK(n.notice.scopes == std::vector<std::string>{"be_interviewed", "share_named_ngos"});
  CHECK(w.caseworker.v().consent().scope(w.the_case.id, "share_named_ngos").value() == "no");
  CHECK(audit_has(w.caseworker, w.the_case.id, "notice_issued"));

  // The NGO holds a copy: its withdrawal is a local mark, nothing is issued.
  auto local = cw::withdraw_consent(w.ngo.v(), w.the_case.id, {kWithdrawnAt, "all", {}});
  REQUIRE(local);
  CHECK(local->on_copy);
  CHECK_FALSE(local->notice);
  CHECK(w.ngo.v().consent().withdrawal_mark(w.the_case.id).value()->source == "local");
  CHECK(w.ngo.v().notices().issued().value().empty());
}

TEST_CASE("notified changes: an edit form that fills in the withdrawal (the GUI's way) issues the notice",
          "[exchange][notices][casework]") {
  TwoDesks w;
  send_first(w);
  // An edit that changes something else: no notice.
  auto fields = w.consent.fields;
  fields["language"] = "yue";
  auto plain = cw::save_record_edit(w.caseworker.v(), w.consent.id, fields);
  REQUIRE(plain);
  CHECK_FALSE(plain->notice);
  CHECK(w.caseworker.v().notices().issued(w.the_case.id).value().empty());
  // The form's withdrawal (no extent: all; no time: now).
  fields["withdrawal"] = {{"at", kWithdrawnAt}};
  auto done = cw::save_record_edit(w.caseworker.v(), w.consent.id, fields);
  REQUIRE(done);
  REQUIRE(done->notice);
  const auto n = only_notice(w);
  CHECK(n.notice.kind == "withdrawal");
  CHECK(n.notice.extent == "all");
  CHECK(w.caseworker.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  // Saving the same withdrawal again issues nothing more.
  REQUIRE(cw::save_record_edit(w.caseworker.v(), w.consent.id, fields));
  CHECK(w.caseworker.v().notices().issued(w.the_case.id).value().size() == 1);
}

TEST_CASE("notified changes: deleting the owner's record or case issues a deletion notice; a refused delete issues none",
          "[exchange][notices][casework]") {
  TwoDesks w;
  auto note = w.add("intervention", w.the_case.id, intervention_fields());
  send_first(w);

  // A refused deletion (the consent the case's records need): no notice either.
  auto refused = cw::delete_record(w.caseworker.v(), w.consent.id);
  REQUIRE_FALSE(refused);
  CHECK(w.caseworker.v().notices().issued(w.the_case.id).value().empty());
  CHECK(w.caseworker.v().records().get(w.consent.id));

  auto done = cw::delete_record(w.caseworker.v(), note.id);
  REQUIRE(done);
  REQUIRE(done->notice);
  auto n = only_notice(w);
  CHECK(n.notice.kind == "deletion");
  CHECK(n.notice.records == std::vector<std::string>{note.id});
  CHECK_FALSE(w.caseworker.v().records().get(note.id));

  // The whole case (`record delete` of the case record used to skip the notice).
  auto gone = cw::delete_record(w.caseworker.v(), w.the_case.id);
  REQUIRE(gone);
  REQUIRE(gone->notice);
  CHECK(gone->notice->notice.records.empty());
  CHECK_FALSE(w.caseworker.v().records().get(w.the_case.id));
  const auto issued = w.caseworker.v().notices().issued(w.the_case.id).value();
  REQUIRE(issued.size() == 2);
  for (const auto& i : issued) CHECK(i.deliveries.size() == 1);

  // The NGO deletes its copy of the whole case: local, nothing issued.
  auto copy = cw::delete_record(w.ngo.v(), w.the_case.id);
  REQUIRE(copy);
  CHECK(copy->on_copy);
  CHECK(w.ngo.v().notices().issued().value().empty());
}

TEST_CASE("consent again: the owner's later consent lifts the mark its withdrawal notice left",
          "[exchange][notices][withdrawal]") {
  TwoDesks w;
  send_first(w);
  REQUIRE(cw::withdraw_consent(w.caseworker.v(), w.the_case.id, {kWithdrawnAt, "all", {}}));
  deliver_notices(w, "withdrawal.age");
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  REQUIRE(w.ngo.v().consent().withdrawal_mark(w.the_case.id).value());

  // The owner's later revision of the withdrawn consent (the withdrawal
  // taken out again, given_at unchanged) does not lift it.
  auto undone = w.caseworker.v().records().get(w.consent.id).value().fields;
  undone.erase("withdrawal");
  REQUIRE(w.caseworker.v().records().update(w.consent.id, undone));
  const auto revision_file = w.caseworker.dir / "revision.age";
  w.export_to(revision_file);
  const auto revised = import_into(w.ngo, revision_file);
  CHECK(revised.report.cases.at(0).updated.size() >= 1);
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  CHECK_FALSE(audit_has(w.ngo, w.the_case.id, "withdrawal_lifted"));

  // The person consents again; the owner sends the new consent: lifted.
  const auto renewed = consent_again(w, "2026-12-03T10:00:00Z");
  const auto again_file = w.caseworker.dir / "again.age";
  w.export_to(again_file);
  const auto before = snapshot(w.ngo);
  auto verified = ex::verify_bundle(w.ngo.v(), again_file);
  REQUIRE(verified);
  CHECK(snapshot(w.ngo) == before);  // verify keeps nothing, the mark included
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  import_into(w.ngo, again_file);
  CHECK_FALSE(w.ngo.v().consent().withdrawal_mark(w.the_case.id).value());
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::given);
  CHECK(audit_has(w.ngo, w.the_case.id, "withdrawal_lifted"));
  CHECK(w.ngo.v().consent().current(w.the_case.id).value().consent_id == renewed.id);
}

TEST_CASE("consent again: a local mark, and a consent sent by a copy holder, never lift a withdrawal",
          "[exchange][notices][withdrawal][regression]") {
  TwoDesks w;
  send_first(w);
  REQUIRE(cw::withdraw_consent(w.caseworker.v(), w.the_case.id, {kWithdrawnAt, "all", {}}));
  deliver_notices(w, "withdrawal.age");
  const std::string caseworker_key = w.caseworker.v().identity().info().value().minisign_public_key;

  // A lawyer who also holds the case (a verified contact of the NGO) sends a
  // later consent that claims to be the caseworker's: not applied; the mark stays.
  Desk lawyer{"Lawyer Ho"};
  add_verified(w.ngo, lawyer, "lawyer");
  storage::Record forged = w.consent;
  forged.id = bundle::random_uuid4();
  forged.fields.erase("withdrawal");
  forged.fields["given_at"] = "2026-12-03T10:00:00Z";
  storage::RecordMeta claimed{caseworker_key, {1, bundle::random_uuid4(), {}}, {}};
  CaseSet set;
  set.case_ids = {w.the_case.id};
  set.files.push_back({"cases/" + w.the_case.id + "/" + forged.id + ".json",
                       bytes_of(ex::encode_record_file(forged, claimed))});
  const auto forged_file = seal_by(lawyer, w.ngo, set, lawyer.dir / "forged-consent.age");
  auto r = ex::import_bundle(w.ngo.v(), forged_file);
  if (r) CHECK(r->report.cases.at(0).created.empty());
  CHECK_FALSE(w.ngo.v().records().get(forged.id));
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  CHECK_FALSE(audit_has(w.ngo, w.the_case.id, "withdrawal_lifted"));

  // The NGO's user records a withdrawal of its own (the person told the NGO):
  // the owner's later consent leaves that mark alone.
  REQUIRE(cw::withdraw_consent(w.ngo.v(), w.the_case.id, {"2026-12-02T09:00:00Z", "all", {}}));
  consent_again(w, "2026-12-03T10:00:00Z");
  const auto again_file = w.caseworker.dir / "again.age";
  w.export_to(again_file);
  import_into(w.ngo, again_file);
  CHECK(w.ngo.v().consent().withdrawal_mark(w.the_case.id).value()->source == "local");
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  CHECK_FALSE(audit_has(w.ngo, w.the_case.id, "withdrawal_lifted"));
}
