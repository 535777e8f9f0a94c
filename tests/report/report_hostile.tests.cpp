// Record text from a verified but hostile sender (a case imported from a
// bundle holds whatever its sender wrote, within the model's limits): the
// longest narrative the model allows, in one unbroken word, and bidi
// override characters. The report is still written, laid out across pages,
// and the text after an override does not run into the labels.
#include <catch2/catch_test_macros.hpp>

#include "report_world.hpp"
#include "safehold/schema/model.hpp"
#include "small_tmpfs.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("report: the longest narrative without a space, and bidi overrides, still make a report", "[report][hostile]") {
  ReportDesk d({"be_interviewed", "share_named_ngos"}, "pseudonym");
  // U+202E RIGHT-TO-LEFT OVERRIDE, never closed, then a word as long as the
  // model allows a long text (1 MiB), in 3-byte characters.
  std::string narrative = "\u202E";
  while (narrative.size() + 3 <= schema::kMaxLongTextBytes) narrative += "父";
  auto f = incident_fields("\u202Eoverride in a title", narrative, {"D1"});
  d.add("incident", d.the_case.id, f);
  const auto pdf = d.dir / "hostile.pdf";
  auto r = report::write_report(d.v(), d.to_contact(), pdf, report::PlaintextConsent::given);
  REQUIRE(r);
  CHECK(r->pages > 50);  // the narrative went across pages, line by line
  const auto text = pdftotext(pdf);
  CHECK(text.find("Legal measures") != std::string::npos);  // what follows is still there
  CHECK(run_tool("minisign -V -P " + d.public_key_line() + " -m " + q(pdf)).exit_code == 0);
}

TEST_CASE("report: a full disk leaves no PDF, no signature, no temporary and no audit entry", "[report][hostile]") {
  ReportDesk d;
  const auto small = d.dir / "small";
  SmallTmpfs fs(small, 64 * 1024);  // a report with embedded fonts is larger
  if (!fs.ok()) SKIP("no small tmpfs: " << fs.why());
  const auto before = vault_state(d.v(), d.the_case.id);
  auto r = report::write_report(d.v(), d.to_contact(), small / "r.pdf", report::PlaintextConsent::given);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == report::ReportError::file_failed);
  CHECK(std::filesystem::is_empty(small));
  CHECK(vault_state(d.v(), d.the_case.id) == before);
}

TEST_CASE("report: an output path that cannot be looked at is a file error, not 'already exists'", "[report][hostile]") {
  ReportDesk d;
  const auto out_dir = d.dir / "out";
  std::filesystem::create_directories(out_dir);
  std::filesystem::create_symlink("loop", out_dir / "loop");  // a symlink to itself
  const auto before = vault_state(d.v(), d.the_case.id);
  for (const auto& dest : {out_dir / "loop" / "r.pdf", out_dir / (std::string(300, 'x') + ".pdf")}) {
    INFO(dest.string().size());
    auto r = report::write_report(d.v(), d.to_contact(), dest, report::PlaintextConsent::given);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == report::ReportError::file_failed);
  }
  CHECK(vault_state(d.v(), d.the_case.id) == before);
  std::filesystem::remove(out_dir / "loop");
  CHECK(std::filesystem::is_empty(out_dir));
}
