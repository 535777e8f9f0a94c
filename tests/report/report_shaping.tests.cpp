// Uyghur in Arabic script is shaped and laid out right to left. The proof:
// the report's own text engine (probe_layout, the settings write_pdf uses)
// gives the word other glyphs than its letters laid out one by one, i.e. the
// joining forms (initial, medial, final) of the font were chosen by HarfBuzz,
// and a right-to-left line; the PDF embeds the Arabic font; and pdftotext
// gives the text back in logical order.
#include <catch2/catch_test_macros.hpp>

#include "report_world.hpp"
#include "safehold/report/pdf.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

// The code points of a UTF-8 string, each as its own UTF-8 string.
std::vector<std::string> letters(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

TEST_CASE("report: Uyghur is shaped (joined forms) and right to left", "[report][shaping]") {
  const std::string word = "ئۇيغۇر";
  const auto shaped = report::probe_layout(word, schema::Language::en);
  CHECK(shaped.right_to_left);
  REQUIRE_FALSE(shaped.glyphs.empty());
  std::vector<unsigned> isolated;
  for (const auto& l : letters(word)) {
    const auto one = report::probe_layout(l, schema::Language::en);
    REQUIRE(one.glyphs.size() == 1);
    isolated.push_back(one.glyphs.front());
  }
  // Visual order is right to left: compare with the isolated letters reversed.
  std::vector<unsigned> reversed(isolated.rbegin(), isolated.rend());
  INFO("shaped glyphs " << shaped.glyphs.size() << ", letters " << isolated.size());
  CHECK(shaped.glyphs != reversed);
  CHECK(shaped.glyphs != isolated);
  // No glyph is .notdef (0): the font covers every letter.
  for (auto g : shaped.glyphs) CHECK(g != 0u);
  // Latin stays left to right and unshaped.
  const auto latin = report::probe_layout("Uyghur", schema::Language::en);
  CHECK_FALSE(latin.right_to_left);
}

TEST_CASE("report: the Uyghur narrative is in the PDF, in logical order, with the Arabic font embedded", "[report][shaping]") {
  ReportDesk d;
  const auto pdf = d.dir / "uyghur.pdf";
  REQUIRE(report::write_report(d.v(), d.to_contact(), pdf, report::PlaintextConsent::given));
  // poppler rebuilds right-to-left text from glyph positions: it puts a space
  // where cursive glyphs meet and wraps the run in U+202B/U+202C; it also
  // reverses the two letters of the lam + alef maksura ligature of the second
  // word (a poppler quirk: the PDF's ToUnicode maps that glyph to them in
  // logical order). So the check is the first word, in logical order, once
  // poppler's spaces and bidi marks are removed.
  std::string letters;
  for (const std::string& line : {pdftotext(pdf)}) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line.compare(i, 3, "\u202B") == 0 || line.compare(i, 3, "\u202C") == 0) {
        i += 2;
        continue;
      }
      if (line[i] != ' ') letters += line[i];
    }
  }
  CHECK(letters.find("ئۇيغۇر") != std::string::npos);
  CHECK(run_tool("pdffonts " + q(pdf)).out.find("NotoSansArabic") != std::string::npos);
}
