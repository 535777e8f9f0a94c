// Issue 10, findings 6 and 9: every record has one owner (schema/bundle-v1.md
// 12.2). A receiver adds records of its own to a case and sends them back;
// the owner's import keeps its own records as they are and takes the
// receiver's as the receiver's. A copy holder can neither edit the owner's
// records in its vault nor send the owner a consent record.
#include <catch2/catch_test_macros.hpp>

#include <utility>

#include "exchange_world.hpp"
#include "safehold/core/exchange/record_files.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

// Every record of `d` as canonical JSON, by id.
std::map<std::string, std::string> records_of(Desk& d) { return snapshot(d).records; }

// A bundle signed by `from`'s real keys and encrypted to `to`, holding
// `records` (encoded as Safehold's writer does): a verified but hostile sender.
std::vector<std::uint8_t> seal_records(Desk& from, Desk& to, const std::string& case_id,
                                       const std::vector<storage::Record>& records) {
  CaseSet set;
  set.case_ids = {case_id};
  for (const auto& r : records) {
    const std::string text = ex::encode_record_file(r);
    set.files.push_back({"cases/" + case_id + "/" + r.id + ".json", bytes_of(text)});
  }
  std::sort(set.files.begin(), set.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  Party p;
  p.age = from.v().identity().age_identity().value();
  p.sign = from.v().identity().signing_key().value();
  bundle::WriteOptions v1;
  v1.format_version = 1;
  return seal(p, set, {to.recipient()}, v1);
}

// The case sent to the NGO (redacted unless `identifying`) and imported there.
void send_to_ngo(TwoDesks& w, bool identifying) {
  const auto file = w.caseworker.dir / "to-ngo.age";
  std::filesystem::remove(file);
  w.export_to(file, identifying);
  const auto r = w.ngo.cli({"import", file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// The caseworker withdraws consent; returns the export check to the NGO,
// which the withdrawal now refuses (exit 4).
std::vector<std::string> withdraw_at_caseworker(TwoDesks& w) {
  const auto withdrawn = w.caseworker.cli({"consent", "withdraw", w.the_case.id});
  INFO(withdrawn.err);
  REQUIRE(withdrawn.exit_code == 0);
  const std::vector<std::string> check = {"export", "--case", w.the_case.id, "--to", w.ngo_at_caseworker, "--check"};
  REQUIRE(w.caseworker.cli(check).exit_code == 4);
  return check;
}

// A new consent for the case, later than the withdrawal, saying "yes" to
// everything an export to the NGO needs: what a hostile copy holder sends.
storage::Record later_consent_saying_yes(TwoDesks& w) {
  storage::Record consent;
  consent.id = bundle::random_uuid4();
  consent.entity = "consent";
  consent.case_id = w.the_case.id;
  consent.created_at = consent.updated_at = "2031-01-01T00:00:00Z";
  consent.fields = consent_fields(w.interviewee.id, {"be_interviewed", "share_named_ngos", "store_real_identity"});
  return consent;
}

}  // namespace

TEST_CASE("finding 6: a receiver's annotated copy goes back to the owner, owner's records untouched",
          "[exchange][ownership]") {
  TwoDesks w;
  send_to_ngo(w, false);  // the NGO holds a redacted copy: it differs from the caseworker's
  auto added = w.ngo.v().records().create("intervention", w.the_case.id, intervention_fields());
  REQUIRE(added);
  const auto back = w.ngo.dir / "back.age";
  REQUIRE(ex::export_bundle(w.ngo.v(), {{w.the_case.id}, {w.caseworker_at_ngo}, false}, back));

  const auto before = records_of(w.caseworker);
  const auto r = w.caseworker.cli({"import", back.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);  // before: exit 21, the whole bundle refused
  CHECK(r.out.find("new: ") != std::string::npos);
  CHECK(r.out.find(added->id) != std::string::npos);
  // Every record the caseworker held is exactly as it was (nothing downgraded
  // to the redacted copy), and the NGO's intervention is there as the NGO's.
  const auto after = records_of(w.caseworker);
  for (const auto& [id, json] : before) {
    INFO(id);
    REQUIRE(after.contains(id));
    CHECK(after.at(id) == json);
  }
  auto& cw = w.caseworker.v();
  CHECK(cw.records().get(added->id).value().to_json() == added->to_json());
  const auto ngo_key = w.ngo.v().identity().info().value().minisign_public_key;
  CHECK(cw.records().owner(added->id).value() == ngo_key);
  CHECK(cw.records().owner(w.incident.id).value().empty());  // still the caseworker's own
  CHECK(cw.audit().verify().value().intact);
}

TEST_CASE("finding 9: a copy holder cannot send the owner a consent that undoes a withdrawal",
          "[exchange][ownership]") {
  TwoDesks w;
  send_to_ngo(w, true);
  const auto check = withdraw_at_caseworker(w);

  // The NGO (verified, hostile) sends the case record it holds and a new,
  // later consent saying "yes" to everything the export needs.
  const storage::Record consent = later_consent_saying_yes(w);
  const auto held_case = w.ngo.v().records().get(w.the_case.id).value();
  const auto bytes = seal_records(w.ngo, w.caseworker, w.the_case.id, {held_case, consent});
  const auto file = w.caseworker.dir / "hostile.age";
  write_file(file, bytes);

  const auto before = snapshot(w.caseworker);
  const auto r = w.caseworker.cli({"import", file.string()});
  INFO(r.err);
  CHECK(r.exit_code == 22);  // content refused: consent is the case owner's
  CHECK(r.err.find("not from the case owner") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(snapshot(w.caseworker) == before);
  CHECK(w.caseworker.cli(check).exit_code == 4);  // before: 0, the withdrawal undone
}

// The same attack in format 2, where each record names its owner: the
// hostile copy holder signs with its own key but writes the case owner's key
// into the consent's `owner`. A record is applied only when its owner is the
// signer, so the forged consent is never written and the withdrawal stands.
TEST_CASE("ownership: a consent whose owner member names the case owner but is signed by a copy holder is not applied",
          "[exchange][ownership]") {
  TwoDesks w;
  send_to_ngo(w, true);
  const auto check = withdraw_at_caseworker(w);

  const storage::Record consent = later_consent_saying_yes(w);
  storage::RecordMeta forged;
  forged.owner_key = w.caseworker.v().identity().info().value().minisign_public_key;
  forged.revision.id = bundle::random_uuid4();
  CaseSet set;
  set.case_ids = {w.the_case.id};
  set.files.push_back({"cases/" + w.the_case.id + "/" + consent.id + ".json",
                       bytes_of(ex::encode_record_file(consent, forged))});
  Party p;
  p.age = w.ngo.v().identity().age_identity().value();
  p.sign = w.ngo.v().identity().signing_key().value();
  const auto file = w.caseworker.dir / "forged-owner.age";
  write_file(file, seal(p, set, {w.caseworker.recipient()}, bundle::WriteOptions{}));

  const auto before = snapshot(w.caseworker);
  const auto r = w.caseworker.cli({"import", file.string()});
  INFO(r.err);
  CHECK(r.exit_code == 22);  // content refused: consent is the case owner's, whatever the file says
  CHECK(r.err.find("not from the case owner") != std::string::npos);
  CHECK(snapshot(w.caseworker) == before);
  CHECK(w.caseworker.v().records().get(consent.id).has_value() == false);
  CHECK(w.caseworker.cli(check).exit_code == 4);  // the withdrawal stands
}

TEST_CASE("ownership: a receiver cannot change or delete the owner's records, nor record consent",
          "[exchange][ownership]") {
  TwoDesks w;
  send_to_ngo(w, true);
  auto& ngo = w.ngo.v();
  const auto before = snapshot(w.ngo);
  auto edited = ngo.records().update(w.incident.id, incident_fields("Changed", "改了。", {"D1"}));
  REQUIRE_FALSE(edited);
  CHECK(edited.error().code == storage::VaultError::not_allowed);
  CHECK(edited.error().describe().find("add a record of your own") != std::string::npos);
  auto removed = ngo.records().remove(w.incident.id);
  REQUIRE_FALSE(removed);
  CHECK(removed.error().code == storage::VaultError::not_allowed);
  auto consent = ngo.records().create("consent", w.the_case.id, consent_fields(w.interviewee.id, {"be_interviewed"}));
  REQUIRE_FALSE(consent);
  CHECK(consent.error().code == storage::VaultError::not_allowed);
  CHECK(snapshot(w.ngo) == before);

  // The same through the CLI: one line, the vault unchanged.
  for (std::vector<std::string> args : {std::vector<std::string>{"record", "delete", w.incident.id, "--yes"},
                                        std::vector<std::string>{"record", "edit", w.incident.id, "--field",
                                                                 "title=Changed"}}) {
    const auto r = w.ngo.cli(args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.exit_code != 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("belongs to the vault with key id") != std::string::npos);
  }
  CHECK(snapshot(w.ngo) == before);

  // Its own records in the case are its to change; the local copy of the
  // whole case may go.
  auto note = ngo.records().create("intervention", w.the_case.id, intervention_fields());
  REQUIRE(note);
  CHECK(ngo.records().owner(note->id).value().empty());
  CHECK(ngo.records().update(note->id, intervention_fields()));
  CHECK(ngo.records().remove(note->id));
  CHECK(ngo.records().remove(w.the_case.id));
}

TEST_CASE("ownership: migration 3 gives a vault's records to it, imported ones to their signer, each a revision",
          "[exchange][ownership][migration]") {
  TwoDesks w;
  send_to_ngo(w, true);
  auto own = w.ngo.v().records().create("intervention", w.the_case.id, intervention_fields());
  REQUIRE(own);
  w.ngo.lock();
  {
    // The vault as schema version 2 left it: no owner column (nor the
    // notice tables of version 4).
    RawDb raw(w.ngo.folder, kDeskPass);
    raw.exec("DROP TABLE applied_notices; DROP TABLE notice_deliveries; DROP TABLE issued_notices;"
             "DROP TABLE IF EXISTS case_withdrawals; DROP TABLE record_conflicts;"
             "ALTER TABLE records DROP COLUMN owner_key; ALTER TABLE records DROP COLUMN revision_n;"
             "ALTER TABLE records DROP COLUMN revision_id; ALTER TABLE records DROP COLUMN revision_history;"
             "ALTER TABLE records DROP COLUMN withheld; PRAGMA user_version = 2;");
  }
  auto& ngo = w.ngo.v();  // unlock runs migration 3
  const auto cw_key = w.caseworker.v().identity().info().value().minisign_public_key;
  CHECK(ngo.records().owner(w.incident.id).value() == cw_key);
  CHECK(ngo.records().owner(w.the_case.id).value() == cw_key);
  CHECK(ngo.records().owner(own->id).value().empty());
  const auto meta = ngo.records().meta(w.incident.id).value();
  CHECK(meta.revision.n == 1);
  CHECK(bundle::is_uuid4(meta.revision.id));
  CHECK(meta.revision.id != ngo.records().meta(own->id).value().revision.id);
  CHECK_FALSE(ngo.records().update(w.incident.id, incident_fields("x", "y", {"D1"})));
}

namespace {

// A version 1 bundle from the NGO back to the caseworker, made by hand: the
// case record, `evidence` (the NGO's copy of the caseworker's evidence item)
// with `bytes` as its attachment, and `note`, an intervention of the NGO's own.
std::filesystem::path copy_back_with_attachment(TwoDesks& w, const storage::Record& evidence,
                                                const std::vector<std::uint8_t>& bytes, storage::Record& note,
                                                const char* name) {
  note = w.incident;
  note.id = bundle::random_uuid4();
  note.entity = "intervention";
  note.fields = intervention_fields();
  CaseSet set;
  set.case_ids = {w.the_case.id};
  for (const storage::Record* r : {&std::as_const(w.the_case), &evidence, &std::as_const(note)}) {
    set.files.push_back({"cases/" + w.the_case.id + "/" + r->id + ".json", bytes_of(ex::encode_record_file(*r))});
  }
  std::sort(set.files.begin(), set.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  set.files.push_back({"attachments/" + w.evidence.id, bytes});
  Party p;
  p.age = w.ngo.v().identity().age_identity().value();
  p.sign = w.ngo.v().identity().signing_key().value();
  bundle::WriteOptions v1;
  v1.format_version = 1;
  const auto file = w.ngo.dir / name;
  write_file(file, seal(p, set, {w.caseworker.recipient()}, v1));
  return file;
}

}  // namespace

TEST_CASE("ownership: a copy holder's other content for the owner's evidence item is not kept; the rest imports",
          "[exchange][ownership]") {
  TwoDesks w;
  // The NGO's copy of the caseworker's evidence item, with other bytes (and
  // the size and hash that go with them), and an intervention of its own.
  const auto other = pseudo_random_bytes(4096, 7);
  auto evidence = w.evidence;
  evidence.fields["size"] = other.size();
  evidence.fields["sha256"] = to_hex(bundle::sha256_of(other));
  storage::Record note;
  const auto file = copy_back_with_attachment(w, evidence, other, note, "other-content.age");

  const auto attachment_before = w.caseworker.v().attachments().for_evidence(w.evidence.id).value();
  const auto evidence_before = w.caseworker.v().records().get(w.evidence.id).value();
  // Before: the whole bundle was refused (exit 21, record conflict).
  const auto r = w.caseworker.cli({"import", file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("not from its owner (kept ours):") != std::string::npos);
  const auto attachment_after = w.caseworker.v().attachments().for_evidence(w.evidence.id).value();
  REQUIRE(attachment_after);
  CHECK(attachment_after->sha256 == attachment_before->sha256);
  CHECK(w.caseworker.v().records().get(w.evidence.id).value().to_json() == evidence_before.to_json());
  CHECK(w.caseworker.v().records().get(note.id));
}

// Issue 10: a stripped copy (no size, no SHA-256: a subset of the owner's
// fields, so as a record it changes nothing) with other bytes refused the
// whole bundle (exit 21, "already has different content"); the NGO's own
// intervention never arrived.
TEST_CASE("ownership: a copy holder's stripped copy of the owner's evidence item with other bytes is skipped",
          "[exchange][ownership][regression]") {
  TwoDesks w;
  const auto other = pseudo_random_bytes(4096, 11);
  auto evidence = w.evidence;
  evidence.fields.erase("size");
  evidence.fields.erase("sha256");
  storage::Record note;
  const auto file = copy_back_with_attachment(w, evidence, other, note, "stripped.age");
  const auto attachment_before = w.caseworker.v().attachments().for_evidence(w.evidence.id).value();
  const auto evidence_before = w.caseworker.v().records().get(w.evidence.id).value().to_json();
  const auto r = w.caseworker.cli({"import", file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto attachment_after = w.caseworker.v().attachments().for_evidence(w.evidence.id).value();
  REQUIRE(attachment_after);
  CHECK(attachment_after->sha256 == attachment_before->sha256);
  CHECK(w.caseworker.v().records().get(w.evidence.id).value().to_json() == evidence_before);
  CHECK(w.caseworker.v().records().get(note.id));
}
