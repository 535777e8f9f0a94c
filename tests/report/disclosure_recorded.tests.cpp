// A report or data export is recorded in the case, as a bundle is
// (core::disclosure::record_handed_out): `consent show` lists its recipient,
// every evidence item listed gets a custody event "disclosed"; a refusal
// records nothing; a later report never names the earlier recipient.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "report_world.hpp"
#include "safehold/core/disclosure/handed_out.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

std::vector<std::string> with(std::vector<std::string> base, std::initializer_list<std::string> more) {
  base.insert(base.end(), more);
  return base;
}

nlohmann::json cli_json(const std::vector<std::string>& args) {
  const auto r = run_cli(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// The custody events of the evidence item with action "disclosed".
std::vector<nlohmann::json> disclosed_events(const std::vector<std::string>& base, const std::string& evidence_id) {
  std::vector<nlohmann::json> out;
  for (const auto& e : cli_json(with(base, {"custody", "show", evidence_id, "--json"}))) {
    if (e.at("fields").value("action", "") == "disclosed") out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("cli report: the case lists the recipient and the evidence item a custody event disclosed",
          "[report][cli][disclosure]") {
  ReportDesk d;
  const auto reference = d.the_case.fields["reference"].get<std::string>();
  const auto evidence_id = d.evidence.id;
  const auto contact_id = d.contact_id;
  const auto base = hand_to_cli(d);
  const auto pdf = d.dir / "r.pdf";

  // Refused first (the UN is not among the consent's audiences): nothing recorded.
  const auto refused = run_cli(
      with(base, {"report", reference, "--audience", "un_body", "--plaintext", "-o", (d.dir / "un.pdf").string()}));
  CHECK(refused.exit_code == 4);
  CHECK(cli_json(with(base, {"consent", "show", reference, "--json"})).at("sent_to").empty());
  CHECK(disclosed_events(base, evidence_id).empty());

  const auto ok = cli_json(
      with(base, {"report", reference, "--to", "Safe Haven NGO", "--plaintext", "-o", pdf.string(), "--json"}));
  const auto report_id = ok.at("report_id").get<std::string>();

  const auto shown = cli_json(with(base, {"consent", "show", reference, "--json"}));
  REQUIRE(shown.at("sent_to").size() == 1);
  const auto& sent = shown.at("sent_to").at(0);
  CHECK(sent.at("via") == "report");
  CHECK(sent.at("contact_id") == contact_id);
  CHECK(sent.at("contact_name") == "Safe Haven NGO");
  CHECK(sent.at("reference") == report_id);
  const auto text = run_cli(with(base, {"consent", "show", reference}));
  CHECK(text.out.find("sent to: Safe Haven NGO\t" + contact_id) != std::string::npos);
  CHECK(text.out.find("report " + report_id) != std::string::npos);

  const auto events = disclosed_events(base, evidence_id);
  REQUIRE(events.size() == 1);
  const auto& f = events.at(0).at("fields");
  CHECK(f.at("note") == "signed report (PDF) " + report_id + " for Safe Haven NGO");
  CHECK(f.at("actor") == "Caseworker Lin");
  CHECK(f.at("at").get<std::string>().size() == 20);  // the report's generation time, UTC seconds
  CHECK_FALSE(f.contains("hash_verified"));

  // Over an existing file (exit 7): nothing more recorded.
  CHECK(run_cli(with(base, {"report", reference, "--to", "Safe Haven NGO", "--plaintext", "-o", pdf.string()}))
            .exit_code == 7);
  CHECK(cli_json(with(base, {"consent", "show", reference, "--json"})).at("sent_to").size() == 1);
  CHECK(disclosed_events(base, evidence_id).size() == 1);
}

TEST_CASE("cli data export: each case lists the kind of recipient, each evidence item its custody event",
          "[report][cli][disclosure]") {
  ReportDesk d;
  const auto reference = d.the_case.fields["reference"].get<std::string>();
  const auto evidence_id = d.evidence.id;
  const auto base = hand_to_cli(d);
  const auto dir = d.dir / "export";

  // Without --plaintext (exit 2) and refused by consent (exit 4): nothing recorded.
  CHECK(run_cli(with(base, {"data", "export", "--format", "csv", "--case", reference, "--audience", "lawyer", "-o",
                            dir.string()}))
            .exit_code == 2);
  CHECK(run_cli(with(base, {"data", "export", "--format", "csv", "--case", reference, "--audience", "host_authority",
                            "--plaintext", "-o", dir.string()}))
            .exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(dir));
  CHECK(cli_json(with(base, {"consent", "show", reference, "--json"})).at("sent_to").empty());
  CHECK(disclosed_events(base, evidence_id).empty());

  const auto run = run_cli(with(base, {"data", "export", "--format", "csv", "--case", reference, "--audience",
                                       "lawyer", "--plaintext", "-o", dir.string(), "--json"}));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto export_id = nlohmann::json::parse(run.out).at("export_id").get<std::string>();
  // A count of one reads singular in the CLI's summary too.
  CHECK(run.err.find("data export " + export_id + ": 1 case, ") != std::string::npos);
  CHECK(run.err.find("1 cases") == std::string::npos);
  const auto sent = cli_json(with(base, {"consent", "show", reference, "--json"})).at("sent_to");
  REQUIRE(sent.size() == 1);
  CHECK(sent.at(0).at("via") == "data_export");
  CHECK(sent.at(0).at("contact_id") == "");
  CHECK(sent.at(0).at("recipient_kind") == "lawyer");
  CHECK(sent.at(0).at("reference") == export_id);
  const auto events = disclosed_events(base, evidence_id);
  REQUIRE(events.size() == 1);
  CHECK(events.at(0).at("fields").at("note") == "signed data export (CSV) " + export_id + " for recipient kind lawyer");
}

TEST_CASE("report: a later report lists the earlier disclosure without naming its recipient",
          "[report][disclosure]") {
  ReportDesk d;
  auto lawyer = d.to_contact();
  lawyer.contact_id.clear();
  lawyer.audience_kind = "lawyer";
  auto first = report::write_report(d.v(), lawyer, d.dir / "lawyer.pdf", report::PlaintextConsent::given);
  REQUIRE(first);
  REQUIRE(report::write_report(d.v(), d.to_contact(), d.dir / "ngo.pdf", report::PlaintextConsent::given));
  const auto text = pdftotext(d.dir / "ngo.pdf");
  CHECK(text.find("Disclosed") != std::string::npos);  // the custody history shows the step...
  CHECK(text.find(first->report_id) == std::string::npos);  // ...never what and for whom
  CHECK(text.find("recipient kind lawyer") == std::string::npos);
  const auto sent = d.v().consent().sent_to(d.the_case.id).value();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].action == storage::AuditAction::report_written);
  CHECK(sent[0].recipient_kind == "lawyer");
  CHECK(sent[1].contact_id == d.contact_id);
}

TEST_CASE("record_handed_out: nothing is stored until the caller commits", "[report][disclosure]") {
  ReportDesk d;
  const auto before = vault_state(d.v(), d.the_case.id);
  namespace dc = core::disclosure;
  {
    auto batch = dc::record_handed_out(
        d.v(), {dc::HandedOutAs::report, "r-1", d.contact_id, "Safe Haven NGO", "2026-12-06T08:00:00Z",
                {{d.the_case.id, {d.evidence.id}, {}}}});
    REQUIRE(batch);
  }  // dropped: a failed publish
  CHECK(vault_state(d.v(), d.the_case.id) == before);
  CHECK(d.v().consent().sent_to(d.the_case.id).value().empty());
}
