// Type-to-select in closed combos (issue 11's keyboard count): letters
// typed while a combo has the focus choose an entry, as in native lists.
#include <catch2/catch_test_macros.hpp>

#include <array>
#include <string_view>

#include "safehold/appmodel/type_to_select.hpp"

using safehold::appmodel::TypeToSelect;

namespace {
constexpr std::array<std::string_view, 3> kMethods = {"Written", "Oral, recorded", "Oral, noted"};
}

TEST_CASE("The same letter again moves to the next entry starting with it", "[gui][keyboard]") {
  TypeToSelect t;
  int cur = -1;
  cur = t.type("o", 10.0, kMethods, cur);
  CHECK(cur == 1);
  cur = t.type("o", 10.1, kMethods, cur);
  CHECK(cur == 2);
  cur = t.type("O", 10.2, kMethods, cur);  // round the end, case ignored
  CHECK(cur == 1);
}

TEST_CASE("Other letters extend the prefix; a pause starts over", "[gui][keyboard]") {
  TypeToSelect t;
  CHECK(t.type("w", 1.0, kMethods, -1) == 0);
  CHECK(t.type("r", 1.2, kMethods, 0) == 0);   // "wr": still Written
  CHECK(t.type("x", 1.4, kMethods, 0) == -1);  // "wrx": nothing; the choice stays
  CHECK(t.type("o", 3.0, kMethods, 0) == 1);   // after a pause: "o" alone
  CHECK(t.type("r", 3.1, kMethods, 1) == 1);   // "or"
}

TEST_CASE("Labels in Chinese are matched by their first characters", "[gui][keyboard]") {
  constexpr std::array<std::string_view, 2> labels = {"书面", "口头，已记录"};
  TypeToSelect t;
  CHECK(t.type("口", 1.0, labels, -1) == 1);
  TypeToSelect none;
  CHECK(none.type("a", 1.0, std::span<const std::string_view>{}, -1) == -1);
}
