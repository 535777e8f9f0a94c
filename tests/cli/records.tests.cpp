// The generic record commands and the case commands: JSON in and out in the
// DEVELOPERS.md shape, --field conversions, edits, lists, deletes, import.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "safehold/schema/formats.hpp"

using namespace safehold::test;
using nlohmann::json;

TEST_CASE("cli record: add with --field, show as JSON, edit, list, delete", "[cli][record]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const auto person = v.ok({"record", "add", "--entity", "person", "--case", case_id, "--field", "pseudonym=Lin",
                            "--field", "roles=interviewee,relative", "--field", "birth_date=1980-05", "--field",
                            "citizenship=CN", "--field", "third_party_not_consented=no", "--not-answered",
                            "religion=declined", "--field", "location.area=Bishkek"});
  REQUIRE(safehold::schema::is_uuid_v4(person));
  auto rec = json::parse(v.cli({"record", "show", person, "--json"}).out);
  CHECK(rec["id"] == person);
  CHECK(rec["entity"] == "person");
  CHECK(rec["case_id"] == case_id);
  CHECK(safehold::schema::is_utc_timestamp(rec["created_at"].get<std::string>()));
  CHECK(rec["fields"]["roles"] == json({"interviewee", "relative"}));
  CHECK(rec["fields"]["birth_date"] == json({{"value", "1980-05"}, {"precision", "month"}}));
  CHECK(rec["fields"]["citizenship"] == json({"CN"}));
  CHECK(rec["fields"]["third_party_not_consented"] == false);
  CHECK(rec["fields"]["religion"] == json({{"not_answered", "declined"}}));
  CHECK(rec["fields"]["location"]["area"] == "Bishkek");

  // Edit: --field changes one field, --unset removes one, the rest stays.
  v.ok({"record", "edit", person, "--field", "pseudonym=Lin Two", "--unset", "religion"});
  rec = json::parse(v.cli({"record", "show", person, "--json"}).out);
  CHECK(rec["fields"]["pseudonym"] == "Lin Two");
  CHECK_FALSE(rec["fields"].contains("religion"));
  CHECK(rec["fields"]["roles"] == json({"interviewee", "relative"}));

  // Round trip: show --json, change, edit --from-file (the record shape is accepted back).
  rec["fields"]["occupation"] = "teacher";
  v.ok({"record", "edit", person, "--from-file", "-"}, rec.dump());
  CHECK(json::parse(v.cli({"record", "show", person, "--json"}).out)["fields"]["occupation"] == "teacher");
  // ...but not onto another record.
  auto other = rec;
  other["id"] = "0b0e8a4c-3f7d-4e2a-9c1b-5d6e7f8a9b0c";
  CHECK(v.cli({"record", "edit", person, "--from-file", "-"}, other.dump()).exit_code == 2);
  // Strict JSON: duplicate keys are refused.
  CHECK(v.cli({"record", "edit", person, "--from-file", "-"}, R"({"pseudonym": "a", "pseudonym": "b"})").exit_code == 2);

  // A record from JSON whose envelope names the entity and case.
  const auto incident = v.ok({"record", "add", "--from-file", "-"},
                             json{{"entity", "incident"}, {"case_id", case_id},
                                  {"fields", {{"tactics", {"A3"}}, {"targets", {person}}, {"title", "Visit"}}}}
                                 .dump());
  const auto listed = v.cli({"record", "list", "--case", case_id});
  CHECK(listed.out.find(person + "\tperson\t" + case_id) != std::string::npos);
  CHECK(listed.out.find(incident + "\tincident\t" + case_id) != std::string::npos);
  CHECK(json::parse(v.cli({"record", "list", "--case", case_id, "--entity", "incident", "--json"}).out).size() == 1);

  // The person is referred to by the incident: refused (4), then allowed once the incident is gone.
  CHECK(v.cli({"record", "delete", person, "--yes"}).exit_code == 4);
  v.ok({"record", "delete", incident, "--yes"});
  v.ok({"record", "delete", person, "--yes"});
  CHECK(v.cli({"record", "show", person}).exit_code == 5);
}

TEST_CASE("cli case: new with options, list with filters, show, edit, delete", "[cli][case]") {
  CliVault v;
  const auto a = v.ok({"case", "new", "--title", "Alpha", "--status", "open", "--priority", "High", "--purpose",
                       "asylum_claim", "--purpose", "interpol_ccf_challenge"});
  const auto b = v.ok({"case", "new", "--title", "Beta", "--status", "closed"});
  auto shown = json::parse(v.cli({"case", "show", a, "--json"}).out);
  CHECK(shown["entity"] == "case");
  CHECK(shown["fields"]["priority"] == "high");  // label resolved to its code
  CHECK(shown["fields"]["purposes"] == json({"asylum_claim", "interpol_ccf_challenge"}));
  const auto reference = shown["fields"]["reference"].get<std::string>();
  CHECK(reference.rfind("SH-", 0) == 0);
  // By reference too.
  CHECK(json::parse(v.cli({"case", "show", reference, "--json"}).out)["id"] == a);

  const auto open_cases = v.cli({"case", "list", "--status", "open"}).out;
  CHECK(open_cases.find(a + "\t" + reference + "\topen\tnone\tAlpha") != std::string::npos);
  CHECK(open_cases.find(b) == std::string::npos);
  CHECK(json::parse(v.cli({"case", "list", "--json"}).out).size() == 2);

  v.ok({"case", "edit", reference, "--title", "Alpha renamed", "--status", "active"});
  shown = json::parse(v.cli({"case", "show", a, "--json"}).out);
  CHECK(shown["fields"]["title"] == "Alpha renamed");
  CHECK(shown["fields"]["reference"] == reference);  // kept
  CHECK(shown["fields"]["priority"] == "high");      // untouched

  v.ok({"consent", "record", a, "--method", "written", "--scope", "all=yes"});
  v.ok({"incident", "add", a, "--tactic", "B5", "--narrative", "Red Notice"});
  CHECK(json::parse(v.cli({"case", "show", a, "--all", "--json"}).out).size() == 3);
  v.ok({"case", "delete", a, "--yes"});
  CHECK(v.cli({"case", "show", a}).exit_code == 5);
  CHECK(v.cli({"search", "Red"}).out.empty());
  CHECK(json::parse(v.cli({"case", "list", "--json"}).out).size() == 1);
}

TEST_CASE("cli case import-json: a case with cross-references, as new records", "[cli][case]") {
  CliVault v;
  const auto src = v.case_with_consent("Source case");
  const auto person = v.ok({"record", "add", "--entity", "person", "--case", src, "--field", "pseudonym=Wei"});
  v.ok({"incident", "add", src, "--tactic", "D2", "--narrative", "detained relative 被拘留", "--field",
        "targets=" + person});
  const auto exported = v.cli({"case", "show", src, "--all", "--json"}).out;
  REQUIRE(json::parse(exported).size() == 4);

  const auto imported = v.cli({"case", "import-json", "-"}, exported);
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const auto copy = first_line(imported.out);
  CHECK(copy != src);
  const auto records = json::parse(v.cli({"record", "list", "--case", copy, "--json"}).out);
  REQUIRE(records.size() == 3);
  std::string new_person;
  for (const auto& r : records) {
    CHECK(r["case_id"] == copy);
    if (r["entity"] == "person") new_person = r["id"];
  }
  for (const auto& r : records) {
    if (r["entity"] == "incident") CHECK(r["fields"]["targets"] == json({new_person}));
  }
  CHECK(v.cli({"search", "被拘留"}).out.find(copy) != std::string::npos);

  // All or nothing: a bad record anywhere leaves no trace of the case.
  auto bad = json::parse(exported);
  bad.back()["fields"]["tactics"] = json({"Z9"});
  const auto before = v.cli({"case", "list", "--json"}).out;
  CHECK(v.cli({"case", "import-json", "-"}, bad.dump()).exit_code == 2);
  CHECK(v.cli({"case", "list", "--json"}).out == before);
}

TEST_CASE("cli vocab list: names, codes, three languages, JSON", "[cli][vocab]") {
  const auto names = run_cli({"vocab", "list"});
  CHECK(names.exit_code == 0);
  CHECK(names.out.find("tactic\t") != std::string::npos);
  const auto en = run_cli({"vocab", "list", "tactic"}).out;
  CHECK(en.find("B5\tInterpol misuse") != std::string::npos);
  const auto hans = run_cli({"vocab", "list", "consent_method", "--lang", "zh-Hans"}).out;
  CHECK(hans.find("oral_noted\t口头（已记录）") != std::string::npos);
  const auto hant = run_cli({"vocab", "list", "consent_method", "--lang", "zh-Hant"}).out;
  CHECK(hant.find("oral_noted\t口頭（已記錄）") != std::string::npos);
  const auto j = json::parse(run_cli({"vocab", "list", "scope", "--json"}).out);
  CHECK(j["name"] == "scope");
  CHECK(j["entries"].size() == 13);
}
