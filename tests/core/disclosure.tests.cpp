// core/disclosure against a real vault: what of a case may go to a contact, a
// kind of recipient or anonymised statistics. Every identifying field of the
// model holds a marker string; no marker may come out unless the consent and
// the caller both allow it, and every withheld field is listed with its reason.
#include <functional>
#include <set>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "safehold/core/disclosure/disclosure.hpp"
#include "safehold/base/byte_io.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::test;
using namespace safehold::core::disclosure;
using Catch::Matchers::ContainsSubstring;
using storage::ConsentState;
using storage::Record;

namespace {

constexpr const char* kMarker = "MARKER-";

// A case whose every identifying field (per schema/model/entities.json) holds
// a marker: person legal_name, aliases, exact_address, safe_contact; incident
// exact_location; legal_measure reference_number; evidence_item
// original_file_name; consent interpreter, recontact_method;
// interview_session interpreter.name.
struct MarkedCase : VaultFixture {
  Record the_case = vault.records().create("case", "", case_fields("Passport not renewed")).value();
  std::string reference = the_case.fields["reference"].get<std::string>();
  Record interviewee = vault.records().create("person", the_case.id, interviewee_fields("Swallow")).value();
  Record consent = give({"be_interviewed", "store_real_identity", "be_recontacted", "share_named_ngos",
                         "anonymised_statistics"});
  Record ngo = contact("Li Wei", "Safeguard NGO", "ngo");
  Record lawyer = contact("M. Durand", "Cabinet Durand", "lawyer");
  Record evidence;
  Record custody;

  MarkedCase() {
    auto person = interviewee.fields;
    person["legal_name"] = {{"hanzi", "MARKER-hanzi"}, {"pinyin", "MARKER-pinyin"}};
    person["aliases"] = {{{"name", "MARKER-alias"}}};
    person["exact_address"] = "MARKER-address";
    person["safe_contact"] = {{"method", "Signal"}, {"details", "MARKER-safe-contact"}};
    interviewee = vault.records().update(interviewee.id, person).value();
    auto session = session_fields("first meeting");
    session["interpreter"]["name"] = "MARKER-interpreter-name";
    add("interview_session", session);
    auto incident = incident_fields("Questioned", "narrative", {"D1"});
    incident["exact_location"] = "MARKER-exact-location";
    add("incident", incident);
    auto measure = legal_measure_fields();
    measure["reference_number"] = "MARKER-reference-number";
    add("legal_measure", measure);
    auto ev = evidence_fields("screenshot of the call");
    ev["original_file_name"] = "MARKER-file-name.png";
    evidence = add("evidence_item", ev);
    const std::string content = "attachment bytes";
    base::SpanSource src(as_bytes(content));
    REQUIRE(vault.attachments().import(evidence.id, src));
    custody = add("custody_event", {{"evidence", evidence.id},
                                    {"at", "2026-11-03T10:00:00Z"},
                                    {"action", "transferred"},
                                    {"note", "sealed bundle 1234 for Other Holder"}});
  }

  Record add(const std::string& entity, json fields) {
    return vault.records().create(entity, the_case.id, std::move(fields)).value();
  }
  Record give(const std::vector<std::string>& yes, const std::string& disclosure = "pseudonym") {
    auto f = consent_fields(interviewee.id, yes);
    f["disclosure"] = disclosure;
    f["interpreter"] = "MARKER-consent-interpreter";
    f["recontact_allowed"] = true;
    f["recontact_method"] = "MARKER-recontact-method";
    return add("consent", f);
  }
  Record contact(const std::string& name, const std::string& org, const std::string& kind) {
    auto f = contact_fields(name, org);
    f["kind"] = kind;
    return vault.records().create("contact", "", f).value();
  }
  void change_consent(const std::function<void(json&)>& edit) {
    auto f = vault.records().get(consent.id)->fields;
    edit(f);
    consent = vault.records().update(consent.id, f).value();
  }
};

// (entity, withheld path) over all records.
std::set<std::pair<std::string, std::string>> withheld_of(const DisclosedCase& c, WithheldReason reason) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& r : c.records) {
    for (const auto& w : r.withheld) {
      if (w.reason == reason) out.insert({r.record.entity, w.path});
    }
  }
  return out;
}

bool any_marker(const DisclosedCase& c) {
  for (const auto& r : c.records) {
    if (r.record.fields.dump().find(kMarker) != std::string::npos) return true;
  }
  return false;
}

const std::set<std::pair<std::string, std::string>> kIdentifying = {
    {"person", "legal_name"},       {"person", "aliases"},
    {"person", "exact_address"},    {"person", "safe_contact"},
    {"incident", "exact_location"}, {"legal_measure", "reference_number"},
    {"evidence_item", "original_file_name"}, {"consent", "interpreter"},
    {"consent", "recontact_method"}, {"interview_session", "interpreter.name"},
};

}  // namespace

TEST_CASE("disclosure: identifying fields stay in the vault unless asked for and allowed", "[disclosure]") {
  MarkedCase c;
  const Audience to = Audience::contact(c.ngo.id);

  auto plain = disclose_case(c.vault, c.the_case.id, to).value();
  REQUIRE(plain.allowed());
  CHECK_FALSE(plain.identifying_included);
  CHECK_FALSE(any_marker(plain));
  CHECK(withheld_of(plain, WithheldReason::identifying) == kIdentifying);
  // Nothing else was withheld for being identifying: the rest is all there.
  REQUIRE(plain.records.size() == 1 + c.vault.records().list(c.the_case.id)->size());
  CHECK(plain.records.front().record.entity == "case");
  CHECK(plain.records.front().record.id == c.the_case.id);

  SECTION("asking without disclosure level named is a refusal, not an omission") {
    auto asked = disclose_case(c.vault, c.the_case.id, to, {.include_identifying = true}).value();
    REQUIRE_FALSE(asked.allowed());
    CHECK(asked.records.empty());
    REQUIRE(asked.refusals.size() == 1);
    CHECK(asked.refusals[0].scope == "store_real_identity");
    CHECK(asked.refusals[0].contact_id.empty());
    CHECK_THAT(asked.refusals[0].message, ContainsSubstring(c.reference));
    CHECK_THAT(asked.refusals[0].message, ContainsSubstring("\"pseudonym\""));
    CHECK(asked.refusals[0].message.find(kMarker) == std::string::npos);
  }
  SECTION("with store_real_identity yes and disclosure named, asked for, they go") {
    c.change_consent([](json& f) { f["disclosure"] = "named"; });
    CHECK(c.vault.consent().current(c.the_case.id)->disclosure == "named");
    // Not asked for: still withheld.
    CHECK_FALSE(any_marker(disclose_case(c.vault, c.the_case.id, to).value()));
    auto asked = disclose_case(c.vault, c.the_case.id, to, {.include_identifying = true}).value();
    REQUIRE(asked.allowed());
    CHECK(asked.identifying_included);
    CHECK(any_marker(asked));
    CHECK(withheld_of(asked, WithheldReason::identifying).empty());
    // Statistics never take them.
    auto stats = disclose_case(c.vault, c.the_case.id, Audience::statistics(), {.include_identifying = true}).value();
    CHECK_FALSE(stats.allowed());
    CHECK(stats.records.empty());
  }
  SECTION("a listed withdrawal of store_real_identity takes them back") {
    c.change_consent([](json& f) {
      f["disclosure"] = "named";
      f["withdrawal"] = {{"at", "2026-11-20T08:00:00Z"}, {"extent", "listed_scopes"}, {"scopes", {"store_real_identity"}}};
    });
    auto asked = disclose_case(c.vault, c.the_case.id, to, {.include_identifying = true}).value();
    REQUIRE_FALSE(asked.allowed());
    CHECK_THAT(asked.refusals[0].message, ContainsSubstring("\"no\""));
  }
}

TEST_CASE("disclosure: a custody note naming an earlier bundle's holders never goes", "[disclosure]") {
  MarkedCase c;
  auto d = disclose_case(c.vault, c.the_case.id, Audience::contact(c.ngo.id)).value();
  REQUIRE(d.allowed());
  CHECK(withheld_of(d, WithheldReason::names_other_holders) ==
        std::set<std::pair<std::string, std::string>>{{"custody_event", "note"}});
  for (const auto& r : d.records) {
    CHECK(r.record.fields.dump().find("Other Holder") == std::string::npos);
    if (r.record.id == c.custody.id) CHECK(r.record.fields.at("action") == "transferred");
    if (r.record.id == c.evidence.id) {
      REQUIRE(r.attachment);
      CHECK(r.attachment->size == 16);
    } else {
      CHECK_FALSE(r.attachment);
    }
  }
  CHECK(std::string(describe(WithheldReason::names_other_holders)).find("holders") != std::string::npos);
}

TEST_CASE("disclosure: each audience needs its scope and, if listed, its place among the allowed recipients",
          "[disclosure]") {
  MarkedCase c;
  const Audience ngo = Audience::contact(c.ngo.id);
  const Audience lawyer = Audience::contact(c.lawyer.id);

  CHECK(check_case(c.vault, c.the_case.id, std::span(&ngo, 1))->allowed());
  CHECK(check_case(c.vault, c.the_case.id, std::span(&ngo, 1))->audiences[0].recipient_kind == "ngo");
  auto d = disclose_case(c.vault, c.the_case.id, lawyer).value();
  CHECK_FALSE(d.allowed());
  CHECK(d.records.empty());
  REQUIRE(d.refusals.size() == 1);
  CHECK(d.refusals[0].scope == "share_own_lawyer");
  CHECK(d.refusals[0].contact_id == c.lawyer.id);
  CHECK_THAT(d.refusals[0].message, ContainsSubstring(c.reference));
  CHECK(disclose_case(c.vault, c.the_case.id, Audience::of_kind("ngo"))->allowed());
  CHECK_FALSE(disclose_case(c.vault, c.the_case.id, Audience::of_kind("un_body"))->allowed());
  // Several audiences: allowed only when every one is; each refusal listed.
  const std::vector<Audience> both = {ngo, lawyer};
  auto two = check_case(c.vault, c.the_case.id, both).value();
  CHECK(two.refusals.size() == 1);
  CHECK_FALSE(two.allowed());

  SECTION("allowed recipients: by contact id or organisation; a kind names nobody") {
    c.change_consent([&](json& f) {
      f["scopes"]["share_own_lawyer"] = "yes";
      f["allowed_recipients"] = {{{"contact", c.lawyer.id}}};
    });
    CHECK(disclose_case(c.vault, c.the_case.id, lawyer)->allowed());
    d = disclose_case(c.vault, c.the_case.id, ngo).value();
    CHECK_FALSE(d.allowed());
    CHECK_THAT(d.refusals[0].message, ContainsSubstring("allowed recipients"));
    d = disclose_case(c.vault, c.the_case.id, Audience::of_kind("ngo")).value();
    CHECK_FALSE(d.allowed());
    CHECK_THAT(d.refusals[0].message, ContainsSubstring("allowed recipients"));
    c.change_consent([&](json& f) {
      f["allowed_recipients"] = {{{"contact", c.lawyer.id}}, {{"organisation", "safeguard ngo "}}};
    });
    CHECK(disclose_case(c.vault, c.the_case.id, ngo)->allowed());
  }
  SECTION("a listed withdrawal refuses that scope only") {
    c.change_consent([](json& f) {
      f["withdrawal"] = {{"at", "2026-11-20T08:00:00Z"}, {"extent", "listed_scopes"}, {"scopes", {"share_named_ngos"}}};
    });
    d = disclose_case(c.vault, c.the_case.id, ngo).value();
    CHECK(d.consent.state == ConsentState::given);
    REQUIRE_FALSE(d.allowed());
    CHECK(d.refusals[0].scope == "share_named_ngos");
    CHECK(counts_in_statistics(c.vault, c.the_case.id).value());
  }
  SECTION("a full withdrawal refuses every audience, statistics included") {
    c.change_consent([](json& f) {
      // Storage refuses to keep, under a withdrawn consent, the recontact
      // method that needs be_recontacted.
      f.erase("recontact_method");
      f["withdrawal"] = {{"at", "2026-11-20T08:00:00Z"}, {"extent", "future_use"}};
    });
    for (const auto& a : {ngo, Audience::of_kind("ngo"), Audience::statistics()}) {
      d = disclose_case(c.vault, c.the_case.id, a).value();
      CHECK(d.consent.state == ConsentState::withdrawn);
      REQUIRE_FALSE(d.allowed());
      CHECK_THAT(d.refusals[0].message, ContainsSubstring("withdrawn"));
      CHECK(d.records.empty());
      CHECK_FALSE(d.counts_in_statistics);
    }
    CHECK_FALSE(counts_in_statistics(c.vault, c.the_case.id).value());
  }
  SECTION("a contact without a kind cannot be checked") {
    auto f = c.ngo.fields;
    f.erase("kind");
    REQUIRE(c.vault.records().update(c.ngo.id, f));
    d = disclose_case(c.vault, c.the_case.id, ngo).value();
    REQUIRE_FALSE(d.allowed());
    CHECK_THAT(d.refusals[0].message, ContainsSubstring("no kind of recipient"));
  }
}

TEST_CASE("disclosure: statistics count only cases whose consent says yes to them", "[disclosure]") {
  MarkedCase c;
  CHECK(counts_in_statistics(c.vault, c.the_case.id).value());
  auto d = disclose_case(c.vault, c.the_case.id, Audience::statistics()).value();
  CHECK(d.allowed());
  CHECK(d.counts_in_statistics);
  CHECK_FALSE(any_marker(d));
  c.change_consent([](json& f) { f["scopes"]["anonymised_statistics"] = "later"; });
  CHECK_FALSE(counts_in_statistics(c.vault, c.the_case.id).value());
  d = disclose_case(c.vault, c.the_case.id, Audience::statistics()).value();
  REQUIRE_FALSE(d.allowed());
  CHECK(d.refusals[0].scope == "anonymised_statistics");
  CHECK_THAT(d.refusals[0].message, ContainsSubstring("\"later\""));
}

TEST_CASE("disclosure: no consent, nothing goes", "[disclosure]") {
  VaultFixture f;
  auto the_case = f.vault.records().create("case", "", case_fields("New")).value();
  auto d = disclose_case(f.vault, the_case.id, Audience::of_kind("lawyer")).value();
  CHECK(d.consent.state == ConsentState::none);
  REQUIRE_FALSE(d.allowed());
  CHECK_THAT(d.refusals[0].message, ContainsSubstring("no consent record"));
  CHECK(d.records.empty());
  CHECK_FALSE(counts_in_statistics(f.vault, the_case.id).value());
}

TEST_CASE("disclosure: unknown cases, contacts and kinds are failures, not refusals", "[disclosure]") {
  MarkedCase c;
  const std::string nobody = "3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10";
  CHECK(disclose_case(c.vault, nobody, Audience::of_kind("ngo")).error().code == DisclosureError::not_found);
  CHECK(disclose_case(c.vault, c.the_case.id, Audience::contact(nobody)).error().code == DisclosureError::not_found);
  CHECK(disclose_case(c.vault, c.the_case.id, Audience::contact(c.interviewee.id)).error().code ==
        DisclosureError::invalid_input);
  CHECK(disclose_case(c.vault, c.the_case.id, Audience::of_kind("journalist")).error().code ==
        DisclosureError::invalid_input);
  CHECK(check_case(c.vault, c.the_case.id, {}).error().code == DisclosureError::invalid_input);
  CHECK(counts_in_statistics(c.vault, nobody).error().code == DisclosureError::not_found);
}
