// render_page_image (the GUI's first-page preview) against the PDF itself:
// the same page drawn by poppler (pdftoppm) has its lines of text on the
// same rows, so the preview breaks and places text as the paper does.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <type_traits>
#include <vector>

#include "report_world.hpp"
#include "safehold/report/pdf.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

// Rows of a grey image that hold ink (a pixel darker than mid-grey).
std::vector<bool> inked_rows(const std::vector<unsigned char>& grey, std::size_t width, std::size_t height) {
  std::vector<bool> rows(height, false);
  for (std::size_t y = 0; y < height; ++y) {
    for (std::size_t x = 0; x < width && !rows[y]; ++x) rows[y] = grey[y * width + x] < 128;
  }
  return rows;
}

// Share of inked rows of `a` that have ink in `b` within one row.
double matched(const std::vector<bool>& a, const std::vector<bool>& b) {
  std::size_t inked = 0, found = 0;
  for (std::size_t y = 0; y < a.size(); ++y) {
    if (!a[y]) continue;
    ++inked;
    bool near = false;
    for (std::size_t d = (y > 0 ? y - 1 : 0); d <= y + 1 && d < b.size(); ++d) near = near || b[d];
    found += near ? 1 : 0;
  }
  return inked == 0 ? 0.0 : static_cast<double>(found) / static_cast<double>(inked);
}

struct Grey {
  std::size_t width = 0, height = 0;
  std::vector<unsigned char> pixels;
};

// Page `page` (1-based) of the PDF at 72 dpi (one pixel per point), grey.
Grey poppler_page(const std::filesystem::path& pdf, const std::filesystem::path& prefix, int page) {
  const std::string n = std::to_string(page);
  REQUIRE(run_tool("pdftoppm -r 72 -gray -singlefile -f " + n + " -l " + n + " " + q(pdf) + " " + q(prefix)).exit_code == 0);
  const auto bytes = read_file(prefix.string() + ".pgm");
  // Binary PGM: "P5\n<w> <h>\n255\n", then one byte per pixel.
  Grey g;
  std::size_t at = 0, newlines = 0;
  std::string header;
  while (at < bytes.size() && newlines < 3) {
    header += static_cast<char>(bytes[at]);
    newlines += bytes[at++] == '\n';
  }
  REQUIRE(std::sscanf(header.c_str(), "P5 %zu %zu", &g.width, &g.height) == 2);
  g.pixels.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.end());
  REQUIRE(g.pixels.size() == g.width * g.height);
  return g;
}

Grey preview_grey(const report::PageImage& p) {
  Grey g{static_cast<std::size_t>(p.width), static_cast<std::size_t>(p.height), {}};
  for (std::size_t i = 0; i + 3 < p.rgba.size(); i += 4) {
    g.pixels.push_back(static_cast<unsigned char>((p.rgba[i] + p.rgba[i + 1] + p.rgba[i + 2]) / 3));
  }
  return g;
}

}  // namespace

TEST_CASE("report preview: a page drawn in memory has its text on the rows poppler draws it on", "[report]") {
  ReportDesk d;
  auto req = d.to_contact();
  req.generated_at = "2026-03-01T10:00:00Z";  // the same cover in both
  const auto pdf = d.dir / "preview.pdf";
  // Composed first: the written report adds its custody events to the case.
  auto composed = report::compose_report(d.v(), req);
  REQUIRE(composed);
  auto written = report::write_report(d.v(), req, pdf, report::PlaintextConsent::given);
  REQUIRE(written);
  REQUIRE(written->pages >= 3);

  std::vector<std::vector<bool>> pdf_rows;
  for (int page = 1; page <= 3; ++page) {
    const Grey g = poppler_page(pdf, d.dir / ("page" + std::to_string(page)), page);
    pdf_rows.push_back(inked_rows(g.pixels, g.width, g.height));
  }
  for (std::size_t page = 0; page < 3; ++page) {
    auto image = report::render_page_image(composed->document, req.paper, page, 595);
    REQUIRE(image);
    CHECK(image->pages == written->pages);
    CHECK(image->height == 842);
    const Grey g = preview_grey(*image);
    const auto rows = inked_rows(g.pixels, g.width, g.height);
    INFO("page " << page + 1);
    CHECK(std::count(rows.begin(), rows.end(), true) > 100);  // text, not an empty page
    CHECK(matched(rows, pdf_rows[page]) > 0.97);
    CHECK(matched(pdf_rows[page], rows) > 0.97);
  }
  // The measure can tell pages apart: the cover is not page 2.
  auto cover = report::render_page_image(composed->document, req.paper, 0, 595);
  REQUIRE(cover);
  const Grey g = preview_grey(*cover);
  CHECK(matched(inked_rows(g.pixels, g.width, g.height), pdf_rows[1]) < 0.9);
}

TEST_CASE("report preview: a page that does not exist or an absurd width is refused", "[report]") {
  ReportDesk d;
  auto composed = report::compose_report(d.v(), d.to_contact());
  REQUIRE(composed);
  auto past = report::render_page_image(composed->document, report::Paper::a4, 10000, 400);
  REQUIRE_FALSE(past);
  CHECK(past.error().code == report::ReportError::invalid_request);
  CHECK_FALSE(report::render_page_image(composed->document, report::Paper::a4, 0, 0));
  CHECK_FALSE(report::render_page_image(composed->document, report::Paper::a4, 0, 100000));
  auto letter = report::render_page_image(composed->document, report::Paper::letter, 0, 612);
  REQUIRE(letter);
  CHECK(letter->height == 792);
  CHECK(letter->rgba.size() == 612u * 792u * 4u);
}

TEST_CASE("report preview: the pixels come in a buffer that is wiped when freed", "[report]") {
  // The type the API hands back: a vector whose allocator wipes each block
  // before freeing it (and Cairo draws into one of ours, not its own malloc).
  static_assert(std::is_same_v<decltype(report::PageImage::rgba), report::PixelBuffer>);
  static_assert(std::is_same_v<report::PixelBuffer::allocator_type, report::WipingAllocator<unsigned char>>);
  // What that allocator's deallocate does first.
  std::vector<unsigned char> bytes(4096, 0xAB);
  report::wipe_bytes(bytes.data(), bytes.size());
  CHECK(std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; }));
  // And the buffer works as one: a real page in it.
  ReportDesk d;
  auto composed = report::compose_report(d.v(), d.to_contact());
  REQUIRE(composed);
  auto page = report::render_page_image(composed->document, report::Paper::a4, 0, 200);
  REQUIRE(page);
  CHECK(page->rgba.size() == static_cast<std::size_t>(page->width * page->height * 4));
}
