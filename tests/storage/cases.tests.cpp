// The case list: summary columns maintained on every write, filters, sort,
// paging and count.
#include <algorithm>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include "case_list_tuning.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;

namespace {

struct ListFixture : VaultFixture {
  // Three cases: A (urgent, open, D1+D4 in CN, risk high then critical),
  // B (low, closed, C1 in CN + measure in TH), C (normal, open, no consent).
  Record a, b, c;
  ListFixture() {
    a = make_case("Alpha: relatives questioned", "open", "urgent");
    b = make_case("Bravo: passport cancelled", "closed", "low");
    c = make_case("Charlie: intake pending", "open", "normal");
    consent(a);
    consent(b);
    add(a, "incident", incident_fields("Father questioned", "父亲被约谈 by the police", {"D1"}));
    add(a, "incident", incident_fields("Messages via mother", "母亲转达劝返信息", {"D4", "D1"}));
    add(a, "risk_assessment", risk_fields("high", "2026-10-01T10:00:00Z"));
    add(a, "risk_assessment", risk_fields("critical", "2026-11-01T10:00:00Z"));
    add(a, "risk_assessment", risk_fields("low", "2026-09-01T10:00:00Z"));  // older: not the latest
    add(b, "incident", incident_fields("Embassy refused renewal", "The embassy in Bangkok kept the passport.",
                                       {"C1"}));
    add(b, "legal_measure", legal_measure_fields());
  }
  Record make_case(const std::string& title, const std::string& status, const std::string& priority) {
    return vault.records().create("case", "", case_fields(title, status, priority)).value();
  }
  void consent(const Record& k) {
    auto p = vault.records().create("person", k.id, interviewee_fields("P")).value();
    REQUIRE(vault.records().create("consent", k.id, consent_fields(p.id, {"be_interviewed"})));
  }
  Record add(const Record& k, const std::string& entity, json fields) {
    auto r = vault.records().create(entity, k.id, std::move(fields));
    if (!r) FAIL(r.error().describe());
    return *r;
  }
  std::vector<std::string> titles(const CaseQuery& q) {
    std::vector<std::string> out;
    auto rows = vault.cases().list(q);
    if (!rows) FAIL(rows.error().describe());
    for (const auto& r : *rows) out.push_back(r.title.substr(0, r.title.find(':')));
    return out;
  }
};

}  // namespace

TEST_CASE("case list: summary columns follow the records", "[cases]") {
  ListFixture f;
  auto a = f.vault.cases().get(f.a.id).value();
  CHECK(a.reference == f.a.fields["reference"]);
  CHECK(a.status == "open");
  CHECK(a.priority == "urgent");
  CHECK(a.risk_rating == "critical");
  CHECK(a.tactics == std::vector<std::string>{"D1", "D4"});
  CHECK(a.countries == std::vector<std::string>{"CN"});
  CHECK(a.purposes == std::vector<std::string>{"asylum_claim", "interpol_ccf_challenge"});
  CHECK(a.consent == ConsentState::given);
  CHECK(a.last_change >= a.created_at);
  auto b = f.vault.cases().get(f.b.id).value();
  CHECK(b.countries == std::vector<std::string>{"CN", "TH"});
  CHECK(b.risk_rating.empty());
  CHECK(f.vault.cases().get(f.c.id)->consent == ConsentState::none);

  // Deleting the only D4 incident removes D4; deleting the latest assessment falls back.
  auto incidents = f.vault.records().list(f.a.id, "incident").value();
  REQUIRE(f.vault.records().remove(incidents[1].id));
  auto risks = f.vault.records().list(f.a.id, "risk_assessment").value();
  REQUIRE(f.vault.records().remove(risks[1].id));
  a = f.vault.cases().get(f.a.id).value();
  CHECK(a.tactics == std::vector<std::string>{"D1"});
  CHECK(a.risk_rating == "high");
  auto renamed = f.a.fields;
  renamed["title"] = "Alpha: renamed";
  renamed["status"] = "active";
  REQUIRE(f.vault.records().update(f.a.id, renamed));
  CHECK(f.vault.cases().get(f.a.id)->status == "active");
}

TEST_CASE("case list: filters combine with AND, values within one filter with OR", "[cases]") {
  ListFixture f;
  // Both ways of joining a facet filter (IN list for rare codes, EXISTS
  // probes for common ones) give the same answers.
  const auto saved = detail::selective_facet_rows;
  detail::selective_facet_rows = GENERATE(as<std::int64_t>{}, 0, 2000);
  struct Restore {
    std::int64_t v;
    ~Restore() { detail::selective_facet_rows = v; }
  } restore{saved};
  auto q = [] {
    CaseQuery by_title;
    by_title.sort = CaseSort::title;
    by_title.descending = false;
    return by_title;
  };
  CaseQuery all = q();
  CHECK(f.titles(all) == std::vector<std::string>{"Alpha", "Bravo", "Charlie"});
  CaseQuery open = q();
  open.statuses = {"open"};
  CHECK(f.titles(open) == std::vector<std::string>{"Alpha", "Charlie"});
  CaseQuery tactic = q();
  tactic.tactics = {"D4", "C1"};
  CHECK(f.titles(tactic) == std::vector<std::string>{"Alpha", "Bravo"});
  tactic.statuses = {"closed"};
  CHECK(f.titles(tactic) == std::vector<std::string>{"Bravo"});
  CaseQuery country = q();
  country.countries = {"TH"};
  CHECK(f.titles(country) == std::vector<std::string>{"Bravo"});
  CaseQuery risk = q();
  risk.risk_ratings = {"critical"};
  CHECK(f.titles(risk) == std::vector<std::string>{"Alpha"});
  CaseQuery purpose = q();
  purpose.purposes = {"asylum_claim"};
  CHECK(f.vault.cases().count(purpose).value() == 3);
  purpose.purposes = {"un_communication"};
  CHECK(f.vault.cases().count(purpose).value() == 0);
  CaseQuery consent = q();
  consent.consent = {ConsentState::none};
  CHECK(f.titles(consent) == std::vector<std::string>{"Charlie"});
}

TEST_CASE("case list: free text matches records in English and Chinese, and references", "[cases][search]") {
  ListFixture f;
  CaseQuery q;
  q.sort = CaseSort::title;
  q.descending = false;
  q.text = "约谈";
  CHECK(f.titles(q) == std::vector<std::string>{"Alpha"});
  q.text = "bangkok";
  CHECK(f.titles(q) == std::vector<std::string>{"Bravo"});
  q.text = "转达";
  CHECK(f.titles(q) == std::vector<std::string>{"Alpha"});
  q.text = f.c.fields["reference"].get<std::string>();
  CHECK(f.titles(q) == std::vector<std::string>{"Charlie"});
  q.text = "intake";
  CHECK(f.titles(q) == std::vector<std::string>{"Charlie"});
  q.text = "pha: rel";  // a substring of a title, across a word boundary
  CHECK(f.titles(q) == std::vector<std::string>{"Alpha"});
  for (const char* wildcard : {"%", "_", "A%a"}) {  // LIKE wildcards are literal
    q.text = wildcard;
    CHECK(f.vault.cases().count(q).value() == 0);
  }
  q.text = "nothing-like-this";
  CHECK(f.titles(q).empty());
  CHECK(f.vault.cases().count(q).value() == 0);
}

TEST_CASE("case list: sort orders and paging", "[cases]") {
  ListFixture f;
  CaseQuery q;
  q.sort = CaseSort::priority;
  CHECK(f.titles(q) == std::vector<std::string>{"Alpha", "Charlie", "Bravo"});
  q.sort = CaseSort::risk;
  CHECK(f.titles(q).front() == "Alpha");
  q.sort = CaseSort::reference;
  q.descending = false;
  CHECK(f.titles(q) == std::vector<std::string>{"Alpha", "Bravo", "Charlie"});
  q.limit = 2;
  CHECK(f.titles(q) == std::vector<std::string>{"Alpha", "Bravo"});
  q.offset = 2;
  CHECK(f.titles(q) == std::vector<std::string>{"Charlie"});
  q.offset = 3;
  CHECK(f.titles(q).empty());
  CHECK(f.vault.cases().count(q).value() == 3);
  q.limit = 1001;
  CHECK(f.vault.cases().list(q).error().code == VaultError::invalid_argument);
  // The last change moves a case to the top of the default order.
  REQUIRE(f.vault.records().update(f.b.id, f.b.fields));
  CaseQuery recent;
  auto rows = f.vault.cases().list(recent).value();
  CHECK(rows.front().case_id == f.b.id);
}
