// The scripting contract of docs/cli.md, end to end, on a vault that the CLI
// itself creates (real Argon2id cost: each command here spends ~1 s on it).
#include <catch2/catch_test_macros.hpp>

#include "cli_fixture.hpp"
#include "safehold/schema/formats.hpp"
#include "safehold/storage/key_file.hpp"

using namespace safehold::test;

namespace {

bool every_line_starts_with(const std::string& out, const std::string& prefix) {
  if (out.empty()) return false;
  std::size_t pos = 0;
  while (pos < out.size()) {
    const auto end = out.find('\n', pos);
    if (out.compare(pos, prefix.size(), prefix) != 0) return false;
    pos = end == std::string::npos ? out.size() : end + 1;
  }
  return true;
}

}  // namespace

TEST_CASE("cli contract: init, case, consent, incident, attachment, search, audit", "[cli][contract]") {
  TempDir dir;
  const auto vault = (dir / "vault").string();
  const auto pass = (dir / "pass").string();
  write_text(pass, "a long passphrase for the contract\r\n");
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--vault", vault, "--passphrase-file", pass});
    return run_cli(args);
  };
  auto ok = [&](const std::vector<std::string>& args) {
    const auto r = cli(args);
    INFO("command: " << args[0] << " stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return first_line(r.out);
  };

  const auto init = cli({"init", "--name", "Field Worker"});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK(first_line(init.out).size() == 32);  // the vault id
  // The CLI creates vaults with the real Argon2id cost only.
  const auto key = safehold::storage::parse_key_file(read_file(dir / "vault" / "vault.key"));
  REQUIRE(key);
  CHECK(key->kdf == safehold::storage::KdfParams::interactive());

  const auto created = cli({"case", "new", "--title", "Contract case"});
  REQUIRE(created.exit_code == 0);
  const auto case_id = first_line(created.out);
  CHECK(safehold::schema::is_uuid_v4(case_id));
  CHECK(created.out == case_id + "\n");  // the id alone

  const auto consent_id = ok({"consent", "record", case_id, "--method", "oral-noted", "--scope", "all=yes"});
  CHECK(safehold::schema::is_uuid_v4(consent_id));

  const auto incident = cli({"incident", "add", case_id, "--tactic", "D1", "--tactic", "C1", "--narrative",
                             "Police questioned his father about the passport. 警察约谈了他的父亲，询问护照的事。"});
  INFO(incident.err);
  REQUIRE(incident.exit_code == 0);
  CHECK(incident.out == first_line(incident.out) + "\n");  // the id alone
  const auto incident_id = first_line(incident.out);
  CHECK(safehold::schema::is_uuid_v4(incident_id));

  const auto content = pseudo_random_bytes(300 * 1024 + 17, 7);
  write_file(dir / "scan.bin", content);
  const auto attachment_id = ok({"attachment", "add", case_id, (dir / "scan.bin").string(), "--kind", "photograph"});
  CHECK(safehold::schema::is_uuid_v4(attachment_id));

  ok({"attachment", "get", attachment_id, "-o", (dir / "copy.bin").string()});
  CHECK(read_file(dir / "copy.bin") == content);
  const auto again = cli({"attachment", "get", attachment_id, "-o", (dir / "copy.bin").string()});
  CHECK(again.exit_code == 7);
  CHECK(read_file(dir / "copy.bin") == content);

  for (const char* query : {"passport", "护照", "父亲"}) {
    const auto hits = cli({"search", query});
    INFO(query << ": " << hits.err);
    REQUIRE(hits.exit_code == 0);
    CHECK(every_line_starts_with(hits.out, case_id + "\t"));
    CHECK(hits.out.find(incident_id) != std::string::npos);
  }
  CHECK(cli({"search", "zebra"}).out.empty());

  const auto verified = cli({"audit", "verify"});
  CHECK(verified.exit_code == 0);
  CHECK(verified.out.find("intact") != std::string::npos);
}
