// The statistics PDF (schema/stats-v1.md section 5) checked with the stock
// poppler tools and minisign: the counts, the suppression marks and the
// left-out line as the table has them; fonts embedded; the chart page not
// blank; the signature; the audit entry; refusals that write nothing; and
// `stats --format pdf` through the real CLI.
#include <catch2/catch_test_macros.hpp>

#include "cli_runner.hpp"
#include "report_world.hpp"
#include "safehold/report/stats_pdf.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

// Beside ReportDesk's case (no consent to statistics, so left out): 12
// consenting cases with an incident in 2020, 3 with one in 2019 (a cell of 3:
// suppressed at min-cell 5), 2 without consent.
void add_counted_cases(ReportDesk& d) {
  auto add_case = [&](int i, const char* year, bool counted) {
    const auto c = d.add("case", "", case_fields("Stats case " + std::to_string(i)));
    const auto p = d.add("person", c.id, interviewee_fields("P" + std::to_string(i)));
    std::vector<std::string> yes{"be_interviewed"};
    if (counted) yes.push_back("anonymised_statistics");
    d.add("consent", c.id, consent_fields(p.id, yes));
    auto f = incident_fields("MARKERTITLE", "MARKERNARRATIVE", {"D1"});
    f["start_date"] = {{"value", std::string(year) + "-05"}, {"precision", "month"}};
    d.add("incident", c.id, f);
  };
  int i = 0;
  for (int k = 0; k < 12; ++k) add_case(i++, "2020", true);
  for (int k = 0; k < 3; ++k) add_case(i++, "2019", true);
  for (int k = 0; k < 2; ++k) add_case(i++, "2018", false);
}

report::StatsTable by_year(ReportDesk& d) {
  auto t = report::count_statistics(d.v(), {report::StatsDimension::year}, 5);
  REQUIRE(t);
  return *t;
}

report::StatsPdfOptions options(schema::Language lang = schema::Language::en) {
  return {.language = lang, .paper = report::Paper::a4, .generated_at = "2026-12-06T08:00:00Z"};
}

}  // namespace

TEST_CASE("stats pdf: the table's counts, suppression marks and left-out count; fonts; chart; signature",
          "[report][stats]") {
  ReportDesk d;
  add_counted_cases(d);
  const auto table = by_year(d);
  REQUIRE(table.cases_included == 15);
  REQUIRE(table.cases_left_out == 3);
  const auto pdf = d.dir / "stats.pdf";
  auto done = report::write_statistics_pdf(d.v(), table, options(), pdf, report::PlaintextConsent::given);
  REQUIRE(done);
  CHECK(done->pages == 2);
  const std::string text = pdftotext(pdf);
  INFO(text);
  CHECK(text.find("Anonymised statistics") != std::string::npos);
  CHECK(text.find("Cases included (consent to anonymised statistics) 15") != std::string::npos);
  CHECK(text.find("Cases left out (no consent to anonymised statistics) 3") != std::string::npos);
  CHECK(text.find("2020 12") != std::string::npos);
  // The suppressed cell is printed as the mark only, never as its number,
  // and no total gives it back by subtraction.
  CHECK(text.find("2019 <5") != std::string::npos);
  CHECK(text.find("2019 3") == std::string::npos);
  CHECK(text.find("not shown (a cell is suppressed)") != std::string::npos);
  CHECK(text.find("15 incidents") == std::string::npos);
  // Codes and counts only: no text or id of a record.
  CHECK(text.find("MARKER") == std::string::npos);
  CHECK(text.find(d.the_case.id) == std::string::npos);

  const auto fonts = pdf_fonts(pdf);
  INFO(fonts.listing);
  CHECK(fonts.fonts >= 1);
  CHECK(fonts.not_embedded == 0);
  // The chart page: bars and labels drawn, not a blank or black page.
  const auto [dark, pixels] = dark_pixels(pdf, 2, d.dir.path());
  CHECK(dark > pixels / 500);
  CHECK(dark < pixels / 2);

  const auto signature = check_signature(pdf, d.public_key_line());
  INFO(signature.out);
  CHECK(signature.verifies);
  CHECK(signature.out.find("safehold-statistics v1 by=year min_cell=5") != std::string::npos);
  CHECK(signature.changed_byte_refused);
  CHECK(done->signature == d.dir / "stats.pdf.minisig");

  // Audited: what was counted and the PDF's hash; no case, no count.
  const auto entries = d.v().audit().page(0, 100000).value();
  const auto& e = entries.back();
  CHECK(e.action == "statistics_written");
  CHECK(e.case_id.empty());
  CHECK(e.object_id == done->pdf_id);
  CHECK(e.reference == "by=year min_cell=5");
  CHECK(to_hex(e.digest) == done->pdf_sha256);
  CHECK(d.v().audit().verify().value().intact);
}

TEST_CASE("stats pdf: two dimensions in Chinese, with embedded CJK fonts", "[report][stats]") {
  ReportDesk d({"be_interviewed", "share_named_ngos", "anonymised_statistics"}, "pseudonym");
  add_counted_cases(d);
  auto t = report::count_statistics(d.v(), {report::StatsDimension::year, report::StatsDimension::tactic}, 1);
  REQUIRE(t);
  const auto pdf = d.dir / "stats-zh.pdf";
  REQUIRE(report::write_statistics_pdf(d.v(), *t, options(schema::Language::zh_hans), pdf,
                                       report::PlaintextConsent::given));
  const std::string text = pdftotext(pdf);
  INFO(text);
  CHECK(text.find("匿名统计") != std::string::npos);
  CHECK(text.find("未纳入的案件（未同意匿名统计） 2") != std::string::npos);
  CHECK(text.find("年份") != std::string::npos);  // a block per year ("年份: 2020"), bars per tactic
  CHECK(text.find("2020 12") == std::string::npos);  // 2020 is a heading: its 12 are per tactic
  CHECK(text.find("威胁或盘问亲属 12") != std::string::npos);  // D1's label, Simplified, and its count
  CHECK(text.find("D1 ") != std::string::npos);
  CHECK(pdf_fonts(pdf).listing.find("NotoSansCJK") != std::string::npos);
}

TEST_CASE("stats pdf: refused without plaintext consent or over a file; nothing written, nothing audited",
          "[report][stats]") {
  ReportDesk d;
  add_counted_cases(d);
  const auto table = by_year(d);
  const auto entries = d.v().audit().verify().value().entries;
  const auto pdf = d.dir / "stats.pdf";
  auto refused = report::write_statistics_pdf(d.v(), table, options(), pdf, report::PlaintextConsent::not_given);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == report::ReportError::invalid_request);
  CHECK_FALSE(std::filesystem::exists(pdf));
  CHECK_FALSE(std::filesystem::exists(d.dir / "stats.pdf.minisig"));
  write_file(pdf, as_bytes("mine"));
  auto exists = report::write_statistics_pdf(d.v(), table, options(), pdf, report::PlaintextConsent::given);
  REQUIRE_FALSE(exists);
  CHECK(exists.error().code == report::ReportError::exists);
  const auto kept = read_file(pdf);
  CHECK(std::string(kept.begin(), kept.end()) == "mine");
  CHECK_FALSE(std::filesystem::exists(d.dir / "stats.pdf.minisig"));
  CHECK(d.v().audit().verify().value().entries == entries);
}

TEST_CASE("cli stats --format pdf: needs --plaintext and -o, writes FILE.pdf and FILE.pdf.minisig", "[report][stats][cli]") {
  ReportDesk d;
  add_counted_cases(d);
  const auto key_line = d.public_key_line();
  auto base = hand_to_cli(d);
  base.insert(base.end(), {"stats", "--by", "year", "--format", "pdf"});
  const auto pdf = d.dir / "s.pdf";
  auto args = base;
  args.insert(args.end(), {"-o", pdf.string()});
  const auto refused = run_cli(args);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--plaintext") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(pdf));
  args.insert(args.end(), {"--plaintext", "--lang", "zh-Hant"});
  const auto ok = run_cli(args);
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  CHECK(ok.err.find("3 left out for lack of consent") != std::string::npos);
  CHECK(run_tool("minisign -V -P " + key_line + " -m " + q(pdf)).exit_code == 0);
  const std::string text = pdftotext(pdf);
  CHECK(text.find("未納入的案件（未同意匿名統計） 3") != std::string::npos);
  CHECK(text.find("2019 <5") != std::string::npos);
  CHECK(run_cli(args).exit_code == 7);  // never replaces
  // The PDF's options only with --format pdf.
  auto text_args = hand_to_cli(d);
  text_args.insert(text_args.end(), {"stats", "--by", "year", "--plaintext"});
  CHECK(run_cli(text_args).exit_code == 2);
}
