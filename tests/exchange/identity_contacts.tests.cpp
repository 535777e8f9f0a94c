// `identity` and `contact` through the real safehold-cli: the public card and
// fingerprint (recomputed here from schema/contact-card-v1.md section 3),
// adding a contact by card or by keys, verifying it (method and time kept),
// removing it.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "exchange_world.hpp"
#include "safehold/core/bundle/text_formats.hpp"

using namespace safehold;
using namespace safehold::test;
using nlohmann::json;

namespace {

json json_of(const CliResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// The fingerprint as the spec defines it, computed independently.
std::string spec_fingerprint(const std::string& age, const std::string& key_line) {
  const auto d = crypto::sha256_of("safehold-fingerprint v1\n" + age + "\n" + key_line + "\n");
  std::string out;
  for (std::size_t g = 0; g < 6; ++g) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 5; ++i) v = v << 8 | d[5 * g + i];
    char buf[8];
    std::snprintf(buf, sizeof buf, "%05u", static_cast<unsigned>(v % 100000));
    out += (g == 0 ? "" : " ") + std::string(buf);
  }
  return out;
}

}  // namespace

TEST_CASE("identity show: name, age recipient, minisign key and fingerprint", "[exchange][identity]") {
  Desk d("Caseworker Lin");
  const auto j = json_of(d.cli({"identity", "show", "--json"}));
  const auto name = j.at("name").get<std::string>();
  const auto age = j.at("age_recipient").get<std::string>();
  const auto key = j.at("minisign_public_key").get<std::string>();
  const auto fp = j.at("fingerprint").get<std::string>();
  CHECK(name == "Caseworker Lin");
  CHECK(std::regex_match(age, std::regex("age1[02-9ac-hj-np-z]{58}")));
  CHECK(std::regex_match(key, std::regex("RW[A-Za-z0-9+/]{54}")));
  CHECK(crypto::minisign::PublicKey::parse_key_line(key).has_value());
  CHECK(std::regex_match(fp, std::regex("[0-9]{5}( [0-9]{5}){5}")));
  CHECK(fp == spec_fingerprint(age, key));
  // The vault's real keys: the age identity's recipient, the signing key's public half.
  CHECK(age == d.v().identity().age_identity().value().recipient().encode());
  CHECK(key == d.v().identity().signing_key().value().public_key().key_line());

  const auto text = d.cli({"identity", "show"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find(fp) != std::string::npos);
  CHECK(text.out.find(age) != std::string::npos);
  CHECK(text.out.find(key) != std::string::npos);

  // Each vault has its own identity.
  Desk other("Someone");
  CHECK(json_of(other.cli({"identity", "show", "--json"})).at("fingerprint") != fp);
}

TEST_CASE("identity export-card, then contact add --card in another vault", "[exchange][contacts]") {
  Desk a("Caseworker Lin"), b("NGO Intake");
  const auto card_file = a.dir / "lin.card";
  const auto exported = a.cli({"identity", "export-card", "-o", card_file.string()});
  REQUIRE(exported.exit_code == 0);
  const auto mine = json_of(a.cli({"identity", "show", "--json"}));
  CHECK(exported.err.find(mine.at("fingerprint").get<std::string>()) != std::string::npos);
  const auto card = read_file(card_file);
  const auto parsed = ex::parse_contact_card(card);
  REQUIRE(parsed);
  CHECK(parsed->name == "Caseworker Lin");
  CHECK(parsed->age_recipient == mine.at("age_recipient"));
  CHECK(parsed->minisign_public_key == mine.at("minisign_public_key"));

  const auto added = b.cli({"contact", "add", "--card", card_file.string(), "--kind", "ngo"});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  const auto id = first_line(added.out);
  const auto shown = json_of(b.cli({"contact", "show", id, "--json"}));
  CHECK(shown.at("display_name") == "Caseworker Lin");
  CHECK(shown.at("fingerprint") == mine.at("fingerprint"));
  CHECK(shown.at("verified") == false);
  CHECK(shown.at("kind") == "ngo");

  // The same keys again: a conflict. A damaged card: refused.
  CHECK(b.cli({"contact", "add", "--card", card_file.string()}).exit_code == 7);
  auto damaged = card;
  damaged[damaged.size() / 2] ^= 0x01;
  const auto bad_file = a.dir / "bad.card";
  write_file(bad_file, damaged);
  CHECK(b.cli({"contact", "add", "--card", bad_file.string()}).exit_code == 2);
  CHECK(json_of(b.cli({"contact", "list", "--json"})).size() == 1);
}

TEST_CASE("contact add --name --age --minisign", "[exchange][contacts]") {
  Desk a("Lawyer Wu"), b("Caseworker Lin");
  const auto keys = json_of(a.cli({"identity", "show", "--json"}));
  const std::string age = keys.at("age_recipient"), key = keys.at("minisign_public_key");
  const auto r = b.cli({"contact", "add", "--name", "Wu (lawyer)", "--age", age, "--minisign", key, "--kind",
                        "lawyer", "--org", "Wu & Partners"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto shown = json_of(b.cli({"contact", "show", "Wu (lawyer)", "--json"}));
  CHECK(shown.at("age_recipient") == age);
  CHECK(shown.at("minisign_public_key") == key);
  CHECK(shown.at("fingerprint") == keys.at("fingerprint"));
  CHECK(shown.at("organisation") == "Wu & Partners");
  // Keys that are not canonical are refused, and nothing is added.
  std::string upper = age;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(b.cli({"contact", "add", "--name", "X", "--age", upper, "--minisign", key}).exit_code == 2);
  CHECK(b.cli({"contact", "add", "--name", "X", "--age", age, "--minisign", key.substr(1)}).exit_code == 2);
  CHECK(b.cli({"contact", "add", "--name", "X", "--age", age}).exit_code == 2);
  CHECK(json_of(b.cli({"contact", "list", "--json"})).size() == 1);
}

TEST_CASE("contact verify records how and when; contact remove", "[exchange][contacts]") {
  Desk a("NGO Intake"), b("Caseworker Lin");
  const auto card_file = a.dir / "ngo.card";
  REQUIRE(a.cli({"identity", "export-card", "-o", card_file.string()}).exit_code == 0);
  const auto id = first_line(b.cli({"contact", "add", "--card", card_file.string()}).out);
  const auto fp = json_of(b.cli({"contact", "show", id, "--json"})).at("fingerprint").get<std::string>();

  // A fingerprint that does not match is refused and nothing is recorded.
  CHECK(b.cli({"contact", "verify", id, "--method", "call", "--fingerprint", "00000 00000 00000 00000 00000 00000"})
            .exit_code == 2);
  CHECK(json_of(b.cli({"contact", "show", id, "--json"})).at("verified") == false);

  const auto t0 = bundle::format_utc(static_cast<std::int64_t>(std::time(nullptr)));
  const auto v = b.cli({"contact", "verify", "NGO Intake", "--method", "in-person", "--fingerprint", fp});
  INFO(v.err);
  REQUIRE(v.exit_code == 0);
  const auto t1 = bundle::format_utc(static_cast<std::int64_t>(std::time(nullptr)));
  const auto shown = json_of(b.cli({"contact", "show", id, "--json"}));
  CHECK(shown.at("verified") == true);
  CHECK(shown.at("verification_method") == "in_person");
  const std::string at = shown.at("verified_at");
  CHECK(at >= t0);
  CHECK(at <= t1);
  const auto listed = json_of(b.cli({"contact", "list", "--json"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].at("verified") == true);
  CHECK(b.cli({"contact", "verify", id, "--method", "carrier-pigeon"}).exit_code == 2);

  REQUIRE(b.cli({"contact", "remove", "NGO Intake"}).exit_code == 0);
  CHECK(json_of(b.cli({"contact", "list", "--json"})).empty());
  CHECK(b.cli({"contact", "show", id}).exit_code == 5);
  CHECK(b.cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("identity export-age-key writes the secret key 0600 and audits it", "[exchange][identity]") {
  Desk d("Caseworker Lin");
  const auto key_file = d.dir / "key.txt";
  const auto r = d.cli({"identity", "export-age-key", "-o", key_file.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning") != std::string::npos);
  CHECK((std::filesystem::status(key_file).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  const auto text = read_file(key_file);
  CHECK(std::string(text.begin(), text.end()).find("AGE-SECRET-KEY-1") != std::string::npos);
  CHECK(d.cli({"identity", "export-age-key", "-o", key_file.string()}).exit_code == 7);
  bool audited = false;
  const auto entries = d.v().audit().page(0, 100).value();
  for (const auto& e : entries) audited = audited || e.action == "identity_exported";
  CHECK(audited);
}
