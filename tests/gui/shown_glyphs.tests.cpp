#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "safehold/appmodel/shown_glyphs.hpp"

using safehold::appmodel::CodepointSet;

namespace {

std::vector<char32_t> sorted(std::vector<char32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("CodepointSet keeps each non-ASCII code point once, from UTF-8 and JSON", "[gui][model][fonts]") {
  CodepointSet s;
  s.add_utf8("abc 臺灣 é 臺");
  CHECK(sorted(s.take_new()) == std::vector<char32_t>{0xE9, 0x7063, 0x81FA});
  CHECK(s.take_new().empty());  // each once
  s.add_utf8("灣 𠀀");          // a known one and a 4-byte sequence
  CHECK(s.take_new() == std::vector<char32_t>{0x20000});
  CHECK(s.size() == 4);

  s.add_json(nlohmann::json{{"title", "護照"}, {"list", {"遭", 3, {{"註", "銷"}}}}});
  CHECK(sorted(s.take_new()) == std::vector<char32_t>{0x7167, 0x8A3B, 0x8B77, 0x906D, 0x92B7});
  CHECK(s.size() == 9);

  s.clear();
  CHECK(s.size() == 0);
  CHECK(s.take_new().empty());
}

TEST_CASE("CodepointSet skips malformed UTF-8 without losing what follows", "[gui][model][fonts]") {
  CodepointSet s;
  const std::string bad = std::string("\xE8\x87") + "x" + "\xFF" + "\x80" + "臺" + "\xF0\x9F";
  s.add_utf8(bad);
  CHECK(s.take_new() == std::vector<char32_t>{0x81FA});
}
