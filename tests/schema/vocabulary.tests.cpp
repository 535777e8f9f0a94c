// The built-in vocabularies: every one loads, every entry is labelled in all
// three languages, labels round-trip, and the tactic table is data-model.md's.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "safehold/schema/vocabulary.hpp"
#include "script_check.hpp"

using namespace safehold::schema;

TEST_CASE("every vocabulary of data-model.md and the small ones the model needs is built in", "[schema][vocab]") {
  const auto& vocabs = Vocabularies::builtin();
  const char* expected[] = {
      // data-model.md's V-… vocabularies
      "tactic", "purpose", "privilege", "residence", "char", "rel", "loc_type", "channel", "campaign", "perp",
      "id_basis", "outcome", "measure", "ccf", "source", "acq", "custody", "scope", "disclosure", "mode",
      "recording", "sensitive", "threat", "safety", "intervention",
      // the small ones
      "case_status", "priority", "violation_status", "reliability", "person_role", "date_precision",
      "location_precision", "consent_method", "scope_answer", "withdrawal_extent", "risk_rating",
      "safety_status", "measure_status", "intervention_status", "verification_method", "recipient_kind", "not_answered",
      "break_requester", "country", "language"};
  for (const char* name : expected) {
    INFO(name);
    const auto* v = vocabs.find(name);
    REQUIRE(v != nullptr);
    CHECK(v->version() >= 1);
    CHECK(!v->entries().empty());
  }
  CHECK(vocabs.all().size() == std::size(expected));
}

namespace {

// data-model.md, "V-Tactic": code, English label, sources.
struct TacticRow {
  const char* code;
  const char* label;
  std::vector<std::string> sources;
};
const TacticRow kTacticTable[] = {
    {"A1", "Assassination or attempt/plot", {"FH"}},
    {"A2", "Assault", {"FH"}},
    {"A3", "In-person intimidation", {"FH", "SD"}},
    {"A4", "Abduction / enforced disappearance", {"SD"}},
    {"A5", "Luring / entrapment", {"SD"}},
    {"A6", "Physical surveillance / stalking", {}},
    {"B1", "Detention at the origin state's request", {"FH", "OX"}},
    {"B2", "Unlawful deportation / refoulement", {"FH", "OX"}},
    {"B3", "Extradition request", {"SD", "OX"}},
    {"B4", "Rendition", {"FH", "OX"}},
    {"B5", "Interpol misuse", {"FH", "SD"}},
    {"B6", "Foreign policing on host soil", {"SD"}},
    {"C1", "Passport denial / cancellation / one-way travel document", {"FH"}},
    {"C2", "Consular abuse", {}},
    {"C3", "Exit ban on relatives", {"SD"}},
    {"C4", "Asset / ID sanctions", {}},
    {"C5", "Denial of return", {}},
    {"D1", "Threats to or questioning of relatives", {"FH", "SD"}},
    {"D2", "Detention of relatives", {"SD"}},
    {"D3", "Collective sanctions on relatives", {"SD"}},
    {"D4", "Relatives used as messengers (劝返)", {"SD"}},
    {"D5", "Informant recruitment", {}},
    {"E1", "Remote threats by officials", {"FH", "SD"}},
    {"E2", "Remote \"persuasion sessions\"", {"SD"}},
    {"E3", "Cross-border legal harassment", {}},
    {"E4", "Smear / disinformation", {"CL"}},
    {"F1", "Spyware / malware", {"FH", "CL"}},
    {"F2", "Phishing / account compromise", {"CL"}},
    {"F3", "Online harassment", {"FH", "CL"}},
    {"F4", "Doxxing", {"CL"}},
    {"F5", "Impersonation", {"CL"}},
    {"F6", "Messaging surveillance", {"CL"}},
    {"F7", "Takedown / mass reporting", {"CL"}},
};

std::vector<std::string> sources_of(const VocabEntry& entry) {
  std::vector<std::string> out;
  if (entry.attributes.contains("sources")) {
    for (const auto& s : entry.attributes["sources"]) out.push_back(s.get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("the tactic vocabulary is exactly A1-F7 of data-model.md", "[schema][vocab]") {
  const auto* tactic = Vocabularies::builtin().find("tactic");
  REQUIRE(tactic != nullptr);
  REQUIRE(tactic->entries().size() == std::size(kTacticTable));
  for (std::size_t i = 0; i < std::size(kTacticTable); ++i) {
    const auto& row = kTacticTable[i];
    const auto& entry = tactic->entries()[i];
    INFO(row.code);
    CHECK(entry.code == row.code);
    CHECK(entry.label.en == row.label);
    CHECK(entry.attributes["group"] == std::string(1, row.code[0]));
    CHECK(sources_of(entry) == row.sources);
    REQUIRE(entry.definition.has_value());
    CHECK_FALSE(entry.retired);
  }
  // Spot checks of established Chinese terms.
  CHECK(tactic->find("D4")->label.zh_hans == "利用亲属传话（劝返）");
  CHECK(tactic->find("D4")->label.zh_hant == "利用親屬傳話（勸返）");
  CHECK(tactic->find("B5")->definition->zh_hans.find("红色通缉令") != std::string::npos);
  CHECK(tactic->find("B5")->definition->zh_hant.find("紅色通緝令") != std::string::npos);
}

TEST_CASE("every entry has three non-empty labels in the right scripts", "[schema][vocab]") {
  const auto& sets = safehold::test::script_sets();
  REQUIRE(sets.simplified_only.size() > 300);
  std::size_t differing = 0;
  for (const auto& vocab : Vocabularies::builtin().all()) {
    std::vector<std::pair<std::string, const Text*>> texts{{vocab.name(), &vocab.label()}};
    for (const auto& entry : vocab.entries()) {
      texts.emplace_back(vocab.name() + "." + entry.code, &entry.label);
      if (entry.definition) texts.emplace_back(vocab.name() + "." + entry.code + " definition", &*entry.definition);
    }
    for (const auto& [where, text] : texts) {
      INFO(where);
      for (auto language : kAllLanguages) CHECK(!text->in(language).empty());
      CHECK_FALSE(safehold::test::contains_any(text->zh_hant, sets.simplified_only));
      CHECK_FALSE(safehold::test::contains_any(text->zh_hans, sets.traditional_only));
      if (safehold::test::contains_any(text->zh_hans, sets.simplified_only)) {
        CHECK(text->zh_hans != text->zh_hant);
        ++differing;
      }
    }
  }
  CHECK(differing > 300);  // the check above really ran on many labels
}

TEST_CASE("known labels are translated into each script", "[schema][vocab]") {
  struct Spot {
    const char* vocab;
    const char* code;
    const char* zh_hans;
    const char* zh_hant;
  };
  const Spot spots[] = {
      {"measure", "wanted_notice", "通缉令", "通緝令"},
      {"measure", "red_notice", "国际刑警组织红色通缉令", "國際刑警組織紅色通緝令"},
      {"measure", "passport_cancelled", "护照被注销", "護照被註銷"},
      {"campaign", "sky_net", "天网行动", "天網行動"},
      {"campaign", "fox_hunt", "猎狐行动", "獵狐行動"},
      {"campaign", "persuade_to_return", "劝返／反诈专项", "勸返／反詐專項"},
      {"country", "CN", "中国", "中國"},
      {"country", "TW", "台湾", "台灣"},
      {"language", "uig", "维吾尔语", "維吾爾語"},
      {"language", "yue", "粤语", "粵語"},
      {"scope", "store_real_identity", "保存真实身份", "保存真實身分"},
  };
  for (const auto& s : spots) {
    INFO(s.vocab << "." << s.code);
    const auto* entry = Vocabularies::builtin().find(s.vocab)->find(s.code);
    REQUIRE(entry != nullptr);
    CHECK(entry->label.zh_hans == s.zh_hans);
    CHECK(entry->label.zh_hant == s.zh_hant);
  }
}

TEST_CASE("labels round-trip to codes in all three languages", "[schema][vocab]") {
  for (const auto& vocab : Vocabularies::builtin().all()) {
    for (const auto& entry : vocab.entries()) {
      for (auto language : kAllLanguages) {
        INFO(vocab.name() << "." << entry.code << " " << language_tag(language));
        const auto& text = entry.label.in(language);
        const auto* back = vocab.find_by_label(text, language);
        REQUIRE(back != nullptr);
        CHECK(back->code == entry.code);
        CHECK(label(vocab.name(), back->code, language) == text);
      }
    }
  }
}

TEST_CASE("countries are the full ISO 3166-1 alpha-2 list, languages include the required ISO 639-3 codes",
          "[schema][vocab]") {
  const auto* countries = Vocabularies::builtin().find("country");
  CHECK(countries->entries().size() == 249);
  for (const char* code : {"CN", "HK", "MO", "TW", "US", "GB", "DE", "KZ", "KG", "TR", "TH", "AE", "AQ", "ZW"}) {
    CHECK(countries->accepts_for_write(code));
  }
  CHECK(countries->find("cn") == nullptr);
  CHECK(countries->find("XK") == nullptr);  // Kosovo has no ISO 3166-1 code
  const auto* languages = Vocabularies::builtin().find("language");
  CHECK(languages->entries().size() >= 60);
  for (const char* code : {"cmn", "yue", "nan", "hak", "wuu", "uig", "bod", "kaz", "kir", "mon", "eng", "fra",
                           "deu", "nld", "swe", "nor", "dan", "fin", "tur", "rus", "ara", "fas", "urd", "hin",
                           "jpn", "kor", "vie", "tha", "msa", "ind", "spa", "por", "ita", "pol", "ukr", "heb",
                           "amh"}) {
    INFO(code);
    CHECK(languages->accepts_for_write(code));
  }
}

TEST_CASE("language tags and label fallback", "[schema][vocab]") {
  CHECK(language_from_tag("en") == Language::en);
  CHECK(language_from_tag("zh-Hans") == Language::zh_hans);
  CHECK(language_from_tag("zh-Hant") == Language::zh_hant);
  CHECK_FALSE(language_from_tag("zh-hans").has_value());
  CHECK_FALSE(language_from_tag("zh").has_value());
  CHECK_FALSE(language_from_tag("").has_value());
  for (auto language : kAllLanguages) CHECK(language_from_tag(language_tag(language)) == language);
  CHECK(label("tactic", "D1", Language::en) == "Threats to or questioning of relatives");
  CHECK(label("tactic", "Z9", Language::en) == "Z9");          // unknown code: shown as is
  CHECK(label("no_such_vocab", "x", Language::zh_hant) == "x");  // unknown vocabulary
}

TEST_CASE("every recipient kind names the V-Scope sharing scope that allows it", "[schema][vocab]") {
  const auto* kinds = Vocabularies::builtin().find("recipient_kind");
  const auto* scopes = Vocabularies::builtin().find("scope");
  REQUIRE(kinds != nullptr);
  REQUIRE(scopes != nullptr);
  std::vector<std::string> seen;
  for (const auto& entry : kinds->entries()) {
    INFO(entry.code);
    REQUIRE(entry.attributes.contains("consent_scope"));
    const auto scope = entry.attributes["consent_scope"].get<std::string>();
    CHECK(scope.rfind("share_", 0) == 0);
    CHECK(scopes->find(scope) != nullptr);
    seen.push_back(scope);
  }
  // Each sharing scope of V-Scope has exactly one kind of recipient.
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{"share_host_authorities", "share_named_ngos", "share_own_lawyer",
                                         "share_un_bodies"});
}
