// Things the CLI must never do quietly (issue 15): filters that match nothing
// because a label was given, an edit that wipes fields it was not given,
// errors that drop the path or all but the first schema problem, and an
// audit listing that shows the oldest entries when asked for a few.
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "safehold/schema/vocabulary.hpp"

using namespace safehold::test;
using nlohmann::json;

namespace {

std::string label(const char* vocabulary, const char* code, safehold::schema::Language language) {
  return std::string(safehold::schema::label(vocabulary, code, language));
}

std::vector<std::string> listed_ids(const CliVault& v, std::vector<std::string> filter) {
  filter.insert(filter.begin(), {"case", "list", "--json"});
  const auto r = v.cli(filter);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> ids;
  for (const auto& c : json::parse(r.out)) ids.push_back(c.at("case_id").get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("cli case list: filters take codes and labels in three languages; unknown values exit 2",
          "[cli][filters]") {
  using safehold::schema::Language;
  CliVault v;
  const auto china = v.case_with_consent("China case");
  v.ok({"case", "edit", china, "--status", "active"});
  v.ok({"incident", "add", china, "--tactic", "D1", "--country", "CN"});
  const auto other = v.case_with_consent("Other case");
  v.ok({"incident", "add", other, "--tactic", "A3", "--country", "KG"});

  const std::vector<std::string> only_china = {china};
  for (const auto& value : {std::string("CN"), std::string("cn"), label("country", "CN", Language::en),
                            label("country", "CN", Language::zh_hans), label("country", "CN", Language::zh_hant)}) {
    INFO("--country " << value);
    CHECK(listed_ids(v, {"--country", value}) == only_china);
  }
  for (const auto& value : {std::string("D1"), std::string("d1"), label("tactic", "D1", Language::en),
                            label("tactic", "D1", Language::zh_hans), label("tactic", "D1", Language::zh_hant)}) {
    INFO("--tactic " << value);
    CHECK(listed_ids(v, {"--tactic", value}) == only_china);
  }
  for (const auto& value : {std::string("active"), label("case_status", "active", Language::en),
                            label("case_status", "active", Language::zh_hans)}) {
    INFO("--status " << value);
    CHECK(listed_ids(v, {"--status", value}) == only_china);
  }
  // Writes resolve the same way: a country by name is stored as its code.
  v.ok({"incident", "add", other, "--tactic", "A3", "--country", label("country", "CN", Language::en)});
  CHECK(listed_ids(v, {"--country", "CN"}).size() == 2);

  // Unknown values are refused, naming the option (not quietly matching nothing).
  for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{
           {"--country", "Atlantis"}, {"--tactic", "Z9"}, {"--status", "Aktiv"}, {"--priority", "urgent-ish"},
           {"--risk", "sky-high"}, {"--purpose", "fun"}}) {
    const auto r = v.cli({"case", "list", option, value});
    INFO(option << " " << value << " -> " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("safehold-cli: error: " + option + ":") != std::string::npos);
  }
}

TEST_CASE("cli record edit: given fields merge into the record; --replace replaces it", "[cli][record]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const json seven = {{"start", "2026-11-28T10:00:00Z"},
                      {"end", "2026-11-28T11:30:00Z"},
                      {"mode", "in_person_office"},
                      {"language", "cmn"},
                      {"recording", "typed_notes"},
                      {"notes", "Second session, shorter."},
                      {"interviewers", {{{"name", "A. Worker"}, {"role", "lead"}}}}};
  const auto session = v.ok({"record", "add", "--entity", "interview_session", "--case", case_id, "--from-file", "-"},
                            seven.dump());
  const json interviewers = {{"interviewers", {{{"name", "B. Worker"}, {"role", "second"}}}}};
  v.ok({"record", "edit", session, "--from-file", "-"}, interviewers.dump());
  auto fields = json::parse(v.cli({"record", "show", session, "--json"}).out).at("fields");
  auto want = seven;
  want["interviewers"] = interviewers["interviewers"];
  CHECK(fields == want);  // the other six fields are kept

  // The record shape (as `record show --json` prints it) merges the same way.
  auto rec = json::parse(v.cli({"record", "show", session, "--json"}).out);
  rec["fields"] = {{"notes", "Amended."}};
  v.ok({"record", "edit", session, "--from-file", "-"}, rec.dump());
  fields = json::parse(v.cli({"record", "show", session, "--json"}).out).at("fields");
  CHECK(fields.size() == 7);
  CHECK(fields["notes"] == "Amended.");

  // --replace: the record becomes exactly what is given.
  v.ok({"record", "edit", session, "--replace", "--from-file", "-"}, interviewers.dump());
  CHECK(json::parse(v.cli({"record", "show", session, "--json"}).out).at("fields") == interviewers);

  // --json is output only: as an input option it is refused, nothing changes.
  const auto before = v.cli({"record", "show", session, "--json"}).out;
  const auto refused = v.cli({"record", "edit", session, "--json", "-"}, seven.dump());
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--from-file") != std::string::npos);
  CHECK(v.cli({"record", "add", "--entity", "person", "--case", case_id, "--json", "-"}, "{}").exit_code == 2);
  CHECK(v.cli({"record", "show", session, "--json"}).out == before);
}

TEST_CASE("cli: errors about files name the path typed; every schema error is listed", "[cli][errors]") {
  CliVault v;
  const auto case_id = v.case_with_consent();
  const auto missing = (v.dir / "no-such-evidence.jpg").string();
  auto r = v.cli({"attachment", "add", case_id, missing});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find(missing) != std::string::npos);
  const auto no_json = (v.dir / "no-such-fields.json").string();
  r = v.cli({"record", "add", "--entity", "person", "--case", case_id, "--from-file", no_json});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find(no_json) != std::string::npos);
  const auto no_pass = (v.dir / "no-such-passphrase").string();
  r = run_cli({"--vault", v.folder.string(), "--passphrase-file", no_pass, "case", "list"});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find(no_pass) != std::string::npos);
  const auto no_card = (v.dir / "no-such-card").string();
  r = v.cli({"contact", "add", "--card", no_card});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find(no_card) != std::string::npos);

  // Three problems in one record: three lines, each naming its field, none the value.
  const auto list_before = v.cli({"record", "list", "--case", case_id, "--json"}).out;
  r = v.cli({"record", "add", "--entity", "person", "--case", case_id, "--from-file", "-"},
            R"({"pseudonym": "Secret Lin", "roles": ["no_such_role"], "birth_date": {"value": "1980-13", "precision": "month"}, "shoe_size": 42})");
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("roles") != std::string::npos);
  CHECK(r.err.find("birth_date") != std::string::npos);
  CHECK(r.err.find("shoe_size") != std::string::npos);
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = r.err.find("safehold-cli: error: ", at)) != std::string::npos; ++at) ++lines;
  CHECK(lines == 3);
  CHECK(r.err.find("Secret Lin") == std::string::npos);
  CHECK(v.cli({"record", "list", "--case", case_id, "--json"}).out == list_before);  // nothing written
}

TEST_CASE("cli audit show: newest first, --limit keeps the newest, --oldest-first", "[cli][audit]") {
  CliVault v;
  for (int i = 0; i < 4; ++i) v.ok({"case", "new", "--title", "Case " + std::to_string(i)});
  const auto all = json::parse(v.cli({"audit", "show", "--json"}).out);
  REQUIRE(all.size() >= 5);
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1]["seq"].get<long>() > all[i]["seq"].get<long>());
  const auto newest = json::parse(v.cli({"audit", "show", "--limit", "2", "--json"}).out);
  REQUIRE(newest.size() == 2);
  CHECK(newest[0] == all[0]);
  CHECK(newest[1] == all[1]);
  const auto oldest_first = json::parse(v.cli({"audit", "show", "--limit", "2", "--oldest-first", "--json"}).out);
  REQUIRE(oldest_first.size() == 2);
  CHECK(oldest_first[0] == all[1]);
  CHECK(oldest_first[1] == all[0]);
  // Text output in the same order.
  const auto text = v.cli({"audit", "show", "--limit", "1"}).out;
  CHECK(text.rfind(std::to_string(all[0]["seq"].get<long>()) + "\t", 0) == 0);
}
