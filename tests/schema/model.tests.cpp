// The built-in entity model: every entity of data-model.md, consistent flags,
// and every vocabulary and ref target resolvable.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "safehold/schema/model.hpp"

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
