// Data export of every case the audience may receive (ExportRequest::
// every_case, `data export --all`): the allowed cases go, the cases whose
// consent refuses the audience are listed as left out (never silently
// skipped, never named in the files), and nothing is written when none may go.
#include <catch2/catch_test_macros.hpp>

#include "cli_runner.hpp"
#include "report_world.hpp"
#include "safehold/report/data_export.hpp"

using namespace safehold;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

// Beside the desk's case (allowed to NGOs): one case whose consent refuses
// NGOs and one with no consent at all.
struct ThreeCases {
  ReportDesk d;
  storage::Record refused, no_consent;

  ThreeCases() {
    refused = d.add("case", "", case_fields("Refused case"));
    const auto p = d.add("person", refused.id, interviewee_fields("Refused interviewee"));
    d.add("consent", refused.id, consent_fields(p.id, {"be_interviewed"}));
    no_consent = d.add("case", "", case_fields("Case without consent"));
  }
};

report::ExportRequest every_case_to(const ReportDesk& d, report::ExportFormat format) {
  report::ExportRequest r;
  r.every_case = true;
  r.contact_id = d.contact_id;
  r.format = format;
  r.generated_at = "2026-12-06T08:00:00Z";
  return r;
}

std::string reference_of(const storage::Record& c) { return c.fields["reference"].get<std::string>(); }

}  // namespace

TEST_CASE("data export of every case: allowed cases go, refused ones are listed as left out", "[report][export]") {
  ThreeCases w;
  auto& d = w.d;
  const auto out = d.dir / "all";
  auto done = report::write_data_export(d.v(), every_case_to(d, report::ExportFormat::json), out,
                                        report::PlaintextConsent::given);
  REQUIRE(done);
  CHECK(done->cases == 1);
  REQUIRE(done->files.size() == 1);
  CHECK(done->files[0].filename() == "case-" + d.the_case.id + ".json");
  REQUIRE(done->cases_left_out.size() == 2);
  CHECK(done->cases_left_out[0].case_id == w.refused.id);
  CHECK(done->cases_left_out[0].reason.find(reference_of(w.refused)) != std::string::npos);
  CHECK(done->cases_left_out[0].reason.find("share_named_ngos") != std::string::npos);
  CHECK(done->cases_left_out[1].case_id == w.no_consent.id);
  CHECK(done->cases_left_out[1].reason.find("no consent") != std::string::npos);
  // The files never name the cases left out (the audience may not know of them).
  std::string all;
  for (const auto& e : fs::directory_iterator(out)) {
    const auto bytes = read_file(e.path());
    all.append(bytes.begin(), bytes.end());
  }
  CHECK(all.find(w.refused.id) == std::string::npos);
  CHECK(all.find(reference_of(w.refused)) == std::string::npos);
  CHECK(all.find(w.no_consent.id) == std::string::npos);
  // Audited for the exported case only.
  CHECK(d.v().audit().for_case(d.the_case.id).value().back().action == "data_exported");
  CHECK(d.v().audit().for_case(w.refused.id).value().back().action != "data_exported");

  // CSV: the same cases, in one file per entity.
  auto csv = report::write_data_export(d.v(), every_case_to(d, report::ExportFormat::csv), d.dir / "csv",
                                       report::PlaintextConsent::given);
  REQUIRE(csv);
  CHECK(csv->cases == 1);
  CHECK(csv->cases_left_out.size() == 2);
}

TEST_CASE("data export of every case: none allowed, or cases named too, writes nothing", "[report][export]") {
  ThreeCases w;
  auto& d = w.d;
  const auto out = d.dir / "out";
  auto req = every_case_to(d, report::ExportFormat::csv);
  req.contact_id.clear();
  req.audience_kind = "un_body";  // no case's consent shares with UN bodies
  const auto before = vault_state(d.v(), d.the_case.id);
  auto none = report::write_data_export(d.v(), req, out, report::PlaintextConsent::given);
  REQUIRE_FALSE(none);
  CHECK(none.error().code == report::ReportError::consent_refused);
  CHECK(none.error().describe().find("3 left out") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(vault_state(d.v(), d.the_case.id) == before);
  auto both = every_case_to(d, report::ExportFormat::csv);
  both.case_ids = {d.the_case.id};
  auto r = report::write_data_export(d.v(), both, out, report::PlaintextConsent::given);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == report::ReportError::invalid_request);
  CHECK_FALSE(fs::exists(out));
  CHECK(vault_state(d.v(), d.the_case.id) == before);
}

TEST_CASE("cli data export --all: lists what was left out; --all with --case, or neither, is a usage error",
          "[report][export][cli]") {
  ThreeCases w;
  const auto refused_reference = reference_of(w.refused);
  auto args = hand_to_cli(w.d);
  const auto out = w.d.dir / "export";
  auto base = args;
  base.insert(base.end(), {"data", "export", "--format", "csv", "--to", "Safe Haven NGO", "--plaintext"});
  auto neither = base;
  neither.insert(neither.end(), {"-o", out.string()});
  CHECK(run_cli(neither).exit_code == 2);
  auto both = neither;
  both.insert(both.end(), {"--all", "--case", refused_reference});
  CHECK(run_cli(both).exit_code == 2);
  CHECK_FALSE(fs::exists(out));
  auto all = neither;
  all.insert(all.end(), {"--all", "--json"});
  const auto r = run_cli(all);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("left out: case " + refused_reference) != std::string::npos);
  CHECK(r.err.find("2 cases left out") != std::string::npos);
  const auto printed = nlohmann::json::parse(r.out);
  CHECK(printed["cases"] == 1);
  CHECK(printed["cases_left_out"].size() == 2);
  CHECK(fs::exists(out / "incident.csv.minisig"));
}
