#pragma once
// Helpers for the validation tests: the built-in entity by name, and the error
// a change to an entity's sample record produces.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <string>

#include "safehold/schema/record.hpp"
#include "sample_records.hpp"

namespace safehold::test {

inline const schema::EntityDef& entity(const std::string& name) {
  const auto* e = schema::Model::builtin().entity(name);
  REQUIRE(e != nullptr);
  return *e;
}

inline schema::ValidationError error_after(const std::string& name,
                                           const std::function<void(nlohmann::json&)>& change,
                                           schema::Mode mode = schema::Mode::write) {
  auto fields = sample_fields().at(name);
  change(fields);
  auto r = schema::validate_fields(entity(name), fields, mode);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace safehold::test
