// The PDF itself, checked with the stock poppler tools and minisign:
// chronology, hashes and Chinese text in pdftotext, every font embedded,
// pages not blank, paper sizes, the signature and what one changed byte does.
#include <catch2/catch_test_macros.hpp>

#include <fstream>

#include "report_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

std::filesystem::path write(ReportDesk& d, const report::ReportRequest& req, const std::string& name) {
  const auto out = d.dir / name;
  auto r = report::write_report(d.v(), req, out, report::PlaintextConsent::given);
  if (!r) FAIL(r.error().describe());
  return out;
}

}  // namespace

TEST_CASE("report: pdftotext holds the chronology in date order, the hashes and the Chinese text", "[report]") {
  ReportDesk d;
  const auto pdf = write(d, d.to_contact(), "SH.pdf");
  const std::string text = pdftotext(pdf);
  const auto reference = d.the_case.fields["reference"].get<std::string>();
  CHECK(text.find(reference) != std::string::npos);
  CHECK(text.find(kChinese) != std::string::npos);
  CHECK(text.find("两名便衣警察") != std::string::npos);  // perpetrator description, as written
  CHECK(text.find(d.evidence_sha256()) != std::string::npos);
  CHECK(text.find("D1 ") != std::string::npos);  // tactic codes with their labels
  // Chronology: the 2021 incident before the 2023 one.
  const auto first = text.find("Relatives summoned");
  const auto second = text.find("Father questioned by PSB");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  // The custody event of the evidence item.
  CHECK(text.find("compared with the original phone") != std::string::npos);
  // Every page names the case: as many references as pages (at least).
  const auto info = run_tool("pdfinfo " + q(pdf));
  REQUIRE(info.exit_code == 0);
  const auto pages_at = info.out.find("Pages:");
  REQUIRE(pages_at != std::string::npos);
  const int pages = std::stoi(info.out.substr(pages_at + 6));
  CHECK(pages >= 2);
  int references = 0;
  for (auto at = text.find(reference); at != std::string::npos; at = text.find(reference, at + 1)) ++references;
  CHECK(references >= pages);
  CHECK(text.find("page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
}

TEST_CASE("report: the records SHA-256 on the cover is the one signed in the trusted comment", "[report]") {
  ReportDesk d;
  const auto out = d.dir / "SH.pdf";
  // The same state of the case gives the same records SHA-256 (composed
  // before writing: the written report adds its custody events to the case).
  auto before = report::compose_report(d.v(), d.to_contact());
  REQUIRE(before);
  auto r = report::write_report(d.v(), d.to_contact(), out, report::PlaintextConsent::given);
  REQUIRE(r);
  CHECK(before->records_sha256 == r->records_sha256);
  CHECK(pdftotext(out).find(r->records_sha256) != std::string::npos);
  const auto verify = run_tool("minisign -V -P " + d.public_key_line() + " -m " + q(out));
  CHECK(verify.out.find("records-sha256=" + r->records_sha256) != std::string::npos);
  // A change gives another: the custody event the report added, and an edit.
  auto again = report::compose_report(d.v(), d.to_contact());
  REQUIRE(again);
  CHECK(again->records_sha256 != r->records_sha256);
  auto f = d.incident.fields;
  f["title"] = "Father questioned twice";
  REQUIRE(d.v().records().update(d.incident.id, f));
  CHECK(report::compose_report(d.v(), d.to_contact())->records_sha256 != r->records_sha256);
}

TEST_CASE("report: pdffonts shows every font embedded, CJK and Arabic among them", "[report]") {
  ReportDesk d;
  const auto pdf = write(d, d.to_contact(), "fonts.pdf");
  const auto fonts = pdf_fonts(pdf);
  INFO(fonts.listing);
  CHECK(fonts.fonts >= 3);
  CHECK(fonts.not_embedded == 0);
  CHECK(fonts.listing.find("NotoSansCJK") != std::string::npos);
  CHECK(fonts.listing.find("NotoSansArabic") != std::string::npos);
}

TEST_CASE("report: a page rendered with pdftoppm is not blank", "[report]") {
  ReportDesk d;
  const auto pdf = write(d, d.to_contact(), "render.pdf");
  const auto [dark, pixels] = dark_pixels(pdf, 2, d.dir.path());
  CHECK(dark > pixels / 200);  // text covers more than 0.5 % of the page
  CHECK(dark < pixels / 2);    // and it is not a black page
}

TEST_CASE("report: A4 and US Letter page sizes", "[report]") {
  ReportDesk d;
  auto req = d.to_contact();
  const auto a4 = write(d, req, "a4.pdf");
  req.paper = report::Paper::letter;
  const auto letter = write(d, req, "letter.pdf");
  CHECK(run_tool("pdfinfo " + q(a4)).out.find("595.276 x 841.89 pts (A4)") != std::string::npos);
  CHECK(run_tool("pdfinfo " + q(letter)).out.find("612 x 792 pts (letter)") != std::string::npos);
}

TEST_CASE("report: stock minisign verifies the signature and fails after one byte of the PDF changes", "[report]") {
  ReportDesk d;
  const auto pdf = write(d, d.to_contact(), "signed.pdf");
  REQUIRE(std::filesystem::exists(d.dir / "signed.pdf.minisig"));
  const auto signature = check_signature(pdf, d.public_key_line());
  INFO(signature.out);
  CHECK(signature.verifies);
  CHECK(signature.out.find("Trusted comment: safehold-report v1 case=") != std::string::npos);
  CHECK(signature.changed_byte_refused);
}

TEST_CASE("report: labels in Simplified and Traditional Chinese, record text as written", "[report]") {
  ReportDesk d;
  auto req = d.to_contact();
  req.language = schema::Language::zh_hans;
  const auto hans = pdftotext(write(d, req, "hans.pdf"));
  CHECK(hans.find("证据报告") != std::string::npos);
  CHECK(hans.find("事件时间线") != std::string::npos);
  CHECK(hans.find("Father questioned by PSB") != std::string::npos);  // the title stays as written
  req.language = schema::Language::zh_hant;
  const auto hant = pdftotext(write(d, req, "hant.pdf"));
  CHECK(hant.find("證據報告") != std::string::npos);
  CHECK(hant.find("事件時間線") != std::string::npos);
  CHECK(hant.find(kChinese) != std::string::npos);  // Simplified text stays Simplified
}
