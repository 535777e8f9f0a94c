// Full-text search inside the encrypted database: English stemming and
// prefixes, Chinese substrings of any length (simplified and traditional),
// mixed text, restrictions, and index maintenance.
#include <algorithm>

#include <catch2/catch_test_macros.hpp>

#include "search_text.hpp"
#include "storage_samples.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;

namespace {

struct SearchFixture : VaultFixture {
  Record kase = vault.records().create("case", "", case_fields("Family pressure case")).value();
  Record person = vault.records().create("person", kase.id, interviewee_fields("Heron")).value();
  Record consent = vault.records().create("consent", kase.id, consent_fields(person.id, {"be_interviewed"})).value();
  Record simplified = add("incident", incident_fields("Father questioned",
                                                      "国保警察到我父母家，要求我父亲劝我回国。他们没收了护照。", {"D1"}));
  Record traditional = add("incident", incident_fields("Passport withheld",
                                                       "領事館拒絕為我更新護照，只給我一張旅行證。", {"C2"}));
  Record english = add("incident", incident_fields("Threatening calls",
                                                   "Officers repeatedly questioned my sister and threatened "
                                                   "to cancel her passport unless I returned.", {"E1"}));
  Record mixed = add("intervention", {{"type", "platform_abuse_report"}, {"party", "WeChat 微信"},
                                      {"response", "Account 账号 suspended after the iPhone手机 was inspected"}});

  Record add(const std::string& entity, json f) {
    auto r = vault.records().create(entity, kase.id, std::move(f));
    if (!r) FAIL(r.error().describe());
    return *r;
  }
  std::vector<std::string> find(const std::string& text, std::string case_id = {},
                                std::vector<std::string> entities = {}) {
    SearchQuery q;
    q.text = text;
    q.case_id = std::move(case_id);
    q.entities = std::move(entities);
    auto hits = vault.search().find(q);
    if (!hits) FAIL(hits.error().describe());
    std::vector<std::string> ids;
    for (const auto& h : *hits) ids.push_back(h.record_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  static std::vector<std::string> ids(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  }
};

}  // namespace

TEST_CASE("search: Chinese substrings of 1, 2, 3 and more characters", "[search]") {
  SearchFixture f;
  CHECK(f.find("护照") == SearchFixture::ids({f.simplified.id}));     // 2 characters
  CHECK(f.find("護照") == SearchFixture::ids({f.traditional.id}));    // traditional script is its own text
  CHECK(f.find("没收") == SearchFixture::ids({f.simplified.id}));
  CHECK(f.find("劝我回国") == SearchFixture::ids({f.simplified.id}));  // 4 characters across word boundaries
  CHECK(f.find("旅行證") == SearchFixture::ids({f.traditional.id}));   // 3 characters
  CHECK(f.find("保") == SearchFixture::ids({f.simplified.id}));       // 1 character, inside a run
  CHECK(f.find("證") == SearchFixture::ids({f.traditional.id}));      // 1 character, at the end of a run
  CHECK(f.find("父亲 护照") == SearchFixture::ids({f.simplified.id}));  // two terms, both required
  CHECK(f.find("护没").empty());                                      // characters present but not adjacent
  CHECK(f.find("照护").empty());                                      // adjacent the other way round
  CHECK(f.find("护照，").size() == 1);                                 // CJK punctuation is ignored
}

TEST_CASE("search: English stemming and prefixes", "[search]") {
  SearchFixture f;
  CHECK(f.find("questioned") == SearchFixture::ids({f.simplified.id, f.english.id}));  // title + narrative
  CHECK(f.find("questioning") == SearchFixture::ids({f.simplified.id, f.english.id}));  // stemmed
  CHECK(f.find("threaten") == SearchFixture::ids({f.english.id}));
  CHECK(f.find("pass").empty());                                                   // whole words only...
  CHECK(f.find("pass*") == SearchFixture::ids({f.traditional.id, f.english.id}));  // ...unless asked for a prefix
  CHECK(f.find("thr*") == SearchFixture::ids({f.simplified.id, f.english.id}));     // threatened, threats (label)
  CHECK(f.find("PASSPORTS") == SearchFixture::ids({f.traditional.id, f.english.id}));
  CHECK(f.find("sister passport") == SearchFixture::ids({f.english.id}));
  CHECK(f.find("\"cancel her passport\"") == SearchFixture::ids({f.english.id}));
  CHECK(f.find("\"her cancel passport\"").empty());
  CHECK(f.find("zebra").empty());
}

TEST_CASE("search: mixed Latin and Chinese text, codes and labels", "[search]") {
  SearchFixture f;
  CHECK(f.find("iphone") == SearchFixture::ids({f.mixed.id}));
  CHECK(f.find("手机") == SearchFixture::ids({f.mixed.id}));
  CHECK(f.find("iPhone手机") == SearchFixture::ids({f.mixed.id}));
  CHECK(f.find("wechat 微信") == SearchFixture::ids({f.mixed.id}));
  // Searchable codes are indexed with their labels in all three languages.
  const auto pre = f.find("persuade*");
  CHECK(std::find(pre.begin(), pre.end(), f.english.id) != pre.end());  // campaign persuade_to_return
}

TEST_CASE("search: restrictions, results carry ids only, index follows updates and deletes", "[search]") {
  SearchFixture f;
  auto other = f.vault.records().create("case", "", case_fields("Unrelated passport matter")).value();
  SearchQuery q;
  q.text = "passport";
  auto hits = f.vault.search().find(q).value();
  CHECK(hits.size() == 3);
  q.case_id = f.kase.id;
  hits = f.vault.search().find(q).value();
  CHECK(hits.size() == 2);
  for (const auto& h : hits) CHECK(h.case_id == f.kase.id);
  q.case_id.clear();
  q.entities = {"case"};
  hits = f.vault.search().find(q).value();
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].record_id == other.id);
  CHECK(hits[0].entity == "case");
  CHECK(hits[0].case_id.empty());

  auto changed = f.english.fields;
  changed["narrative"]["text"] = "Nothing about documents any more. 什么都没有。";
  REQUIRE(f.vault.records().update(f.english.id, changed));
  CHECK(f.find("sister").empty());
  CHECK(f.find("什么") == SearchFixture::ids({f.english.id}));
  REQUIRE(f.vault.records().remove(f.traditional.id));
  CHECK(f.find("護照").empty());
  f.vault = f.reopen();
  CHECK(f.find("什么") == SearchFixture::ids({f.english.id}));
}

TEST_CASE("search: bad and empty queries", "[search]") {
  SearchFixture f;
  SearchQuery q;
  q.text = "\"unbalanced";
  CHECK(f.vault.search().find(q).error().code == VaultError::invalid_query);
  for (const char* nothing : {"", "   ", "!!!", "。，", "\"\"", "*", "AND", "NEAR("}) {
    INFO(nothing);
    q.text = nothing;
    auto r = f.vault.search().find(q);
    REQUIRE(r);
  }
  q.text = "OR";  // operators are just words
  CHECK(f.vault.search().find(q).has_value());
}

TEST_CASE("search text: CJK runs become bigrams and single characters", "[search]") {
  const auto t = detail::index_columns("ab 护照被 c 证");
  CHECK(t.words == "ab  护照 照被  c  ");
  CHECK(t.cjk_chars == "护 照 被 证 ");
  CHECK(detail::match_expression("护").value() == "cjk_chars : \"护\"");
  CHECK(detail::match_expression("护照").value() == "words : \"护照\"");
  CHECK(detail::match_expression("被没收护照").value() == "words : \"被没 没收 收护 护照\"");
  CHECK(detail::match_expression("pass 护").value() == "words : \"pass\" AND cjk_chars : \"护\"");
  CHECK(detail::match_expression("pass* 护*").value() == "words : \"pass\" * AND cjk_chars : \"护\"");
  CHECK(detail::match_expression("iPhone手机*").value() == "words : \"iPhone\" AND words : \"手机\"");
  CHECK(detail::match_expression("a\"b").error().code == VaultError::invalid_query);
  CHECK(detail::match_expression("").value().empty());
  // Regression (found by fuzz_search_query): a NUL inside a term cut the
  // FTS5 expression short and made it a syntax error.
  CHECK(detail::match_expression(std::string("pa\t\0wport", 9)).value() == "words : \"pa\" AND words : \"wport\"");
}
