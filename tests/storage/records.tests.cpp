// Records of every entity through a real SQLCipher vault: round trips,
// references, validation, timestamps, case references, deletion rules, import.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <set>

#include "safehold/schema/formats.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// A case with an interviewee and a consent granting `yes`.
struct CaseFixture : VaultFixture {
  Record the_case;
  Record interviewee;
  Record consent;
  explicit CaseFixture(std::vector<std::string> yes = {"be_interviewed", "store_real_identity", "share_named_ngos",
                                                       "share_own_lawyer", "audio_record", "be_recontacted"}) {
    the_case = vault.records().create("case", "", case_fields("Relatives questioned in Kashgar")).value();
    interviewee = vault.records().create("person", the_case.id, interviewee_fields("Nightingale")).value();
    consent = vault.records().create("consent", the_case.id, consent_fields(interviewee.id, yes)).value();
  }
  Record add(const std::string& entity, json fields) {
    auto r = vault.records().create(entity, the_case.id, std::move(fields));
    if (!r) FAIL(entity << ": " << r.error().describe());
    return *r;
  }
};

// Another identity's key line, and a bundle it signed (begun before its
// records are planned, as the bundle import does).
const std::string kSigner = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";

ImportedBundle bundle_from_sender(const std::string& id) {
  ImportedBundle b;
  b.bundle_id = id;
  b.created = "2026-12-01T10:00:00Z";
  b.signer_key = kSigner;
  b.signer_key_id = "0123456789ABCDEF";
  return b;
}

}  // namespace

TEST_CASE("records: every entity round-trips through the database", "[records]") {
  CaseFixture f;
  auto relative = f.add("person", relative_fields("Father"));
  auto incident = f.add("incident", incident_fields("Father questioned by PSB", "父亲被公安局约谈，要求我回国。", {"D1", "D4"}));
  auto evidence = f.add("evidence_item", evidence_fields("WeChat message from 国保 officer"));
  auto custody = f.add("custody_event", {{"evidence", evidence.id}, {"at", "2026-11-02T10:20:00Z"},
                                         {"actor", "A. Caseworker"}, {"action", "collected"}, {"note", "收到截图"}});
  auto measure = f.add("legal_measure", legal_measure_fields(evidence.id));
  auto session = f.add("interview_session", session_fields("Interviewee asked for a break; 受访者要求休息"));
  auto risk = f.add("risk_assessment", risk_fields("high"));
  auto intervention = f.add("intervention", intervention_fields());
  auto contact = f.vault.records().create("contact", "", contact_fields("Li Wei", "Safeguard NGO")).value();
  incident.fields["targets"] = {relative.id};
  incident = f.vault.records().update(incident.id, incident.fields).value();

  const std::vector<Record> all = {f.the_case, f.interviewee, f.consent, relative, incident, evidence, custody,
                                   measure, session, risk, intervention, contact};
  f.vault = f.reopen();
  for (const auto& r : all) {
    INFO(r.entity);
    CHECK(schema::is_uuid_v4(r.id));
    CHECK(schema::is_utc_timestamp(r.created_at));
    CHECK(r.updated_at >= r.created_at);
    auto back = f.vault.records().get(r.id);
    REQUIRE(back);
    CHECK(back->to_json() == r.to_json());
  }
  CHECK(f.vault.records().list(f.the_case.id).value().size() == all.size() - 2);  // not the case, not the contact
  CHECK(f.vault.records().list(f.the_case.id, "person").value().size() == 2);
  CHECK(f.vault.records().list_entity("contact").value().size() == 1);
  CHECK(f.vault.audit().verify()->intact);
}

TEST_CASE("records: the JSON shape is the one of DEVELOPERS.md and parses back strictly", "[records]") {
  CaseFixture f;
  const json j = f.interviewee.to_json();
  CHECK(j.size() == 6);
  CHECK(j["case_id"] == f.the_case.id);
  CHECK_FALSE(f.the_case.to_json().contains("case_id"));
  CHECK(Record::from_json(j)->to_json() == j);
  json extra = j;
  extra["secret"] = "x";
  CHECK(Record::from_json(extra).error().code == VaultError::invalid_record);
  json missing = j;
  missing.erase("updated_at");
  CHECK(Record::from_json(missing).error().code == VaultError::invalid_record);
}

TEST_CASE("records: cases get SH-<year>-<NNNN> references from a per-year sequence", "[records]") {
  VaultFixture f;
  auto a = f.vault.records().create("case", "", case_fields("first")).value();
  auto b = f.vault.records().create("case", "", case_fields("second")).value();
  const std::string year = a.created_at.substr(0, 4);
  CHECK(a.fields["reference"] == "SH-" + year + "-0001");
  CHECK(b.fields["reference"] == "SH-" + year + "-0002");
  auto given = case_fields("mine");
  given["reference"] = "SH-1999-0001";
  CHECK(f.vault.records().create("case", "", given).error().code == VaultError::invalid_record);
  auto updated = f.vault.records().update(a.id, case_fields("renamed"));  // no reference sent: kept
  REQUIRE(updated);
  CHECK(updated->fields["reference"] == a.fields["reference"]);
  CHECK(f.vault.records().find_case_by_reference("SH-" + year + "-0002").value()->id == b.id);
  CHECK_FALSE(f.vault.records().find_case_by_reference("SH-" + year + "-0003").value().has_value());
}

TEST_CASE("records: invalid fields are refused at write time without quoting values", "[records][validation]") {
  CaseFixture f;
  auto bad_code = incident_fields("t", "narrative SECRET-VALUE", {"Z9"});
  auto e = f.vault.records().create("incident", f.the_case.id, bad_code);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == VaultError::invalid_record);
  CHECK_THAT(e.error().describe(), ContainsSubstring("tactics"));
  CHECK_THAT(e.error().describe(), !ContainsSubstring("SECRET-VALUE"));
  CHECK_THAT(e.error().describe(), !ContainsSubstring("Z9"));

  auto unknown_field = incident_fields("t", "n", {"D1"});
  unknown_field["favourite_colour"] = "blue";
  CHECK(f.vault.records().create("incident", f.the_case.id, unknown_field).error().code == VaultError::invalid_record);
  auto no_tactics = incident_fields("t", "n", {});
  CHECK(f.vault.records().create("incident", f.the_case.id, no_tactics).error().code == VaultError::invalid_record);
  CHECK(f.vault.records().create("weather", f.the_case.id, json::object()).error().code == VaultError::invalid_record);
  CHECK(f.vault.records().create("incident", "", incident_fields("t", "n", {"D1"})).error().code ==
        VaultError::invalid_record);
  CHECK(f.vault.records().create("contact", f.the_case.id, contact_fields("x", "y")).error().code ==
        VaultError::invalid_record);
  CHECK(f.vault.records().create("incident", "00000000-0000-4000-8000-000000000000", incident_fields("t", "n", {"D1"}))
            .error()
            .code == VaultError::not_found);
  CHECK(f.vault.records().list(f.the_case.id, "incident").value().empty());
}

TEST_CASE("records: references must exist, be of the right entity and in the same case", "[records][references]") {
  CaseFixture f;
  auto other_case = f.vault.records().create("case", "", case_fields("other")).value();
  auto other_person = f.vault.records().create("person", other_case.id, interviewee_fields("Elsewhere")).value();
  auto incident = incident_fields("t", "n", {"D1"});
  incident["targets"] = {other_person.id};
  auto e = f.vault.records().create("incident", f.the_case.id, incident);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == VaultError::invalid_reference);
  CHECK_THAT(e.error().describe(), ContainsSubstring("targets[0]"));
  incident["targets"] = {"5f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10"};
  CHECK(f.vault.records().create("incident", f.the_case.id, incident).error().code == VaultError::invalid_reference);
  incident["targets"] = {f.consent.id};  // a consent is not a person
  CHECK(f.vault.records().create("incident", f.the_case.id, incident).error().code == VaultError::invalid_reference);
  incident["targets"] = {f.interviewee.id};
  CHECK(f.vault.records().create("incident", f.the_case.id, incident).has_value());
}

TEST_CASE("records: update keeps id and created_at, bumps updated_at, and is audited", "[records]") {
  CaseFixture f;
  auto inc = f.add("incident", incident_fields("before", "n", {"D1"}));
  auto changed = inc.fields;
  changed["title"] = "after";
  auto up = f.vault.records().update(inc.id, changed);
  REQUIRE(up);
  CHECK(up->id == inc.id);
  CHECK(up->created_at == inc.created_at);
  CHECK(up->updated_at >= inc.updated_at);
  CHECK(f.vault.records().get(inc.id)->fields["title"] == "after");
  auto history = f.vault.audit().for_object(inc.id).value();
  REQUIRE(history.size() == 2);
  CHECK(history[0].action == "record_created");
  CHECK(history[1].action == "record_updated");
  CHECK(history[1].case_id == f.the_case.id);
  CHECK(history[0].digest != history[1].digest);
  CHECK(f.vault.records().update("5f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10", changed).error().code == VaultError::not_found);
}

TEST_CASE("records: delete rules", "[records][delete]") {
  CaseFixture f;
  auto relative = f.add("person", relative_fields("Father"));
  auto inc = incident_fields("t", "n", {"D1"});
  inc["targets"] = {relative.id};
  auto incident = f.add("incident", inc);
  auto evidence = f.add("evidence_item", evidence_fields("screenshot"));
  auto custody = f.add("custody_event", {{"evidence", evidence.id}, {"action", "collected"}});

  SECTION("a referenced record is refused, naming who refers to it") {
    auto e = f.vault.records().remove(relative.id);
    REQUIRE_FALSE(e);
    CHECK(e.error().code == VaultError::has_dependents);
    CHECK_THAT(e.error().describe(), ContainsSubstring("incident " + incident.id));
    REQUIRE(f.vault.records().remove(incident.id));
    REQUIRE(f.vault.records().remove(relative.id));
    CHECK(f.vault.records().get(relative.id).error().code == VaultError::not_found);
  }
  SECTION("an evidence item takes its custody events with it") {
    REQUIRE(f.vault.records().remove(evidence.id));
    CHECK(f.vault.records().get(custody.id).error().code == VaultError::not_found);
  }
  SECTION("the only consent of a case with consent-bound records is refused") {
    auto e = f.vault.records().remove(f.consent.id);
    REQUIRE_FALSE(e);
    CHECK(e.error().code == VaultError::not_allowed);
    CHECK_THAT(e.error().describe(), ContainsSubstring(f.the_case.fields["reference"].get<std::string>()));
  }
  SECTION("a case takes everything with it, each deletion audited") {
    REQUIRE(f.vault.records().remove(f.the_case.id));
    for (const auto& id : {f.the_case.id, f.interviewee.id, f.consent.id, relative.id, incident.id, evidence.id, custody.id}) {
      CHECK(f.vault.records().get(id).error().code == VaultError::not_found);
    }
    CHECK(f.vault.cases().count({}).value() == 0);
    std::size_t deleted = 0;
    const auto trail = f.vault.audit().for_case(f.the_case.id).value();
    for (const auto& e : trail) deleted += e.action == "record_deleted";
    CHECK(deleted == 7);
    CHECK(f.vault.audit().verify()->intact);
  }
}

// Records with given ids come only from a bundle, through the ledger's plan
// (core's casework writer drives it; tests/core/casework.tests.cpp and the
// exchange tests cover the whole path). Here: the steps cannot be skipped,
// repeated or run outside a batch.
TEST_CASE("records: a bundle's records are stored only from the ledger's plan, each once, before settling",
          "[records][import]") {
  CaseFixture src;
  auto evidence = src.add("evidence_item", evidence_fields("letter"));
  std::vector<IncomingRecord> received;
  for (const auto& r : {src.the_case, src.interviewee, src.consent, evidence}) received.push_back({r, std::nullopt});

  VaultFixture dst;
  CHECK(dst.vault.bundles().plan_records("b", kSigner, received).error().code == VaultError::invalid_argument);
  auto batch = dst.vault.begin_batch().value();
  REQUIRE(dst.vault.bundles().begin_import(bundle_from_sender("b")));
  auto plan = dst.vault.bundles().plan_records("b", kSigner, received).value();
  REQUIRE(plan.size() == 4);
  CHECK(plan.outcome().created.size() == 4);
  CHECK(dst.vault.bundles().settle_planned(plan).error().code == VaultError::invalid_argument);  // nothing stored yet
  for (std::size_t i = 0; i < plan.size(); ++i) REQUIRE(dst.vault.bundles().store_planned(plan, i));
  SECTION("a batch holding stored records whose references were not settled cannot commit") {
    CHECK(batch.commit().error().code == VaultError::not_allowed);
    CHECK(dst.vault.records().get(evidence.id).error().code == VaultError::not_found);
  }
  SECTION("settled, it commits") {
    CHECK(dst.vault.bundles().store_planned(plan, 0).error().code == VaultError::invalid_argument);  // twice
    CHECK(dst.vault.bundles().store_planned(plan, 4).error().code == VaultError::invalid_argument);  // not in the plan
    REQUIRE(dst.vault.bundles().settle_planned(plan));
    CHECK(dst.vault.bundles().settle_planned(plan).error().code == VaultError::invalid_argument);  // twice
    REQUIRE(batch.commit());
    CHECK(dst.vault.records().get(evidence.id)->to_json() == evidence.to_json());
    CHECK(dst.vault.audit().for_case(src.the_case.id).value().front().action == "record_imported");
  }
}

TEST_CASE("records: in a batch, a refused write leaves the batch usable; one that failed after writing breaks it",
          "[records][batch]") {
  CaseFixture f;
  auto incident = [] { return incident_fields("Relatives questioned", "父亲被约谈。", {"D1"}); };
  SECTION("refused before writing: the batch commits the rest") {
    auto batch = f.vault.begin_batch();
    REQUIRE(batch);
    const auto first = f.add("incident", incident());
    auto bad = incident();
    bad["tactics"] = {"not-a-tactic"};
    CHECK(f.vault.records().create("incident", f.the_case.id, bad).error().code == VaultError::invalid_record);
    const auto second = f.add("incident", incident());
    REQUIRE(batch->commit());
    CHECK(f.vault.records().get(first.id));
    CHECK(f.vault.records().get(second.id));
  }
  SECTION("failed after writing: later writes and the commit are refused, nothing is kept") {
    auto batch = f.vault.begin_batch();
    REQUIRE(batch);
    const auto kept = f.add("incident", incident());
    // A bundle's references are checked once all its records are in: a
    // dangling one fails after the row was written.
    Record measure;
    measure.id = "3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10";
    measure.entity = "legal_measure";
    measure.case_id = f.the_case.id;
    measure.created_at = measure.updated_at = "2026-11-02T09:30:00Z";
    measure.fields = legal_measure_fields("8d1c9a52-5d0e-4c7b-9a51-0c1d7e2b9f11");
    REQUIRE(f.vault.bundles().begin_import(bundle_from_sender("b")));
    auto plan = f.vault.bundles().plan_records("b", kSigner, {{measure, std::nullopt}}).value();
    REQUIRE(f.vault.bundles().store_planned(plan, 0));
    CHECK(f.vault.bundles().settle_planned(plan).error().code == VaultError::invalid_reference);
    CHECK(f.vault.records().create("incident", f.the_case.id, incident()).error().code == VaultError::not_allowed);
    CHECK(batch->commit().error().code == VaultError::not_allowed);
    CHECK(f.vault.records().get(kept.id).error().code == VaultError::not_found);
    CHECK(f.vault.records().get(measure.id).error().code == VaultError::not_found);
    CHECK(f.vault.audit().verify()->intact);
    CHECK(f.vault.records().create("incident", f.the_case.id, incident()));  // the vault works on
  }
}

TEST_CASE("records: scan_fields and for_each_current in chunks visit every row once, the vault free between chunks",
          "[records][scan]") {
  CaseFixture f;
  // Twenty incidents and cases written within a second or two: created_at
  // ties across chunk boundaries, which the rid breaks.
  std::vector<std::string> cases{f.the_case.id};
  for (int i = 0; i < 20; ++i) {
    f.add("incident", incident_fields("Incident " + std::to_string(i), "n", {"D1"}));
    cases.push_back(f.vault.records().create("case", "", case_fields("Case " + std::to_string(i))).value().id);
  }
  const std::string names[] = {"title"};
  for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{7}, std::size_t{2000}}) {
    INFO("chunk " << chunk);
    std::multiset<std::string> titles;
    std::size_t chunks = 0;
    bool added = false;
    ScanHooks hooks;
    hooks.chunk = chunk;
    hooks.progress = [&](std::size_t visited) {
      ++chunks;
      CHECK(visited == titles.size());
      // The lock is free here: a write between chunks goes through (and the
      // new incident, the newest, is visited once, at the end).
      if (!added && chunk == 3) added = static_cast<bool>(f.vault.records().create(
          "incident", f.the_case.id, incident_fields("Added while scanning", "n", {"D1"})));
    };
    REQUIRE(f.vault.records().scan_fields("incident", names, [&](const PartialRecord& r) {
      CHECK(r.case_id == f.the_case.id);
      titles.insert(r.fields.at("title").get<std::string>());
    }, hooks));
    const std::size_t expected = chunk == 1 ? 20 : 21;  // the added one exists from chunk 3 on
    CHECK(titles.size() == expected);
    for (const auto& t : titles) CHECK(titles.count(t) == 1);
    CHECK(chunks == expected / chunk + 1);  // the last chunk is the short (or empty) one
    std::vector<std::string> seen;
    REQUIRE(f.vault.consent().for_each_current([&](const std::string& id, const CurrentConsent&) { seen.push_back(id); },
                                                ScanHooks{.cancel_requested = {}, .progress = {}, .chunk = chunk}));
    CHECK(seen == cases);  // oldest case first, each once
  }
  // A cancel before a chunk stops the scan.
  std::size_t visited = 0;
  ScanHooks stop{.cancel_requested = [&] { return visited >= 4; }, .progress = {}, .chunk = 2};
  auto cancelled = f.vault.records().scan_fields("incident", names, [&](const PartialRecord&) { ++visited; }, stop);
  REQUIRE_FALSE(cancelled);
  CHECK(cancelled.error().code == VaultError::cancelled);
  CHECK(visited == 4);
  REQUIRE(f.vault.records().count_entity("incident").value() == 21);
}
