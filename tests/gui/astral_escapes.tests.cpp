#include <catch2/catch_test_macros.hpp>

#include <string>

#include "safehold/appmodel/astral_escapes.hpp"

using safehold::appmodel::AstralEscapes;

namespace {

const std::string kGrin = "\xF0\x9F\x98\x80";      // 😀 U+1F600
const std::string kExtB = "\xF0\xA0\xAE\xB7";      // 𠮷 U+20BB7
const std::string kApple = "\xEF\xA3\xBF";         // U+F8FF (Private Use)
const std::string kF8FE = "\xEF\xA3\xBE";          // U+F8FE (Private Use)

// True if `s` holds no 4-byte UTF-8 sequence (nothing outside the BMP).
bool bmp_only(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0xF0) return false;
  }
  return true;
}

std::string utf8_of(char32_t cp) {
  std::string out;
  out += static_cast<char>(0xF0 | (cp >> 18));
  out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

}  // namespace

TEST_CASE("AstralEscapes: astral characters become Private Use stand-ins and come back exactly",
          "[gui][model][astral]") {
  AstralEscapes t;
  const std::string text = "a " + kGrin + " b " + kExtB + " c " + kGrin;
  const auto edit = t.to_edit(text);
  REQUIRE(edit);
  CHECK(bmp_only(*edit));
  // Allocated from U+F8FF downward, one per distinct code point.
  CHECK(*edit == "a " + kApple + " b " + kF8FE + " c " + kApple);
  CHECK(t.size() == 2);
  CHECK(t.stand_ins_in(*edit) == 3);
  CHECK(t.from_edit(*edit) == text);
  // Edited text (something inserted between stand-ins) maps back too.
  CHECK(t.from_edit("x " + kF8FE + kApple) == "x " + kExtB + kGrin);
  CHECK(t.to_edit(char32_t{0x1F600}) == char32_t{0xF8FF});  // the same stand-in when typed
}

TEST_CASE("AstralEscapes: BMP text passes unchanged and allocates nothing", "[gui][model][astral]") {
  AstralEscapes t;
  const std::string text = "Passport 護照 护照 é\n\tline ﻿";
  CHECK(t.to_edit(text) == text);
  CHECK(t.size() == 0);
  CHECK(t.from_edit(text) == text);
  CHECK(t.stand_ins_in(text) == 0);
  CHECK(t.to_edit(std::string()) == std::string());
}

TEST_CASE("AstralEscapes: genuine Private Use characters never collide with stand-ins",
          "[gui][model][astral]") {
  SECTION("a genuine one met first is never handed out") {
    AstralEscapes t;
    CHECK(t.to_edit("logo " + kApple) == "logo " + kApple);
    const auto edit = t.to_edit(kGrin);
    REQUIRE(edit);
    CHECK(*edit == kF8FE);  // U+F8FF skipped
    CHECK(t.from_edit(kApple + *edit) == kApple + kGrin);
  }
  SECTION("a genuine one that already stands in for something is escaped") {
    AstralEscapes t;
    REQUIRE(t.to_edit(kGrin) == kApple);  // U+F8FF now means 😀
    const std::string legacy = "HKSCS " + kApple + " and " + kGrin;
    const auto edit = t.to_edit(legacy);
    REQUIRE(edit);
    CHECK(*edit == "HKSCS " + kF8FE + " and " + kApple);
    CHECK(t.from_edit(*edit) == legacy);
    CHECK(t.stand_ins_in(*edit) == 2);
    CHECK(t.to_edit(char32_t{0xF8FF}) == char32_t{0xF8FE});  // typed the same way
    CHECK(t.to_edit(char32_t{0xE123}) == char32_t{0xE123});  // unused ones pass
  }
}

TEST_CASE("AstralEscapes: malformed UTF-8 is refused by to_edit and copied by from_edit",
          "[gui][model][astral]") {
  AstralEscapes t;
  for (const std::string& bad : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),     // overlong, surrogate
                                std::string("\xF4\x90\x80\x80"), std::string("\xF0\x9F\x98"),  // > U+10FFFF, cut
                                std::string("\x80"), std::string("a\xFF"), std::string("\xE0\x80\x80")}) {
    CHECK_FALSE(t.to_edit("ok " + bad + " " + kGrin).has_value());
  }
  REQUIRE(t.to_edit(kGrin) == kApple);
  CHECK(t.from_edit("\xFF" + kApple + "\xF0\x9F") == "\xFF" + kGrin + "\xF0\x9F");
  CHECK(t.stand_ins_in("\xFF" + kApple + "\xC0") == 1);
}

TEST_CASE("AstralEscapes: when the stand-ins run out, text needing a new one is refused; clear() starts over",
          "[gui][model][astral]") {
  AstralEscapes t;
  constexpr std::size_t kAll = AstralEscapes::kHighest - AstralEscapes::kLowest + 1;  // 6,400
  std::string many;
  for (char32_t cp = 0x20000; cp < 0x20000 + kAll; ++cp) many += utf8_of(cp);
  CHECK_FALSE(t.full());
  const auto edit = t.to_edit(many);
  REQUIRE(edit);
  CHECK(t.full());
  CHECK(bmp_only(*edit));
  CHECK(t.size() == kAll);
  CHECK(t.from_edit(*edit) == many);
  CHECK_FALSE(t.to_edit(kGrin).has_value());
  CHECK_FALSE(t.to_edit(char32_t{0x1F600}).has_value());
  CHECK(t.to_edit(utf8_of(0x20000)) == kApple);  // known ones still map
  t.clear();
  CHECK(t.size() == 0);
  CHECK(t.from_edit(kApple) == kApple);  // no longer a stand-in
  CHECK(t.to_edit(kGrin) == kApple);
}
