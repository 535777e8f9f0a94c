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
