// core/casework's record-set writer against a real vault: the model-derived
// order (whatever the caller's), references both ways, attachments, and all
// or nothing on every failure.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "safehold/core/casework/record_set.hpp"
#include "safehold/schema/write_order.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::test;
using namespace safehold::core::casework;
using Catch::Matchers::ContainsSubstring;

namespace {

const std::string kCase = "11111111-1111-4111-8111-111111111111";
const std::string kPerson = "22222222-2222-4222-8222-222222222222";
const std::string kConsent = "33333333-3333-4333-8333-333333333333";
const std::string kMeasure = "44444444-4444-4444-8444-444444444444";
const std::string kEvidence = "55555555-5555-4555-8555-555555555555";

struct SetFixture : VaultFixture {
  std::filesystem::path file = dir / "photo.png";
  SetFixture() { write_file(file, as_bytes("not really a png")); }

  // The caller's order is the worst one for the consent gate: the
  // interviewee's legal name (needs store_real_identity) and the evidence
  // before the consent, the measure before the evidence it points at.
  RecordSet intake() const {
    auto person = interviewee_fields("Swallow");
    person["legal_name"] = {{"pinyin", "Test Name"}};
    auto measure = legal_measure_fields(kEvidence);
    auto evidence = evidence_fields("screenshot");
    evidence["measures"] = {kMeasure};
    RecordSet set;
    set.records = {{kPerson, "person", person, {}},
                   {kMeasure, "legal_measure", measure, {}},
                   {kEvidence, "evidence_item", evidence, file},
                   {kConsent, "consent", consent_fields(kPerson, {"be_interviewed", "store_real_identity"}), {}},
                   {kCase, "case", case_fields("Intake"), {}}};
    return set;
  }
  std::size_t case_count() { return vault.cases().list({}).value().size(); }
};

}  // namespace

TEST_CASE("casework: the write order comes from the model", "[casework]") {
  const auto& model = schema::Model::builtin();
  CHECK(schema::write_rank(*model.entity("case")) == 0);
  CHECK(schema::write_rank(*model.entity("contact")) == 0);
  CHECK(schema::write_rank(*model.entity("consent")) == 1);
  for (const char* e : {"person", "incident", "evidence_item", "legal_measure", "interview_session", "custody_event"}) {
    INFO(e);
    CHECK(schema::write_rank(*model.entity(e)) == 2);
  }
}

TEST_CASE("casework: a set in the caller's worst order is written whole, references remapped both ways",
          "[casework]") {
  SetFixture f;
  std::vector<std::size_t> files_done;
  WriteHooks hooks;
  hooks.attachment_done = [&](std::size_t i) { files_done.push_back(i); };
  auto written = write_record_set(f.vault, f.intake(), hooks);
  REQUIRE(written);
  CHECK(files_done == std::vector<std::size_t>{2});
  REQUIRE(written->records.size() == 5);
  const auto& ids = written->ids;
  CHECK(written->case_id == ids.at(kCase));
  for (const auto& draft : {kCase, kPerson, kConsent, kMeasure, kEvidence}) CHECK(ids.at(draft) != draft);
  auto stored = [&](const std::string& draft) { return f.vault.records().get(ids.at(draft)).value(); };
  CHECK(stored(kConsent).fields.at("person") == ids.at(kPerson));
  CHECK(stored(kMeasure).fields.at("evidence") == json::array({ids.at(kEvidence)}));
  CHECK(stored(kEvidence).fields.at("measures") == json::array({ids.at(kMeasure)}));
  CHECK(stored(kPerson).fields.at("legal_name").at("pinyin") == "Test Name");
  CHECK(stored(kPerson).case_id == written->case_id);
  // The records returned are those stored, in the caller's order.
  CHECK(written->records[1].fields == stored(kMeasure).fields);
  auto attachment = f.vault.attachments().for_evidence(ids.at(kEvidence)).value();
  REQUIRE(attachment);
  CHECK(attachment->size == 16);
  CHECK(written->records[2].fields.contains("sha256"));
  CHECK(f.vault.consent().state(written->case_id).value() == storage::ConsentState::given);

  SECTION("a set for an existing case adds to it") {
    RecordSet more{written->case_id, {{"", "incident", incident_fields("Call", "narrative", {"D1"}), {}}}};
    auto added = write_record_set(f.vault, more).value();
    CHECK(added.case_id == written->case_id);
    CHECK(added.records[0].case_id == written->case_id);
    CHECK(f.vault.records().list(written->case_id, "incident")->size() == 1);
  }
}

TEST_CASE("casework: a refusal, a failure or a cancel anywhere leaves nothing", "[casework]") {
  SetFixture f;
  auto set = f.intake();
  SECTION("an invalid record after others were written") {
    set.records.push_back({"", "incident", incident_fields("Call", "narrative", {"NO-SUCH-TACTIC"}), {}});
    auto r = write_record_set(f.vault, set);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == RecordSetError::record);
    CHECK(r.error().index == std::optional<std::size_t>(5));
    CHECK(r.error().entity == "incident");
    REQUIRE(r.error().vault);
    CHECK(r.error().vault->code == storage::VaultError::invalid_record);
  }
  SECTION("a field the consent does not allow") {
    set.records[3].fields["scopes"]["store_real_identity"] = "no";
    auto r = write_record_set(f.vault, set);
    REQUIRE_FALSE(r);
    CHECK(r.error().index == std::optional<std::size_t>(0));
    CHECK(r.error().vault->code == storage::VaultError::consent_scope_refused);
  }
  SECTION("a missing attachment file") {
    set.records[2].attachment = f.dir / "gone.png";
    auto r = write_record_set(f.vault, set);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == RecordSetError::attachment);
    CHECK(r.error().index == std::optional<std::size_t>(2));
  }
  SECTION("cancelled during the file") {
    WriteHooks hooks;
    hooks.file.cancel_requested = [] { return true; };
    auto r = write_record_set(f.vault, set, hooks);
    REQUIRE_FALSE(r);
    CHECK(r.error().vault->code == storage::VaultError::cancelled);
  }
  SECTION("a reference to a record that exists nowhere") {
    set.records[1].fields["evidence"] = {"66666666-6666-4666-8666-666666666666"};
    auto r = write_record_set(f.vault, set);
    REQUIRE_FALSE(r);
    CHECK(r.error().vault->code == storage::VaultError::invalid_reference);
  }
  CHECK(f.case_count() == 0);
  CHECK(f.vault.records().list_entity("person").value().empty());
  CHECK(f.vault.records().list_entity("consent").value().empty());
}

TEST_CASE("casework: sets that are not one case are refused before anything is written", "[casework]") {
  SetFixture f;
  auto two_cases = f.intake();
  two_cases.records.push_back({"", "case", case_fields("Second"), {}});
  CHECK(write_record_set(f.vault, two_cases).error().code == RecordSetError::invalid_set);
  RecordSet no_case{"", {{"", "incident", incident_fields("t", "n", {"D1"}), {}}}};
  CHECK(write_record_set(f.vault, no_case).error().code == RecordSetError::invalid_set);
  auto file_on_person = f.intake();
  file_on_person.records[0].attachment = f.file;
  auto r = write_record_set(f.vault, file_on_person);
  CHECK(r.error().code == RecordSetError::invalid_set);
  CHECK_THAT(r.error().describe(), ContainsSubstring("evidence"));
  auto twice = f.intake();
  twice.records[1].draft_id = kPerson;
  CHECK(write_record_set(f.vault, twice).error().code == RecordSetError::invalid_set);
  RecordSet contact{"", {{"", "case", case_fields("c"), {}}, {"", "contact", contact_fields("A", "B"), {}}}};
  CHECK(write_record_set(f.vault, contact).error().code == RecordSetError::invalid_set);
  CHECK(f.case_count() == 0);
}

// ---- the received path: a bundle's records, ids kept (write_received_set) ----

namespace {

const std::string kSigner = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";  // the sender's key line

// A vault that receives: each import stages in its own Batch, as the bundle
// import does, and commits only what write_received_set accepted.
struct Receiver : VaultFixture {
  expected<storage::ImportOutcome, RecordSetFailure> receive(const std::string& bundle_id,
                                                             std::vector<storage::IncomingRecord> records) {
    auto batch = vault.begin_batch();
    if (!batch) throw std::runtime_error("batch");
    storage::ImportedBundle b;
    b.bundle_id = bundle_id;
    b.created = "2026-12-01T10:00:00Z";
    b.signer_key = kSigner;
    b.signer_key_id = "0123456789ABCDEF";
    b.sender_name = "Sender";
    if (!vault.bundles().begin_import(b)) throw std::runtime_error("begin_import");
    auto out = write_received_set(vault, {bundle_id, kSigner, std::move(records)});
    if (!out) {
      batch->rollback();
      return out;
    }
    if (!batch->commit()) throw std::runtime_error("commit");
    return out;
  }
  std::size_t case_count() { return vault.cases().list({}).value().size(); }
};

// The sender's intake as a bundle carries it (format version 1: no owner or
// revision), in the worst order for the consent gate: the interviewee's
// legal name and the evidence before the consent, the case last, and a
// measure <-> evidence cycle.
std::vector<storage::IncomingRecord> as_received(const WrittenSet& sent) {
  std::vector<storage::IncomingRecord> out;
  for (const auto& r : sent.records) out.push_back({r, std::nullopt});
  return out;
}

}  // namespace

TEST_CASE("casework: a received set keeps the sender's ids, in the model's order, references any way round",
          "[casework][received]") {
  SetFixture sender;
  const auto sent = write_record_set(sender.vault, sender.intake()).value();
  REQUIRE(sent.records.back().entity == "case");
  Receiver r;
  auto got = r.receive("bundle-1", as_received(sent));
  REQUIRE(got);
  CHECK(got->created.size() == 5);
  CHECK(got->written() == 5);
  for (const auto& rec : sent.records) {
    INFO(rec.entity);
    CHECK(r.vault.records().get(rec.id)->to_json() == rec.to_json());  // ids, timestamps, fields as sent
    CHECK(r.vault.records().owner(rec.id).value() == kSigner);
    auto from = r.vault.bundles().provenance(rec.id).value();
    REQUIRE(from);
    CHECK(from->first_bundle_id == "bundle-1");
  }
  // The sender's records are the sender's: this vault cannot delete one alone.
  CHECK(r.vault.records().remove(sent.ids.at(kEvidence)).error().code == storage::VaultError::not_allowed);
  std::size_t imported = 0;
  for (const auto& e : r.vault.audit().for_case(sent.case_id).value()) imported += e.action == "record_imported";
  CHECK(imported == 5);

  SECTION("the same records again change nothing") {
    auto again = r.receive("bundle-2", as_received(sent));
    REQUIRE(again);
    CHECK(again->written() == 0);
    CHECK(again->unchanged == 5);
  }
  SECTION("an id this vault holds as another record refuses the set, and nothing of it stays") {
    auto next = as_received(sent);
    next[0].record.updated_at = "2030-01-01T00:00:00Z";  // a newer interviewee beside...
    storage::Record squat = sent.records[1];             // ...the case's id on an incident
    squat.id = sent.case_id;
    squat.entity = "incident";
    squat.fields = incident_fields("t", "n", {"D1"});
    next.push_back({squat, std::nullopt});
    auto refused = r.receive("bundle-3", next);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().vault->code == storage::VaultError::not_allowed);
    CHECK(r.vault.records().get(sent.records[0].id)->updated_at == sent.records[0].updated_at);
  }
}

TEST_CASE("casework: a received set refused anywhere leaves the vault as it was", "[casework][received]") {
  SetFixture sender;
  const auto sent = write_record_set(sender.vault, sender.intake()).value();
  Receiver r;
  auto records = as_received(sent);
  SECTION("an invalid record") {
    records[1].record.fields["type"] = "not_a_measure";
    auto got = r.receive("bundle-1", records);
    REQUIRE_FALSE(got);
    CHECK(got.error().vault->code == storage::VaultError::invalid_record);
  }
  SECTION("a field the set's own consent does not allow, found after the case and consent were written") {
    records[3].record.fields["scopes"]["store_real_identity"] = "no";
    auto got = r.receive("bundle-1", records);
    REQUIRE_FALSE(got);
    CHECK(got.error().vault->code == storage::VaultError::consent_scope_refused);
    CHECK(got.error().entity == "person");
  }
  SECTION("a reference to a record that exists nowhere") {
    records[1].record.fields["evidence"] = {"66666666-6666-4666-8666-666666666666"};
    auto got = r.receive("bundle-1", records);
    REQUIRE_FALSE(got);
    CHECK(got.error().vault->code == storage::VaultError::invalid_reference);
  }
  SECTION("outside a batch") {
    auto got = write_received_set(r.vault, {"bundle-1", kSigner, records});
    REQUIRE_FALSE(got);
    CHECK(got.error().vault->code == storage::VaultError::invalid_argument);
  }
  CHECK(r.case_count() == 0);
  for (const auto& rec : sent.records) CHECK(r.vault.records().get(rec.id).error().code == storage::VaultError::not_found);
}
