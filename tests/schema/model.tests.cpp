// The built-in entity model: every entity of data-model.md, consistent flags,
// and every vocabulary and ref target resolvable.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "safehold/schema/model.hpp"
#include "script_check.hpp"

using namespace safehold::schema;

namespace {
void for_each_field(const std::vector<FieldDef>& fields, const std::string& prefix,
                    const std::function<void(const FieldDef&, const std::string&)>& visit) {
  for (const auto& f : fields) {
    visit(f, prefix + f.name);
    for_each_field(f.fields, prefix + f.name + ".", visit);
  }
}
}  // namespace

TEST_CASE("the model defines every entity of data-model.md", "[schema][model]") {
  const auto& model = Model::builtin();
  for (const char* name : {"case", "person", "incident", "legal_measure", "evidence_item", "custody_event",
                           "consent", "interview_session", "risk_assessment", "intervention", "contact"}) {
    INFO(name);
    REQUIRE(model.entity(name) != nullptr);
  }
  CHECK(model.entities().size() == 11);
  CHECK_FALSE(model.entity("case")->in_case);
  CHECK_FALSE(model.entity("contact")->in_case);
  CHECK(model.entity("incident")->in_case);
  CHECK(model.entity("audit_entry") == nullptr);  // storage's own table, not a record
}

TEST_CASE("every field's vocabulary and ref target exists", "[schema][model]") {
  const auto& model = Model::builtin();
  const auto& vocabs = model.vocabularies();
  for (const auto& entity : model.entities()) {
    for_each_field(entity.fields, entity.name + ".", [&](const FieldDef& f, const std::string& path) {
      INFO(path);
      if (!f.vocab.empty()) {
        REQUIRE(vocabs.find(f.vocab) != nullptr);
        CHECK(f.vocabulary == vocabs.find(f.vocab));
      }
      if (!f.ref.empty()) CHECK(model.entity(f.ref) != nullptr);
      if (!f.consent_scope.empty()) CHECK(vocabs.find("scope")->accepts_for_write(f.consent_scope));
      if (!f.sensitive.empty()) CHECK(vocabs.find("sensitive")->accepts_for_write(f.sensitive));
      switch (f.type) {
        case FieldType::code:
        case FieldType::codes:
        case FieldType::scopes:
        case FieldType::country:
        case FieldType::countries:
        case FieldType::language:
        case FieldType::languages:
        case FieldType::date: CHECK(f.vocabulary != nullptr); break;
        default: CHECK(f.vocabulary == nullptr);
      }
      for (auto language : kAllLanguages) {
        CHECK(!f.label.in(language).empty());
        CHECK(!f.help.in(language).empty());
      }
    });
  }
}

TEST_CASE("model labels and help are written in the right script", "[schema][model]") {
  const auto& sets = safehold::test::script_sets();
  std::size_t checked = 0;
  auto check = [&](const Text& t, const std::string& where) {
    INFO(where);
    CHECK_FALSE(safehold::test::contains_any(t.zh_hant, sets.simplified_only));
    CHECK_FALSE(safehold::test::contains_any(t.zh_hans, sets.traditional_only));
    if (safehold::test::contains_any(t.zh_hans, sets.simplified_only)) CHECK(t.zh_hans != t.zh_hant);
    ++checked;
  };
  for (const auto& entity : Model::builtin().entities()) {
    check(entity.label, entity.name);
    check(entity.help, entity.name + " help");
    for_each_field(entity.fields, entity.name + ".", [&](const FieldDef& f, const std::string& path) {
      check(f.label, path);
      check(f.help, path + " help");
    });
  }
  CHECK(checked > 300);
}

TEST_CASE("identifying, consent and required flags follow data-model.md", "[schema][model]") {
  const auto& model = Model::builtin();
  auto field = [&](const char* entity, const char* name) -> const FieldDef& {
    const auto* f = model.entity(entity)->field(name);
    REQUIRE(f != nullptr);
    return *f;
  };
  for (const char* name : {"legal_name", "aliases", "exact_address", "safe_contact"}) {
    INFO(name);
    CHECK(field("person", name).identifying);
    CHECK(!field("person", name).consent_scope.empty());
  }
  CHECK(field("person", "legal_name").consent_scope == "store_real_identity");
  CHECK(field("incident", "exact_location").identifying);
  CHECK(field("evidence_item", "original_file_name").identifying);
  CHECK(field("consent", "recontact_method").identifying);
  CHECK_FALSE(field("person", "pseudonym").identifying);
  CHECK_FALSE(field("person", "location").identifying);
  CHECK(field("person", "third_party_not_consented").type == FieldType::boolean);
  // Only the pseudonym, the incident's tactics and the consent record's core are required.
  std::vector<std::string> required;
  for (const auto& e : model.entities()) {
    for_each_field(e.fields, e.name + ".", [&](const FieldDef& f, const std::string& path) {
      if (f.required) required.push_back(path);
    });
  }
  CHECK(required == std::vector<std::string>{"person.pseudonym", "incident.tactics", "consent.given_at",
                                             "consent.method", "consent.scopes"});
  CHECK(field("person", "location").field("precision")->exclude == std::vector<std::string>{"exact"});
  CHECK(field("interview_session", "recording").scope_for_code.at("audio") == "audio_record");
  CHECK(field("person", "religion").sensitive == "religion");
}
