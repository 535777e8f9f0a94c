// Consent is enforced, not just recorded (data-model.md): the gate before a
// consent record exists, scope-bound fields, withdrawal, the current consent
// and the dispatch history.
#include <set>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
using Catch::Matchers::ContainsSubstring;

namespace {

struct NewCase : VaultFixture {
  Record the_case = vault.records().create("case", "", case_fields("Passport not renewed")).value();
  std::string reference = the_case.fields["reference"].get<std::string>();
  Record interviewee = vault.records().create("person", the_case.id, interviewee_fields("Swallow")).value();

  expected<Record, StorageError> add(const std::string& entity, json fields) {
    return vault.records().create(entity, the_case.id, std::move(fields));
  }
  Record give_consent(const std::vector<std::string>& yes) {
    return add("consent", consent_fields(interviewee.id, yes)).value();
  }
};

}  // namespace

TEST_CASE("consent gate: before consent only the case, consent, sessions and the interviewee", "[consent]") {
  NewCase c;
  CHECK(c.add("interview_session", session_fields("first meeting")).has_value());
  const std::vector<std::pair<std::string, json>> refused = {
      {"incident", incident_fields("t", "n", {"C1"})},
      {"person", relative_fields("Mother")},
      {"evidence_item", evidence_fields("photo")},
      {"legal_measure", legal_measure_fields()},
      {"risk_assessment", risk_fields("high")},
      {"intervention", intervention_fields()},
  };
  for (const auto& [entity, fields] : refused) {
    INFO(entity);
    auto r = c.add(entity, fields);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == VaultError::consent_required);
    CHECK_THAT(r.error().describe(), ContainsSubstring(c.reference));
    CHECK_THAT(r.error().describe(), ContainsSubstring(entity));
  }
  // The interviewee may not be turned into someone else before consent either.
  auto changed = c.interviewee.fields;
  changed["roles"] = {"witness"};
  CHECK(c.vault.records().update(c.interviewee.id, changed).error().code == VaultError::consent_required);

  c.give_consent({"be_interviewed"});
  CHECK(c.vault.consent().state(c.the_case.id).value() == ConsentState::given);
  for (const auto& [entity, fields] : refused) {
    INFO(entity);
    auto r = c.add(entity, fields);
    CHECK(r.has_value());
  }
}

TEST_CASE("consent scopes: identity, recording and recontact fields need their scope", "[consent]") {
  NewCase c;
  auto with_name = c.interviewee.fields;
  with_name["legal_name"] = {{"hanzi", "王小明"}, {"pinyin", "Wang Xiaoming"}};
  with_name["exact_address"] = "Oudegracht 1, Utrecht";

  SECTION("refused before any consent and when the scope is not yes") {
    auto r = c.vault.records().update(c.interviewee.id, with_name);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == VaultError::consent_scope_refused);
    CHECK_THAT(r.error().describe(), ContainsSubstring("store_real_identity"));
    CHECK_THAT(r.error().describe(), !ContainsSubstring("王小明"));
    c.give_consent({"be_interviewed"});
    CHECK(c.vault.records().update(c.interviewee.id, with_name).error().code == VaultError::consent_scope_refused);
    auto audio = c.add("interview_session", session_fields("recorded", "audio"));
    REQUIRE_FALSE(audio);
    CHECK_THAT(audio.error().describe(), ContainsSubstring("audio_record"));
    auto evidence = evidence_fields("scan");
    evidence["original_file_name"] = "passport_wang.jpg";
    CHECK(c.add("evidence_item", evidence).error().code == VaultError::consent_scope_refused);
  }
  SECTION("accepted once the scope is yes; not answered needs nothing") {
    c.give_consent({"be_interviewed", "store_real_identity", "audio_record"});
    CHECK(c.vault.records().update(c.interviewee.id, with_name).has_value());
    CHECK(c.add("interview_session", session_fields("recorded", "audio")).has_value());
    CHECK(c.add("interview_session", session_fields("filmed", "video")).error().code ==
          VaultError::consent_scope_refused);
    auto declined = c.interviewee.fields;
    declined["safe_contact"] = {{"not_answered", "declined"}};
    CHECK(c.vault.records().update(c.interviewee.id, declined).has_value());
  }
  SECTION("a consent record may grant recontact and record the method in one write") {
    auto fields = consent_fields(c.interviewee.id, {"be_interviewed", "be_recontacted"});
    fields["recontact_allowed"] = true;
    fields["recontact_method"] = "Signal, evenings only";
    CHECK(c.add("consent", fields).has_value());
    auto no_scope = consent_fields(c.interviewee.id, {"be_interviewed"});
    no_scope["recontact_method"] = "Signal";
    CHECK(c.add("consent", no_scope).error().code == VaultError::consent_scope_refused);
  }
}

TEST_CASE("consent: the current consent is the latest given, with its disclosure level and withdrawal",
          "[consent]") {
  NewCase c;
  CHECK(c.vault.consent().current(c.the_case.id)->state == ConsentState::none);
  auto first = c.give_consent({"be_interviewed", "share_named_ngos"});
  auto later = consent_fields(c.interviewee.id, {"be_interviewed"});
  later["given_at"] = "2026-11-05T09:30:00Z";
  later["disclosure"] = "named";
  later["allowed_recipients"] = {{{"organisation", "Safeguard NGO"}}};
  auto second = c.add("consent", later).value();
  auto now = c.vault.consent().current(c.the_case.id).value();
  CHECK(now.consent_id == second.id);
  CHECK(now.disclosure == "named");
  CHECK(now.answer("share_named_ngos") == "no");
  CHECK(now.restricts_recipients);
  CHECK(now.allowed_organisations == std::set<std::string>{"Safeguard NGO"});
  CHECK_FALSE(now.withdrawal_mark);
  // An earlier given_at does not become current by being written later.
  auto earlier = consent_fields(c.interviewee.id, {"be_interviewed", "share_own_lawyer"});
  earlier["given_at"] = "2026-10-01T09:30:00Z";
  REQUIRE(c.add("consent", earlier));
  CHECK(c.vault.consent().current(c.the_case.id)->consent_id == second.id);
  auto f = second.fields;
  f["withdrawal"] = {{"at", "2026-11-20T08:00:00Z"}, {"extent", "all"}};
  REQUIRE(c.vault.records().update(second.id, f));
  now = c.vault.consent().current(c.the_case.id).value();
  CHECK(now.state == ConsentState::withdrawn);
  CHECK(now.answer("be_interviewed") == "no");
  CHECK(c.vault.consent().current("3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10").error().code == VaultError::not_found);
  (void)first;
}

TEST_CASE("consent: to whom a case was already sent comes from the audit trail", "[consent][export]") {
  NewCase c;
  c.give_consent({"be_interviewed", "share_named_ngos"});
  CHECK(c.vault.consent().sent_to(c.the_case.id).value().empty());
  for (const char* to : {"contact-a", "contact-b"}) {
    BundleEvent e;
    e.case_id = c.the_case.id;
    e.counterparty = to;
    e.bundle_id = std::string("bundle-") + to;
    REQUIRE(c.vault.audit().record_bundle_event(e));
  }
  BundleEvent imported;
  imported.action = AuditAction::bundle_imported;
  imported.case_id = c.the_case.id;
  imported.counterparty = "contact-c";
  CHECK(c.vault.audit().record_bundle_event(imported).error().code == VaultError::invalid_argument);  // no bundle id
  imported.bundle_id = "bundle-earlier";
  REQUIRE(c.vault.audit().record_bundle_event(imported));
  CHECK(c.vault.audit().bundle_imported("").value() == false);
  imported.bundle_id = "bundle-in";
  CHECK_FALSE(c.vault.audit().bundle_imported("bundle-in").value());
  REQUIRE(c.vault.audit().record_bundle_event(imported));
  CHECK(c.vault.audit().bundle_imported("bundle-in").value());
  CHECK_FALSE(c.vault.audit().bundle_imported("bundle-contact-a").value());  // exported, not imported
  auto sent = c.vault.consent().sent_to(c.the_case.id).value();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].contact_id == "contact-a");
  CHECK(sent[1].reference == "bundle-contact-b");
  CHECK_FALSE(sent[1].at.empty());
}
