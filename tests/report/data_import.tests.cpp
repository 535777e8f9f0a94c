// A JSON data export read back (schema/export-v1.md section 5): export ->
// import into a fresh vault -> export again gives the same document but for
// the fields a vault assigns; every malformed or hostile document is refused
// with one line and the vault keeps nothing of it.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "cli_runner.hpp"
#include "report_world.hpp"
#include "safehold/report/data_export.hpp"
#include "safehold/report/data_import.hpp"

using namespace safehold;
using namespace safehold::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kReceiverPass = "receiver passphrase";

report::ExportRequest json_export_of(const std::string& case_id) {
  report::ExportRequest r;
  r.case_ids = {case_id};
  r.audience_kind = "ngo";
  r.include_identifying = true;
  r.format = report::ExportFormat::json;
  r.generated_at = "2026-12-06T08:00:00Z";
  return r;
}

std::string export_json(storage::Vault& v, const std::string& case_id, const fs::path& dir) {
  auto done = report::write_data_export(v, json_export_of(case_id), dir, report::PlaintextConsent::given);
  if (!done) FAIL(done.error().describe());
  const auto bytes = read_file(dir / ("case-" + case_id + ".json"));
  return {bytes.begin(), bytes.end()};
}

storage::Vault fresh_vault(const fs::path& folder) {
  return storage::Vault::create(folder, crypto::SecretBuffer::copy_of(std::string_view(kReceiverPass)),
                                {"Receiver", storage::KdfParams::insecure_for_tests()})
      .value();
}

// What the vault assigns, left out of the comparison (section 5): the
// reference (numbered by the importing vault), created_at and updated_at
// (the time of the import), records_sha256 (it hashes those), left_out
// (what the first export left out never reached the second vault), and the
// order of the records (the writer stores consent before what needs it).
json comparable(json doc) {
  for (const char* k : {"reference", "records_sha256", "left_out"}) doc.erase(k);
  for (auto& r : doc["records"]) {
    r.erase("created_at");
    r.erase("updated_at");
    r["fields"].erase("reference");
  }
  std::sort(doc["records"].begin(), doc["records"].end(),
            [](const json& a, const json& b) { return a["id"].get<std::string>() < b["id"].get<std::string>(); });
  return doc;
}

// The document with every id of the sending vault replaced by the importing vault's.
json with_new_ids(std::string text, const std::map<std::string, std::string>& ids) {
  for (const auto& [from, to] : ids) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return json::parse(text);
}

struct Refusal {
  report::ReportError code;
  std::string message;
};

// Imports a document into the vault, expecting a refusal; checks the vault
// kept nothing (no case, no audit entry).
Refusal refused_import(storage::Vault& v, const std::string& text) {
  const auto cases = v.records().list_entity("case").value().size();
  const auto entries = v.audit().verify().value().entries;
  auto doc = report::parse_data_export_json(text);
  report::ReportFailure failure;
  if (doc) {
    auto imported = report::import_data_export(v, *doc);
    if (imported) FAIL("imported: " << imported->case_id);
    failure = imported.error();
  } else {
    failure = doc.error();
  }
  CHECK(v.records().list_entity("case").value().size() == cases);
  CHECK(v.audit().verify().value().entries == entries);
  return {failure.code, failure.describe()};
}

std::size_t index_of(const json& doc, const std::string& entity) {
  for (std::size_t i = 0; i < doc["records"].size(); ++i) {
    if (doc["records"][i]["entity"] == entity) return i;
  }
  FAIL("no " << entity);
  return 0;
}

}  // namespace

TEST_CASE("data import: export, import into a fresh vault, export again: the same document", "[report][import]") {
  ReportDesk d;
  const std::string first = export_json(d.v(), d.the_case.id, d.dir / "first");
  keep_sample(d.dir / "first" / ("case-" + d.the_case.id + ".json"));  // the fuzz seed (fuzz/README.md)
  auto receiver = fresh_vault(d.dir / "receiver");
  auto doc = report::parse_data_export_json(first);
  REQUIRE(doc);
  CHECK(doc->withheld_fields == 0);
  auto imported = report::import_data_export(receiver, *doc);
  if (!imported) FAIL(imported.error().describe());
  CHECK(imported->records == doc->records.size());
  CHECK(imported->case_id != d.the_case.id);
  CHECK_FALSE(imported->reference.empty());
  const std::string second = export_json(receiver, imported->case_id, d.dir / "second");
  const auto a = comparable(with_new_ids(first, imported->ids));
  const auto b = comparable(json::parse(second));
  INFO(a.dump(1) << "\n---\n" << b.dump(1));
  CHECK(a == b);
  // The comparison can fail: one changed field shows.
  auto changed = a;
  changed["records"][1]["fields"]["notes"] = "changed";
  CHECK(changed != b);
  // Every identifying marker made the round trip.
  for (const auto& m : kMarkers) {
    INFO(m);
    CHECK(second.find(m) != std::string::npos);
  }
}

TEST_CASE("data import: malformed and hostile documents are refused, nothing stored", "[report][import]") {
  ReportDesk d;
  const json good = json::parse(export_json(d.v(), d.the_case.id, d.dir / "export"));
  auto v = fresh_vault(d.dir / "receiver");
  auto refused = [&](const json& doc, report::ReportError code, const std::string& says) {
    const auto r = refused_import(v, doc.dump());
    INFO(r.message);
    CHECK(r.code == code);
    CHECK(r.message.find(says) != std::string::npos);
    CHECK(r.message.find('\n') == std::string::npos);
    for (const auto& m : kMarkers) CHECK(r.message.find(m) == std::string::npos);
  };
  auto doc = good;
  doc["extra"] = 1;
  refused(doc, report::ReportError::invalid_input, "members differ");
  doc = good;
  doc["version"] = "1";
  refused(doc, report::ReportError::invalid_input, "version");
  doc = good;
  doc["format"] = "safehold-bundle";
  refused(doc, report::ReportError::invalid_input, "format");
  doc = good;
  doc["records"][0]["fields"]["unknown_field"] = "x";
  refused(doc, report::ReportError::invalid_input, "record 0");
  doc = good;
  doc["records"][1]["surprise"] = true;
  refused(doc, report::ReportError::invalid_input, "record 1");
  doc = good;
  const auto incident = index_of(good, "incident");
  doc["records"][incident]["fields"]["outcome"] = 42;
  refused(doc, report::ReportError::invalid_input, "record " + std::to_string(incident));
  doc = good;  // a narrative over the model's 1 MiB
  doc["records"][incident]["fields"]["narrative"]["text"] = std::string(1024 * 1024 + 1, 'a');
  refused(doc, report::ReportError::invalid_input, "record " + std::to_string(incident));
  doc = good;
  const auto custody = index_of(good, "custody_event");
  doc["records"][custody]["fields"]["evidence"] = "3f0e8a52-7c1d-4b7e-9a55-0d6f1c2b9e41";
  refused(doc, report::ReportError::invalid_input, "no evidence_item of the document");
  doc = good;
  doc["records"][index_of(good, "consent")]["fields"]["allowed_recipients"] = {{{"contact", d.contact_id}}};
  refused(doc, report::ReportError::invalid_input, "no contact of the document");
  doc = good;
  doc["records"].push_back(good["records"][0]);
  refused(doc, report::ReportError::invalid_input, "only once");
  doc = good;
  doc["records"].push_back(good["records"][incident]);
  refused(doc, report::ReportError::invalid_input, "id repeated");
  doc = good;
  doc["records"][incident]["case_id"] = "3f0e8a52-7c1d-4b7e-9a55-0d6f1c2b9e41";
  refused(doc, report::ReportError::invalid_input, "another case");
  doc = good;
  doc["records"][incident]["entity"] = "interview_session";
  refused(doc, report::ReportError::invalid_input, "record " + std::to_string(incident));
  doc = good;
  doc["records"][incident]["withheld"] = {{{"path", "title"}}};
  refused(doc, report::ReportError::invalid_input, "withheld");
  // No consent record: the vault refuses the records that need one.
  doc = good;
  doc["records"].erase(index_of(good, "consent"));
  refused(doc, report::ReportError::consent_refused, "consent");
  // Not JSON, nested too deep, too large.
  CHECK(refused_import(v, "{\"format\": ").code == report::ReportError::invalid_input);
  CHECK(refused_import(v, std::string(100, '[') + std::string(100, ']')).code == report::ReportError::invalid_input);
  const auto huge = refused_import(v, std::string(report::kMaxExportDocumentBytes + 1, ' '));
  CHECK(huge.message.find("larger than") != std::string::npos);
  // The good document itself imports (the refusals above were the changes).
  auto ok = report::parse_data_export_json(good.dump());
  REQUIRE(ok);
  REQUIRE(report::import_data_export(v, *ok));
}

TEST_CASE("cli case import-json: a data export into a fresh vault; a hostile one exits 2", "[report][import][cli]") {
  ReportDesk d;
  const std::string text = export_json(d.v(), d.the_case.id, d.dir / "export");
  const auto file = d.dir / "case.json";
  write_file(file, as_bytes(text));
  auto hostile = json::parse(text);
  hostile["records"][1]["fields"]["unknown_field"] = 1;
  const auto bad_file = d.dir / "bad.json";
  write_file(bad_file, as_bytes(hostile.dump()));
  d.vault.reset();
  { auto v = fresh_vault(d.dir / "receiver"); }
  const auto pass = d.dir / "pass";
  write_file(pass, as_bytes(std::string(kReceiverPass) + "\n"));
  const std::vector<std::string> open{"--vault", (d.dir / "receiver").string(), "--passphrase-file", pass.string()};
  auto args = open;
  args.insert(args.end(), {"case", "import-json", bad_file.string()});
  const auto bad = run_cli(args);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown_field") != std::string::npos);
  args.back() = file.string();
  const auto ok = run_cli(args);
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  CHECK(ok.err.find("imported data export of") != std::string::npos);
  auto list = open;
  list.insert(list.end(), {"case", "list", "--json"});
  const auto listed = run_cli(list);
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out.find("Father questioned") != std::string::npos);
}
