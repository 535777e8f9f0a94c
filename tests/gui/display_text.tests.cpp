// ShapeForDisplay: logical-order stored text -> what ImGui can draw (visual
// order, joined Arabic presentation forms). Expected sequences are the forms
// the Unicode Arabic shaping rules give (isolated/final/initial/medial).
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "safehold/appmodel/display_text.hpp"

using safehold::appmodel::NeedsShaping;
using safehold::appmodel::ShapeForDisplay;

// Expected strings use \u escapes: the execution character set is UTF-8.

TEST_CASE("Uyghur words are joined into presentation forms and reversed to visual order", "[gui][model][shaping]") {
  // "ئابدۇرېھىم" (Abdurehim), logical: ئ ا ب د ۇ ر ې ھ ى م
  const auto shaped = ShapeForDisplay("ئابدۇرېھىم");
  // Visual (left to right): م final, ى medial, ھ medial, ې initial, ر isolated,
  // ۇ isolated, د final, ب initial, ا final, ئ initial.
  CHECK(shaped.visual == std::string("\uFEE2\uFBE9\uFBAD\uFBE6\uFEAD\uFBD7\uFEAA\uFE91\uFE8E\uFE8B"));
  CHECK(shaped.right_to_left);
  CHECK_FALSE(shaped.approximate);

  // "ئۆي" (house): ئ initial, ۆ isolated (right-joining only), ي isolated.
  const auto house = ShapeForDisplay("ئۆي");
  CHECK(house.visual == std::string("\uFEF1\uFBDA\uFE8B"));
  CHECK_FALSE(house.approximate);
}

TEST_CASE("Lam-alef becomes one ligature glyph", "[gui][model][shaping]") {
  CHECK(ShapeForDisplay("لا").visual == std::string("\uFEFB"));
}

TEST_CASE("Uyghur ە after a joining letter has no presentation form: shown approximately", "[gui][model][shaping]") {
  // "ئەيسا" (Eysa): ئ initial, ە should be final but has no FBxx/FExx form.
  const auto eysa = ShapeForDisplay("ئەيسا");
  CHECK(eysa.visual == std::string("\uFE8E\uFEB4\uFEF3\u06D5\uFE8B"));
  CHECK(eysa.approximate);
}

TEST_CASE("Latin, Greek, Cyrillic and CJK text is returned unchanged", "[gui][model][shaping]") {
  for (const char* s : {"Şanlıurfa, İstanbul", "Łódź", "Ἀθῆναι", "Қазақстан", "Үрүмчү Өң", "𠮷野家", "plain ASCII", ""}) {
    const auto shaped = ShapeForDisplay(s);
    CHECK(shaped.visual == s);
    CHECK_FALSE(shaped.approximate);
    CHECK_FALSE(shaped.right_to_left);
    CHECK_FALSE(NeedsShaping(s));
  }
}

TEST_CASE("Tibetan is kept in order but said to be approximate (stacks)", "[gui][model][shaping]") {
  const std::string name = "བཀྲ་ཤིས་བདེ་ལེགས";
  CHECK(NeedsShaping(name));
  const auto shaped = ShapeForDisplay(name);
  CHECK(shaped.visual == name);
  CHECK(shaped.approximate);
  CHECK_FALSE(shaped.right_to_left);
}

TEST_CASE("Mixed LTR and RTL: a Latin paragraph keeps Latin first, the Uyghur run is reversed", "[gui][model][shaping]") {
  // Logical "Name: ئۆي (2)" has an LTR base (first strong letter is Latin).
  // The digit after Arabic letters joins their run (UBA rule W2: European
  // number after Arabic letter -> Arabic number), so "(2)" goes left of it,
  // as browsers and Pango show it.
  const auto mixed = ShapeForDisplay("Name: ئۆي (2)");
  CHECK(mixed.visual == std::string("Name: (2) \uFEF1\uFBDA\uFE8B"));
  CHECK(ShapeForDisplay("Name: ئۆي, Kashgar").visual == std::string("Name: \uFEF1\uFBDA\uFE8B, Kashgar"));
  CHECK_FALSE(mixed.right_to_left);
  // RTL base: the Latin run keeps its inner order but moves to the left, and
  // the paragraph's brackets are mirrored.
  const auto rtl = ShapeForDisplay("ئۆي (ABC)");
  CHECK(rtl.visual == std::string("(ABC) \uFEF1\uFBDA\uFE8B"));
  CHECK(rtl.right_to_left);
}

TEST_CASE("Each line is its own paragraph", "[gui][model][shaping]") {
  const auto two = ShapeForDisplay("ئۆي\nOK");
  CHECK(two.visual == std::string("\uFEF1\uFBDA\uFE8B\nOK"));
}
