// Issue 10, finding 4: withdrawals and deletions reach the vaults a case was
// sent to, as signed notices (schema/bundle-v1.md 12.4), applied only when
// the signer owns the case, once per notice id. Driven through the library
// (two real vaults on disk); the CLI only where its wiring is the point.
#include <catch2/catch_test_macros.hpp>

#include "desk_bundles.hpp"
#include "safehold/core/exchange/notice_files.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

namespace fs = std::filesystem;

bool holds(storage::Vault& v, const std::string& id) { return v.records().get(id).has_value(); }

std::string key_line_of(Desk& d) { return d.v().identity().info().value().minisign_public_key; }

// The owner deletes records (or, with none, the whole case) as `record
// delete` / `case delete` do: the deletion and its notice in one batch.
storage::IssuedNotice owner_deletes(Desk& owner, const std::string& case_id, std::vector<std::string> records) {
  auto& v = owner.v();
  auto batch = v.begin_batch().value();
  storage::Notice n;
  n.kind = "deletion";
  n.case_id = case_id;
  n.records = records;
  auto issued = v.notices().issue(n);
  REQUIRE(issued);
  REQUIRE(*issued);
  if (records.empty()) records = {case_id};
  for (const auto& id : records) REQUIRE(v.records().remove(id));
  REQUIRE(batch.commit());
  return **issued;
}

ex::ExportResult notices_only(TwoDesks& w, const fs::path& file) {
  ex::ExportRequest req{{w.the_case.id}, {w.ngo_at_caseworker}, false, true};
  auto r = ex::export_bundle(w.caseworker.v(), req, file);
  if (!r) FAIL("export --notices-only: " << r.error().detail);
  return *r;
}

// The case goes to the NGO once, as any case does before a notice.
void send_first(TwoDesks& w) {
  const auto first = w.caseworker.dir / "first.age";
  w.export_to(first);
  import_into(w.ngo, first);
}

bool audit_has(Desk& d, const std::string& case_id, const std::string& action, const std::string& reference) {
  const auto entries = d.v().audit().for_case(case_id).value();
  return std::any_of(entries.begin(), entries.end(),
                     [&](const storage::AuditEntry& e) { return e.action == action && e.reference == reference; });
}

}  // namespace

TEST_CASE("finding 4: the owner's withdrawal reaches the NGO as a notice; the NGO can no longer export",
          "[exchange][notices]") {
  TwoDesks w;
  send_first(w);

  // The interviewee withdraws at the caseworker's (through the CLI: the
  // notice is issued with the withdrawal and the user is told who holds copies).
  const auto withdrawn = w.caseworker.cli({"consent", "withdraw", w.the_case.id});
  INFO(withdrawn.err);
  REQUIRE(withdrawn.exit_code == 0);
  CHECK(withdrawn.out.find("holds a copy: " + w.ngo_at_caseworker) != std::string::npos);
  CHECK(withdrawn.err.find("--notices-only") != std::string::npos);
  auto issued = w.caseworker.v().notices().issued(w.the_case.id).value();
  REQUIRE(issued.size() == 1);
  const std::string notice_id = issued[0].notice.id;
  REQUIRE(issued[0].deliveries.size() == 1);
  CHECK_FALSE(issued[0].deliveries[0].sent());

  // The case itself may no longer go out; the notice may, alone.
  CHECK_FALSE(ex::export_bundle(w.caseworker.v(), w.request(), w.caseworker.dir / "refused.age"));
  const auto notice_file = w.caseworker.dir / "notice.age";
  const auto sent = notices_only(w, notice_file);
  CHECK(sent.notices == 1);
  CHECK(sent.records == 0);
  issued = w.caseworker.v().notices().issued(w.the_case.id).value();
  CHECK(issued[0].deliveries[0].bundle_id == sent.bundle_id);
  // Nothing is waiting any more: another notices-only bundle is refused.
  ex::ExportRequest again{{w.the_case.id}, {w.ngo_at_caseworker}, false, true};
  CHECK_FALSE(ex::export_bundle(w.caseworker.v(), again, w.caseworker.dir / "again.age"));

  // verify == import: verify says "applied" and changes nothing.
  const auto before = snapshot(w.ngo);
  auto verified = ex::verify_bundle(w.ngo.v(), notice_file);
  REQUIRE(verified);
  REQUIRE(verified->notices.size() == 1);
  CHECK(verified->notices[0].outcome == "applied");
  CHECK(snapshot(w.ngo) == before);
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::given);

  const auto done = import_into(w.ngo, notice_file);
  REQUIRE(done.report.notices.size() == 1);
  CHECK(done.report.notices[0].outcome == "applied");
  CHECK(done.report.notices[0].notice_id == notice_id);
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  const auto mark = w.ngo.v().consent().withdrawal_mark(w.the_case.id).value();
  REQUIRE(mark);
  CHECK(mark->source == notice_id);
  CHECK(audit_has(w.ngo, w.the_case.id, "notice_applied", notice_id));
  CHECK(audit_has(w.ngo, w.the_case.id, "withdrawal_marked", notice_id));
  CHECK(w.ngo.v().notices().was_applied(notice_id, key_line_of(w.caseworker)).value());

  // The NGO's onward export is refused; case show carries the banner.
  const std::vector<std::string> check = {"export", "--case", w.the_case.id, "--to", w.caseworker_at_ngo, "--check"};
  CHECK(w.ngo.cli(check).exit_code == 4);
  const auto shown = w.ngo.cli({"case", "show", w.the_case.id});
  CHECK(shown.out.find("WITHDRAWN") != std::string::npos);
  CHECK(shown.out.find(notice_id) != std::string::npos);
  // The sender's side shows the notice as sent to the NGO.
  const auto status = w.caseworker.cli({"consent", "show", w.the_case.id, "--json"});
  REQUIRE(status.exit_code == 0);
  const auto j = nlohmann::json::parse(status.out);
  CHECK(j["notices"]["issued"][0]["recipients"][0]["sent"] == true);
  CHECK(j["notices"]["issued"][0]["recipients"][0]["bundle_id"] == sent.bundle_id);
}

TEST_CASE("finding 4: a notice id seen before is skipped, even in another bundle", "[exchange][notices]") {
  TwoDesks w;
  send_first(w);
  owner_deletes(w.caseworker, w.the_case.id, {w.incident.id});
  const auto file = w.caseworker.dir / "notice.age";
  notices_only(w, file);
  CHECK(import_into(w.ngo, file).report.notices.at(0).outcome == "applied");
  CHECK_FALSE(holds(w.ngo.v(), w.incident.id));

  // The same notice file, replayed in a bundle with another id.
  OpenedExport opened(w, file);
  CaseSet replay;
  replay.case_ids = {w.the_case.id};
  for (const auto& e : opened.entries) {
    if (e.path.rfind("notices/", 0) == 0) replay.files.push_back({e.path, e.bytes});
  }
  REQUIRE(replay.files.size() == 1);
  const auto again = import_into(w.ngo, seal_by(w.caseworker, w.ngo, replay, w.caseworker.dir / "replay.age"));
  REQUIRE(again.report.notices.size() == 1);
  CHECK(again.report.notices[0].outcome == "already_applied");
}

TEST_CASE("finding 4: a deletion notice deletes the owner's records and keeps the receiver's own",
          "[exchange][notices]") {
  TwoDesks w;
  send_first(w);
  // The NGO adds its own records: an intervention, and a legal measure that
  // refers to the owner's evidence item.
  auto& ngo = w.ngo.v();
  const auto own = ngo.records().create("intervention", w.the_case.id, intervention_fields()).value();
  const auto measure = ngo.records().create("legal_measure", w.the_case.id, legal_measure_fields(w.evidence.id)).value();
  const auto files_before = std::distance(fs::directory_iterator(w.ngo.folder / "attachments"), fs::directory_iterator());

  // At the interviewee's request the caseworker deletes the incident, the
  // evidence item and the empty voicemail; the NGO's intervention is listed
  // too (a hostile or mistaken list), which the NGO keeps.
  const auto n = owner_deletes(w.caseworker, w.the_case.id, {w.incident.id, w.evidence.id, w.empty_evidence.id});
  const auto file = w.caseworker.dir / "second.age";
  // An ordinary export of the case carries the waiting notice.
  const auto sent = w.export_to(file);
  CHECK(sent.notices == 1);
  const auto done = import_into(w.ngo, file);
  REQUIRE(done.report.notices.size() == 1);
  const auto& r = done.report.notices[0];
  CHECK(r.outcome == "applied");
  auto deleted = r.deleted;
  std::sort(deleted.begin(), deleted.end());
  auto expected_deleted = std::vector<std::string>{w.empty_evidence.id, w.incident.id};
  std::sort(expected_deleted.begin(), expected_deleted.end());
  CHECK(deleted == expected_deleted);
  // The evidence item stays: the NGO's legal measure refers to it.
  CHECK(r.kept == std::vector<std::string>{w.evidence.id});
  CHECK_FALSE(holds(ngo, w.incident.id));
  CHECK_FALSE(holds(ngo, w.empty_evidence.id));
  CHECK(holds(ngo, w.evidence.id));
  CHECK(holds(ngo, own.id));
  CHECK(holds(ngo, measure.id));
  CHECK(holds(ngo, w.consent.id));
  CHECK(audit_has(w.ngo, w.the_case.id, "record_deleted", n.notice.id));
  // The voicemail's (empty) attachment was shredded with its record.
  const auto files_after = std::distance(fs::directory_iterator(w.ngo.folder / "attachments"), fs::directory_iterator());
  CHECK(files_after == files_before - 1);

  // Then the whole case, at the interviewee's request: every record goes,
  // the NGO's own too, and every attachment file.
  const auto whole = owner_deletes(w.caseworker, w.the_case.id, {});
  CHECK(whole.notice.records.empty());
  const auto last = w.caseworker.dir / "last.age";
  notices_only(w, last);  // by case id: the case is gone from the owner's vault
  const auto gone = import_into(w.ngo, last);
  CHECK(gone.report.notices.at(0).outcome == "applied");
  CHECK_FALSE(holds(ngo, w.the_case.id));
  CHECK_FALSE(holds(ngo, own.id));
  CHECK(ngo.records().list_entity("evidence_item").value().empty());
  CHECK(std::distance(fs::directory_iterator(w.ngo.folder / "attachments"), fs::directory_iterator()) == 0);
}

TEST_CASE("finding 4: a notice from someone who does not own the case changes nothing", "[exchange][notices]") {
  TwoDesks w;
  send_first(w);
  // A copy holder issues nothing: its withdrawals and deletions stay local.
  storage::Notice local;
  local.kind = "deletion";
  local.case_id = w.the_case.id;
  auto refused = w.ngo.v().notices().issue(local);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == storage::VaultError::not_allowed);

  // The NGO forges notices to the caseworker about the caseworker's case,
  // signed with its own key and naming itself as owner: a whole-case deletion
  // and a withdrawal.
  const auto ngo_key = key_line_of(w.ngo);
  storage::Notice deletion{bundle::random_uuid4(), "deletion", w.the_case.id, ngo_key, "2026-12-01T10:00:00Z",
                           {}, {}, {}, {}};
  storage::Notice withdrawal{bundle::random_uuid4(), "withdrawal", w.the_case.id, ngo_key, "2026-12-01T10:00:00Z",
                             "2026-12-01T09:00:00Z", "all", {}, {}};
  CaseSet forged;
  forged.case_ids = {w.the_case.id};
  for (const auto* n : {&deletion, &withdrawal}) {
    forged.files.push_back({"notices/" + n->id + ".json", bytes_of(ex::encode_notice_file(*n))});
  }
  const auto file = seal_by(w.ngo, w.caseworker, forged, w.ngo.dir / "forged.age");
  auto snap = [&w] {
    auto s = snapshot(w.caseworker);
    s.audit_entries = 0;  // the import itself is audited
    s.bundles = 0;
    return s;
  };
  const auto before = snap();
  const auto done = import_into(w.caseworker, file);
  REQUIRE(done.report.notices.size() == 2);
  for (const auto& r : done.report.notices) {
    CHECK(r.outcome == "not_applied");
    CHECK(r.reason == "the case is this vault's own");
  }
  CHECK(snap() == before);
  CHECK(w.caseworker.v().consent().state(w.the_case.id).value() == storage::ConsentState::given);
  CHECK(w.caseworker.v().notices().applied().value().empty());

  // The same notices claiming the caseworker as owner, signed by the NGO:
  // content refused, nothing kept.
  for (auto* n : {&deletion, &withdrawal}) n->owner_key = key_line_of(w.caseworker);
  CaseSet claimed;
  claimed.case_ids = {w.the_case.id};
  claimed.files.push_back({"notices/" + deletion.id + ".json", bytes_of(ex::encode_notice_file(deletion))});
  const auto claimed_file = seal_by(w.ngo, w.caseworker, claimed, w.ngo.dir / "claimed.age");
  const auto exact = snapshot(w.caseworker);
  auto verified = ex::verify_bundle(w.caseworker.v(), claimed_file);
  REQUIRE_FALSE(verified);
  CHECK(verified.error().code == ex::ExchangeError::content_refused);
  auto imported = ex::import_bundle(w.caseworker.v(), claimed_file);
  REQUIRE_FALSE(imported);
  CHECK(imported.error().code == ex::ExchangeError::content_refused);
  CHECK(snapshot(w.caseworker) == exact);
}

TEST_CASE("notices: the reader takes exactly the members of 12.4, canonically encoded", "[exchange][notices]") {
  const std::string id = "3f1c2b7a-0d4e-4c5d-8e9f-0a1b2c3d4e5f";
  const std::string path = "notices/" + id + ".json";
  Party p;
  storage::Notice good{id, "withdrawal", "8d1c2f7a-3b4e-4c5d-8e9f-0a1b2c3d4e5f", p.sign.public_key().key_line(),
                       "2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z", "listed_scopes",
                       {"share_named_ngos", "share_own_lawyer"}, {}};
  const std::string text = ex::encode_notice_file(good);
  auto parsed = ex::parse_notice_file(path, bundle::as_bytes(text));
  REQUIRE(parsed);
  CHECK(*parsed == good);
  storage::Notice del = good;
  del.kind = "deletion";
  del.withdrawn_at.clear();
  del.extent.clear();
  del.scopes.clear();
  del.records = {"1b2d0c9e-1a7f-4e3b-b6c4-7d8e9f0a1b2c", "5b2d0c9e-1a7f-4e3b-b6c4-7d8e9f0a1b2c"};
  REQUIRE(ex::parse_notice_file(path, bundle::as_bytes(ex::encode_notice_file(del))));

  auto replaced = [](std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  const std::string del_text = ex::encode_notice_file(del);
  const std::vector<std::pair<const char*, std::string>> bad = {
      {"another id than the file name", replaced(text, "\"id\": \"3f1c", "\"id\": \"4f1c")},
      {"an unknown kind", replaced(text, "\"withdrawal\",", "\"retraction\",")},
      {"an extra member", replaced(text, "{\n", "{\n  \"a\": 1,\n")},
      {"records in a withdrawal", replaced(text, "\"owner\"", "\"records\": [],\n  \"owner\"")},
      {"listed scopes out of order", replaced(text, "\"share_named_ngos\",\n      \"share_own_lawyer\"",
                                              "\"share_own_lawyer\",\n      \"share_named_ngos\"")},
      {"an unknown scope", replaced(text, "share_own_lawyer", "share_with_everyone")},
      {"an unknown extent", replaced(text, "listed_scopes", "some_scopes")},
      {"all with scopes", replaced(text, "listed_scopes", "all")},
      {"a time that is not UTC", replaced(text, "2026-12-01T10:00:00Z", "2026-12-01 10:00")},
      {"records out of order", replaced(del_text, "\"1b2d", "\"6b2d")},
      {"a record id that is not a uuid4", replaced(del_text, "1b2d0c9e-1a7f-4e3b", "1b2d0c9e-1a7f-1e3b")},
      {"not the canonical encoding", replaced(text, "\"kind\": ", "\"kind\":")},
      {"a duplicate member", replaced(text, "{\n", "{\n  \"kind\": \"withdrawal\",\n")},
      {"an owner that is not a key line", replaced(text, p.sign.public_key().key_line(), "RWQ")},
  };
  for (const auto& [what, bytes] : bad) {
    INFO(what);
    auto r = ex::parse_notice_file(path, bundle::as_bytes(bytes));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ex::ExchangeError::content_refused);
  }
  // A version 1 bundle carries no notice.
  bundle::Manifest m;
  m.format_version = 1;
  m.bundle_id = bundle::random_uuid4();
  m.created = 1764583200;
  m.app_version = "0.1.0";
  m.sender = {"X", crypto::minisign::key_id_hex(p.sign.public_key().key_id()), p.sign.public_key().key_line(), p.recipient()};
  m.recipients = {p.recipient()};
  m.cases = {good.case_id};
  m.files = {{path, text.size(), bundle::sha256_of(text)}};
  CHECK_FALSE(bundle::validate_manifest(m));
  m.format_version = 2;
  CHECK(bundle::validate_manifest(m));
}

TEST_CASE("finding 4: a notice goes only in a bundle whose every recipient was sent the case",
          "[exchange][notices]") {
  // Every recipient reads every file of a bundle: a deletion notice in a
  // bundle that also goes to someone new would tell them which records the
  // owner deleted. It waits for a bundle of its addressees alone.
  TwoDesks w;
  send_first(w);
  Desk newcomer{"Newcomer Law"};
  auto& cw = w.caseworker.v();
  const auto added = ex::ContactBook(cw).add_card(bundle::as_bytes(newcomer.card()), "Newcomer Law", "ngo").value();
  const auto newcomer_at_caseworker = ex::ContactBook(cw).verify(added.id, "in_person").value().id;
  const auto sender = ex::ContactBook(newcomer.v()).add_card(bundle::as_bytes(w.caseworker.card()), {}, "ngo").value();
  REQUIRE(ex::ContactBook(newcomer.v()).verify(sender.id, "call"));
  const auto issued = owner_deletes(w.caseworker, w.the_case.id, {w.incident.id});

  const auto both = w.caseworker.dir / "both.age";
  auto shared = ex::export_bundle(cw, {{w.the_case.id}, {w.ngo_at_caseworker, newcomer_at_caseworker}, false}, both);
  REQUIRE(shared);
  CHECK(shared->notices == 0);
  const auto at_newcomer = import_into(newcomer, both);
  CHECK(at_newcomer.report.notices.empty());
  // Still waiting for the NGO, and the next bundle to the NGO alone carries it.
  const auto waiting = w.caseworker.v().notices().issued(w.the_case.id).value();
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0].notice.id == issued.notice.id);
  for (const auto& d : waiting[0].deliveries) {
    if (d.contact_id == w.ngo_at_caseworker) CHECK_FALSE(d.sent());
  }
  const auto alone = notices_only(w, w.caseworker.dir / "alone.age");
  CHECK(alone.notices == 1);
}

TEST_CASE("notices through the CLI: a withdrawal typed into the consent record travels; --json names recipients",
          "[exchange][notices][cli]") {
  TwoDesks w;
  send_first(w);

  // `record edit` of the consent is the same change as `consent withdraw`
  // (core::casework::save_record_edit): the notice is issued with it.
  const auto consent_id = w.caseworker.v().consent().current(w.the_case.id).value().consent_id;
  REQUIRE_FALSE(consent_id.empty());
  const std::string withdrawal = R"({"withdrawal": {"at": "2026-12-06T09:00:00Z", "extent": "all"}})";
  const auto file = w.caseworker.dir / "withdrawal.json";
  write_file(file, {reinterpret_cast<const std::uint8_t*>(withdrawal.data()), withdrawal.size()});
  const auto edited = w.caseworker.cli({"record", "edit", consent_id, "--from-file", file.string()});
  INFO(edited.err);
  REQUIRE(edited.exit_code == 0);
  CHECK(edited.out.find("holds a copy: " + w.ngo_at_caseworker) != std::string::npos);
  auto issued = w.caseworker.v().notices().issued(w.the_case.id).value();
  REQUIRE(issued.size() == 1);
  CHECK(issued[0].notice.kind == "withdrawal");
  REQUIRE(issued[0].deliveries.size() == 1);
  CHECK(issued[0].deliveries[0].contact_id == w.ngo_at_caseworker);

  // An ordinary edit of the same consent issues nothing more.
  const std::string note = R"({"language": "uig"})";
  write_file(file, {reinterpret_cast<const std::uint8_t*>(note.data()), note.size()});
  (void)w.caseworker.cli({"record", "edit", consent_id, "--from-file", file.string()});
  CHECK(w.caseworker.v().notices().issued(w.the_case.id).value().size() == 1);

  // `case delete --json`: one object naming the notice and who must get it.
  const auto deleted = w.caseworker.cli({"case", "delete", w.the_case.id, "--yes", "--json"});
  INFO(deleted.err);
  REQUIRE(deleted.exit_code == 0);
  const auto j = nlohmann::json::parse(deleted.out);
  CHECK(j.at("case_id") == w.the_case.id);
  CHECK(j.at("on_copy") == false);
  CHECK(j.at("notice").at("kind") == "deletion");
  REQUIRE(j.at("notice").at("recipients").size() == 1);
  CHECK(j.at("notice").at("recipients")[0].at("contact_id") == w.ngo_at_caseworker);
  CHECK_FALSE(j.at("notice").at("recipients")[0].at("name").get<std::string>().empty());
}
