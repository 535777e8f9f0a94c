// The built-in vocabularies: every one loads, every entry is labelled in all
// three languages, labels round-trip, and the tactic table is data-model.md's.
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>

#include "safehold/schema/vocabulary.hpp"

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
      "safety_status", "measure_status", "intervention_status", "verification_method", "not_answered",
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
