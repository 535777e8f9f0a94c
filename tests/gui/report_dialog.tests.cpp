// Issue 13: "Report…" in the case view, driven headless on a real vault
// with the demo's cases: the audience choice and app/report's refusal, the
// disclosure summary (compared with compose_report on the same vault), the
// first page rendered in memory, the plaintext warning, the in-app file
// browser, and the PDF checked with stock minisign and pdftotext.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "home_at.hpp"
#include "report_world.hpp"
#include "safehold/report/report.hpp"
#include "seeded_case.hpp"

namespace safehold::test {
namespace {

namespace fs = std::filesystem;

// How many of the preview's pixels are dark (text) and how many white (paper).
std::pair<std::size_t, std::size_t> dark_and_white(const report::PageImage& p) {
  std::size_t dark = 0, white = 0;
  for (std::size_t i = 0; i + 3 < p.rgba.size(); i += 4) {
    const int sum = p.rgba[i] + p.rgba[i + 1] + p.rgba[i + 2];
    dark += sum < 200 ? 1 : 0;
    white += sum == 765 ? 1 : 0;
  }
  return {dark, white};
}

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("Report…: refusal, disclosure summary, first-page preview, plaintext warning, signed PDF", "[report]") {
  SeededCase s;
  const fs::path home = s.f.dir.path() / "home";
  fs::create_directories(home);
  HomeAt at_home(home);
  auto& ui = s.ui;
  auto& m = s.f.app.report;

  // The check and the preview run on a worker: frames go on until they are in.
  auto settle = [&] { REQUIRE(ui.FramesUntil([&] { return !m.preparing(); })); };
  ui.Click("case.report");
  REQUIRE(ui.Has("report.heading"));
  CHECK_FALSE(ui.Enabled("report.write.button"));  // no audience yet

  // Host-country authorities: the demo consent does not share with them.
  ui.Click("report.kind.host_authority");
  settle();
  CHECK(ui.Has("report.refused"));
  CHECK_FALSE(m.composed());
  CHECK(std::string(m.error_key()) == "report.error.consent_refused");
  CHECK_FALSE(m.preview());
  CHECK_FALSE(ui.Enabled("report.write.button"));

  // Own lawyer: allowed. The summary is app/report's own answer.
  ui.Click("report.kind.lawyer");
  settle();
  REQUIRE(ui.Has("report.check.ok"));
  REQUIRE(m.composed());
  storage::Vault& vault = s.f.app.session().vault();
  report::ReportRequest same;
  same.case_id = s.case_id;
  same.audience_kind = "lawyer";
  auto expected = report::compose_report(vault, same);
  REQUIRE(expected);
  CHECK(m.composed()->records == expected->records);
  CHECK(m.composed()->records_sha256 == expected->records_sha256);
  REQUIRE(m.composed()->left_out.size() == expected->left_out.size());
  REQUIRE_FALSE(expected->left_out.empty());  // the demo case has interview sessions at least
  for (const auto& l : expected->left_out) CHECK(ui.Has("report.left_out." + l.reason));
  // Identifying fields: the demo consent says no to the real identity, and the dialog says why.
  CHECK_FALSE(ui.Enabled("report.identifying"));
  CHECK(ui.Has("report.identifying.why"));
  CHECK_FALSE(m.identifying_refusal().empty());

  // The first page, drawn in memory as the PDF will be.
  REQUIRE(m.preview());
  CHECK(m.preview()->width == appmodel::ReportModel::kPreviewWidth);
  CHECK(m.preview()->height > m.preview()->width);  // portrait A4
  CHECK(m.preview()->pages >= 2);                   // the cover stands alone
  const auto [dark, white] = dark_and_white(*m.preview());
  CHECK(dark > 500);                                  // text was drawn
  CHECK(white > m.preview()->rgba.size() / 4 / 2);    // on white paper
  CHECK(ui.Has("report.preview"));

  // Letter and Traditional Chinese labels: the preview follows.
  const auto generation = m.preview_generation();
  ui.Click("report.paper.letter");
  ui.Click("report.language.zh_hant");
  settle();
  REQUIRE(m.preview());
  CHECK(m.preview_generation() > generation);
  CHECK(m.request().paper == report::Paper::letter);
  CHECK(m.composed()->document.language == schema::Language::zh_hant);
  CHECK(m.preview()->height == static_cast<int>(792.0 * appmodel::ReportModel::kPreviewWidth / 612.0 + 0.5));

  // Nothing is written before the warning is accepted and a folder chosen.
  CHECK(files_in(home) == 0);
  ui.Click("report.write.button");
  REQUIRE(ui.Has("report.write.confirm"));
  ui.Click("report.write.cancel");  // cancel: back, nothing written
  CHECK_FALSE(ui.Has("report.write.confirm"));
  CHECK(files_in(home) == 0);
  ui.Click("report.write.button");
  ui.Click("report.write.confirm");
  ui.Click("files.choose");  // the browser opened at HOME: write there
  // Written on the model's worker: frames go on until it is collected.
  REQUIRE(ui.FramesUntil([&] { return !m.writing(); }));
  REQUIRE(ui.Has("report.done"));
  REQUIRE(m.written());
  const fs::path pdf = home / (m.composed()->reference + ".pdf");
  CHECK(m.written_path() == pdf);
  REQUIRE(fs::exists(pdf));
  REQUIRE(fs::exists(pdf.string() + ".minisig"));
  CHECK(files_in(home) == 2);

  // Stock tools: the signature verifies with the vault's public key; the
  // labels are Traditional Chinese; Letter paper.
  const std::string key = vault.identity().info().value().minisign_public_key;
  const auto verified = run_tool("minisign -V -P " + key + " -m " + q(pdf));
  CHECK(verified.exit_code == 0);
  CHECK(verified.out.find("records-sha256=" + expected->records_sha256) != std::string::npos);
  CHECK(run_tool("pdftotext -enc UTF-8 " + q(pdf) + " -").out.find("證據報告") != std::string::npos);
  CHECK(run_tool("pdfinfo " + q(pdf)).out.find("612 x 792") != std::string::npos);

  // Audited by app/report: for whom, and the PDF's hash.
  auto trail = vault.audit().for_case(s.case_id);
  REQUIRE(trail);
  const auto entry = std::find_if(trail->begin(), trail->end(), [](const auto& e) { return e.action == "report_written"; });
  REQUIRE(entry != trail->end());
  CHECK(entry->counterparty == "kind:lawyer");

  // The same name again: refused, nothing replaced.
  const auto size_before = fs::file_size(pdf);
  ui.Click("report.write.button");
  ui.Click("report.write.confirm");
  ui.Click("files.choose");
  REQUIRE(ui.FramesUntil([&] { return !m.writing(); }));
  CHECK(ui.Has("report.error"));
  CHECK(std::string(m.error_key()) == "report.error.exists");
  CHECK(fs::file_size(pdf) == size_before);
  CHECK(files_in(home) == 2);

  // One byte of the PDF changed: stock minisign refuses it.
  {
    std::fstream f(pdf, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(200);
    f.put('#');
  }
  CHECK(run_tool("minisign -V -P " + key + " -m " + q(pdf)).exit_code != 0);

  // Lock: the preview (the case's text as pixels) goes with the rest.
  ui.Click("nav.lock");
  CHECK_FALSE(m.is_open());
  CHECK_FALSE(m.preview());
  CHECK_FALSE(m.working());
}

TEST_CASE("Report…: the check and preview run on a worker; a stale result is dropped; no call waits", "[report]") {
  SeededCase s;
  auto& m = s.f.app.report;
  m.open(s.case_id);
  m.check_if_needed();
  CHECK_FALSE(m.preparing());  // no audience yet: nothing to prepare
  m.set_audience_kind("lawyer");
  m.check_if_needed();
  // Started, not done: the call returned without composing.
  CHECK(m.preparing());
  CHECK_FALSE(m.composed());
  CHECK_FALSE(m.preview());
  // The choice changes while the worker composes the English report.
  m.set_language(schema::Language::zh_hant);
  m.wait();  // the English one is finished now
  m.check_if_needed();
  // Its result answered an older choice: dropped, and the current one started.
  CHECK_FALSE(m.composed());
  CHECK(m.preparing());
  for (int i = 0; i < 3000 && m.preparing(); ++i) {
    m.wait();
    m.check_if_needed();
  }
  REQUIRE_FALSE(m.preparing());
  REQUIRE(m.composed());
  CHECK(m.composed()->document.language == schema::Language::zh_hant);
  REQUIRE(m.preview());
  // Closing while a check runs: its result never shows.
  m.set_paper(report::Paper::letter);
  m.check_if_needed();
  m.close();
  m.wait();
  m.check_if_needed();
  CHECK_FALSE(m.composed());
  CHECK_FALSE(m.preview());
}

TEST_CASE("Report…: a check that finished before the lock leaves no result behind", "[report]") {
  SeededCase s;
  auto& m = s.f.app.report;
  m.open(s.case_id);
  m.set_audience_kind("lawyer");
  m.check_if_needed();
  REQUIRE(m.working());
  // Finished but not collected: the result (the case's report and first
  // page) waits in the worker until the next frame.
  m.wait();
  REQUIRE(m.working());
  s.f.app.lock();
  CHECK_FALSE(m.working());
  CHECK_FALSE(m.preview());
}

// The dialog's model opened on `case_id` for a lawyer, its check collected.
void open_for_lawyer(appmodel::ReportModel& m, const std::string& case_id) {
  m.open(case_id);
  m.set_audience_kind("lawyer");
  for (int i = 0; i < 3000 && (m.preparing() || m.working()); ++i) {
    m.wait();
    m.check_if_needed();
  }
  REQUIRE(m.composed());
}

// Frames of the dialog's model alone: until the write is collected.
void collect_write(appmodel::ReportModel& m) {
  for (int i = 0; i < 3000 && m.writing(); ++i) {
    m.wait();
    m.check_if_needed();
  }
  REQUIRE_FALSE(m.writing());
}

TEST_CASE("Report…: the PDF is written on a worker; the choice stays fixed until it is collected", "[report]") {
  SeededCase s;
  const fs::path out = s.f.dir.path() / "out";
  fs::create_directories(out);
  auto& m = s.f.app.report;
  open_for_lawyer(m, s.case_id);
  const auto language = m.request().language;

  // A name with a folder in it starts nothing.
  CHECK_FALSE(m.write(out, "sub/r.pdf"));
  CHECK_FALSE(m.writing());
  CHECK(std::string(m.error_key()) == "report.error.file_name");

  // write() returns at once: the worker writes, the next frame collects.
  REQUIRE(m.write(out, "r.pdf"));
  CHECK(m.writing());
  CHECK(m.working());
  CHECK_FALSE(m.written());
  // Meanwhile the choice cannot change, no second write starts, and the
  // dialog cannot be switched to another case.
  m.set_language(language == schema::Language::zh_hant ? schema::Language::en : schema::Language::zh_hant);
  m.set_audience_kind("ngo");
  CHECK(m.request().language == language);
  CHECK(m.request().audience_kind == "lawyer");
  CHECK_FALSE(m.write(out, "second.pdf"));
  m.open("another-case");
  CHECK(m.case_id() == s.case_id);

  collect_write(m);
  REQUIRE(m.written());
  CHECK(m.written_path() == out / "r.pdf");
  CHECK(fs::exists(out / "r.pdf"));
  CHECK(fs::exists(out / "r.pdf.minisig"));
  CHECK_FALSE(fs::exists(out / "second.pdf"));
  CHECK(files_in(out) == 2);
  // Once collected, the choice is free again.
  m.set_audience_kind("ngo");
  CHECK(m.request().audience_kind == "ngo");

  // Over an existing file: the refusal arrives the same way.
  m.set_audience_kind("lawyer");
  REQUIRE(m.write(out, "r.pdf"));
  collect_write(m);
  CHECK_FALSE(m.written());
  CHECK(std::string(m.error_key()) == "report.error.exists");
  CHECK(files_in(out) == 2);
}

TEST_CASE("Report…: a lock during the write waits for both files and keeps no result", "[report]") {
  SeededCase s;
  const fs::path out = s.f.dir.path() / "out";
  fs::create_directories(out);
  auto& m = s.f.app.report;
  open_for_lawyer(m, s.case_id);
  REQUIRE(m.write(out, "r.pdf"));
  s.f.app.lock();
  // The write ran to its end (published whole: no half file, no temporary)
  // and nothing of it or of the check stayed in memory.
  CHECK(fs::exists(out / "r.pdf"));
  CHECK(fs::exists(out / "r.pdf.minisig"));
  CHECK(files_in(out) == 2);
  CHECK_FALSE(m.working());
  CHECK_FALSE(m.writing());
  CHECK_FALSE(m.is_open());
  CHECK_FALSE(m.written());
  CHECK_FALSE(m.composed());
  CHECK_FALSE(m.preview());
}

TEST_CASE("Report…: counts of one say \"1 record\", of more \"N records\"", "[report]") {
  appmodel::set_language(appmodel::Language::en);
  CHECK(appmodel::trn("report.check.ok", 1, {"SH-1", "1"}) == "Consent allows this report of SH-1: 1 record.");
  CHECK(appmodel::trn("report.check.ok", 2, {"SH-1", "2"}) == "Consent allows this report of SH-1: 2 records.");
  CHECK(appmodel::trn("report.preview.pages", 1, {"1"}) == "As it will be printed; 1 page in all.");
  CHECK(appmodel::trn("report.left_out.interview_sessions", 3, {"3"}).ends_with("3 records"));
  appmodel::set_language(appmodel::Language::zh_Hans);  // no plural forms: the same text
  CHECK(appmodel::trn("report.check.ok", 1, {"SH-1", "1"}) == appmodel::trf("report.check.ok", {"SH-1", "1"}));
  appmodel::set_language(appmodel::Language::en);
}

}  // namespace safehold::test
