// What issue 15 found missing: `schema fields` (the model without reading
// entities.json), `custody show`, and add/list/show/edit verbs for the
// records a caseworker writes most, their options generated from the model.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

using namespace safehold::test;
using nlohmann::json;

TEST_CASE("cli schema fields: type, vocabulary, identifying, consent scope per field", "[cli][schema]") {
  const auto r = run_cli({"schema", "fields", "person", "--json"}, {}, {"HOME=/nonexistent"});  // no vault needed
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, json> by_name;
  for (const auto& f : json::parse(r.out)) by_name[f.at("field").get<std::string>()] = f;
  CHECK(by_name.at("pseudonym").at("required") == true);
  CHECK(by_name.at("pseudonym").at("identifying") == false);
  CHECK(by_name.at("legal_name").at("identifying") == true);
  CHECK(by_name.at("legal_name").at("consent_scopes") == json{{"any value", "store_real_identity"}});
  CHECK(by_name.at("legal_name.hanzi").at("type") == "text");  // sub-fields too
  CHECK(by_name.at("citizenship").at("type") == "countries");
  CHECK(by_name.at("citizenship").at("vocabulary") == "country");
  CHECK(by_name.at("roles").at("vocabulary") == "person_role");
  // A scope needed only for some codes.
  const auto session = run_cli({"schema", "fields", "interview_session"});
  CHECK(session.out.find("recording\tcode\trecording\toptional\t-\taudio=>audio_record,video=>video_record") !=
        std::string::npos);
  // Entities, and an unknown one refused.
  CHECK(run_cli({"schema", "entities"}).out.find("legal_measure") != std::string::npos);
  const auto bad = run_cli({"schema", "fields", "spaceship"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("spaceship") != std::string::npos);
}

TEST_CASE("cli custody show: the custody events of one evidence item, in time order", "[cli][custody]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const auto evidence = v.ok({"record", "add", "--entity", "evidence_item", "--case", case_id, "--field", "kind=photograph"});
  const auto other = v.ok({"record", "add", "--entity", "evidence_item", "--case", case_id, "--field", "kind=photograph"});
  const auto later = v.ok({"record", "add", "--entity", "custody_event", "--case", case_id, "--field",
                           "evidence=" + evidence, "--field", "at=2026-11-30T09:00:00Z", "--field", "action=transferred",
                           "--field", "actor=Intake desk"});
  const auto earlier = v.ok({"record", "add", "--entity", "custody_event", "--case", case_id, "--field",
                             "evidence=" + evidence, "--field", "at=2026-11-28T18:00:00Z", "--field",
                             "action=collected", "--field", "hash_verified=yes"});
  v.ok({"record", "add", "--entity", "custody_event", "--case", case_id, "--field", "evidence=" + other, "--field",
        "at=2026-11-29T10:00:00Z", "--field", "action=copied"});
  const auto listed = json::parse(v.cli({"custody", "show", evidence, "--json"}).out);
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].at("id") == earlier);
  CHECK(listed[1].at("id") == later);
  const auto text = v.cli({"custody", "show", evidence}).out;
  CHECK(text.rfind("2026-11-28T18:00:00Z\tcollected\t-\thash verified: yes\t" + earlier + "\n", 0) == 0);
  // Not an evidence item: a usage error naming what it is.
  const auto wrong = v.cli({"custody", "show", later});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("custody_event") != std::string::npos);
  CHECK(v.cli({"custody", "show", "0b0e8a4c-3f7d-4e2a-9c1b-5d6e7f8a9b0c"}).exit_code == 5);
}

TEST_CASE("cli person/session/legal-measure/incident verbs with options from the model", "[cli][record]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const auto person = v.ok({"person", "add", case_id, "--pseudonym", "Lin", "--roles", "interviewee", "--roles",
                            "relative", "--citizenship", "China", "--birth-date", "1980-05", "--legal-name-hanzi",
                            "林某"});
  auto fields = json::parse(v.cli({"person", "show", person, "--json"}).out).at("fields");
  CHECK(fields.at("pseudonym") == "Lin");
  CHECK(fields.at("roles") == json({"interviewee", "relative"}));
  CHECK(fields.at("citizenship") == json({"CN"}));
  CHECK(fields.at("legal_name").at("hanzi") == "林某");
  // Edit merges: one option changes one field.
  v.ok({"person", "edit", person, "--occupation", "teacher"});
  fields = json::parse(v.cli({"person", "show", person, "--json"}).out).at("fields");
  CHECK(fields.at("occupation") == "teacher");
  CHECK(fields.at("pseudonym") == "Lin");
  // A single-valued field given twice is refused, nothing written.
  CHECK(v.cli({"person", "edit", person, "--occupation", "a", "--occupation", "b"}).exit_code == 2);
  CHECK(json::parse(v.cli({"person", "show", person, "--json"}).out).at("fields").at("occupation") == "teacher");

  const auto session =
      v.ok({"session", "add", case_id, "--mode", "Phone", "--recording", "typed-notes", "--start", "now"});
  CHECK(json::parse(v.cli({"session", "show", session, "--json"}).out).at("entity") == "interview_session");
  const auto measure = v.ok({"legal-measure", "add", case_id, "--jurisdiction", "cn", "--notes", "Summons"});
  CHECK(json::parse(v.cli({"legal-measure", "list", case_id, "--json"}).out).at(0).at("id") == measure);
  // incident keeps its own add, and gains list/show/edit/delete.
  const auto incident = v.ok({"incident", "add", case_id, "--tactic", "D1"});
  CHECK(json::parse(v.cli({"incident", "list", case_id, "--json"}).out).size() == 1);
  v.ok({"incident", "edit", incident, "--outcome", "detained_host"});
  CHECK(v.ok({"person", "list", case_id}).rfind(person, 0) == 0);
  v.ok({"person", "delete", person, "--yes"});
  CHECK(json::parse(v.cli({"person", "list", case_id, "--json"}).out).empty());
}
