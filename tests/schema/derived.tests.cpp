// Derived incident fields (SD method, OX stage, FH physical) for representative
// tactic sets, following data-model.md and schema/README.md.
#include <catch2/catch_test_macros.hpp>

#include "safehold/schema/derived.hpp"

using namespace safehold::schema;
using nlohmann::json;

namespace {
IncidentDerived derive(std::initializer_list<const char*> tactics, const char* outcome = nullptr) {
  json fields = {{"tactics", json::array()}};
  for (const char* t : tactics) fields["tactics"].push_back(t);
  if (outcome) fields["outcome"] = outcome;
  return derive_incident(fields);
}
}  // namespace

TEST_CASE("SD method: 1 relatives, 2 direct threats, 3 kidnapping or luring; the highest is reported",
          "[schema][derived]") {
  CHECK(derive({"D1"}).sd_method == 1);
  CHECK(derive({"D5"}).sd_method == 1);
  CHECK(derive({"A3"}).sd_method == 2);
  CHECK(derive({"E1"}).sd_method == 2);
  CHECK(derive({"E2"}).sd_method == 2);
  CHECK(derive({"A4"}).sd_method == 3);
  CHECK(derive({"A5"}).sd_method == 3);
  auto all = derive({"A5", "D2", "E1"});
  CHECK(all.sd_methods == std::vector<int>{1, 2, 3});
  CHECK(all.sd_method == 3);
  CHECK(derive({"D4", "E2"}).sd_methods == std::vector<int>{1, 2});
  CHECK(derive({"D4", "E2"}).sd_method == 2);
  CHECK_FALSE(derive({"B5", "F1", "E3", "E4", "A1"}).sd_method.has_value());
  CHECK(derive({"B5"}).sd_methods.empty());
}

TEST_CASE("OX stage: 1 intimidation, 2 detained in host country, 3 returned", "[schema][derived]") {
  for (const char* t : {"A3", "A6", "C1", "C5", "D1", "E4", "F7"}) {
    INFO(t);
    CHECK(derive({t}).ox_stage == 1);
  }
  for (const char* t : {"A1", "A2", "A4", "A5", "B2", "B3", "B5", "B6"}) {
    INFO(t);
    CHECK_FALSE(derive({t}).ox_stage.has_value());
  }
  CHECK(derive({"B1"}).ox_stage == 2);
  CHECK(derive({"D1", "B1"}).ox_stage == 2);
  CHECK(derive({"B3"}, "detained_host").ox_stage == 2);
  for (const char* o : {"extradited", "deported", "rendered", "coerced_return", "returned_third_country"}) {
    INFO(o);
    CHECK(derive({"B3"}, o).ox_stage == 3);
    CHECK(derive({}, o).ox_stage == 3);
  }
  CHECK(derive({"D1"}, "not_returned").ox_stage == 1);
  CHECK_FALSE(derive({"B3"}, "unknown").ox_stage.has_value());
}

TEST_CASE("FH physical: A1, A2, A3, A4, B1, B2 or B4", "[schema][derived]") {
  for (const char* t : {"A1", "A2", "A3", "A4", "B1", "B2", "B4"}) {
    INFO(t);
    CHECK(derive({t}).fh_physical);
    CHECK(derive({"F3", t}).fh_physical);
  }
  for (const char* t : {"A5", "A6", "B3", "B5", "B6", "C1", "D2", "E1", "F1"}) {
    INFO(t);
    CHECK_FALSE(derive({t}).fh_physical);
  }
}

TEST_CASE("derived fields ignore what is missing, unanswered or malformed", "[schema][derived]") {
  auto none = derive_incident(json::object());
  CHECK_FALSE(none.sd_method.has_value());
  CHECK_FALSE(none.ox_stage.has_value());
  CHECK_FALSE(none.fh_physical);
  CHECK_FALSE(derive_incident(json{{"tactics", {{"not_answered", "unknown"}}}}).ox_stage.has_value());
  CHECK_FALSE(derive_incident(json{{"tactics", {1, json::object(), "D"}}}).sd_method.has_value());
  CHECK_FALSE(derive_incident(json::array()).fh_physical);
  CHECK(derive_incident(json{{"tactics", {"A1"}}, {"outcome", {{"not_answered", "declined"}}}}).fh_physical);
}
