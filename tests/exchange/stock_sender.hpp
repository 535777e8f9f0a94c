#pragma once
// A hostile (or merely foreign) sender who builds bundles by hand with
// Debian's age, minisign and tar, exactly as schema/bundle-v1.md section 10
// says: the recipe is read from the spec. Used by the hardening tests of
// issue 10, which assume a verified but hostile sender.
#include <catch2/catch_test_macros.hpp>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "stock_recipes.hpp"

namespace safehold::test {

// A member of `identity show --json`.
inline std::string identity_of(const CliVault& v, const char* name) {
  const auto r = v.cli({"identity", "show", "--json"});
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out).at(name).get<std::string>();
}

struct StockSender {
  TempDir keys;
  std::string age_recipient;
  std::string key_line;  // line 2 of sender.pub

  StockSender() {
    REQUIRE(run("cd " + quote(keys.path()) +
                " && age-keygen -o sender-age.txt 2>/dev/null && minisign -G -W -p sender.pub -s sender.key "
                ">/dev/null") == 0);
    age_recipient = trimmed(run_output("age-keygen -y " + quote(keys / "sender-age.txt")));
    key_line = trimmed(run_output("sed -n 2p " + quote(keys / "sender.pub")));
  }

  // Adds this sender to `v` as a verified contact; returns the contact id.
  std::string add_verified_to(const CliVault& v, const std::string& name) const {
    const std::string id = v.ok({"contact", "add", "--name", name, "--age", age_recipient, "--minisign", key_line,
                                 "--kind", "ngo"});
    v.ok({"contact", "verify", id, "--method", "call"});
    return id;
  }

  struct Bundle {
    std::string bundle_id = bundle::random_uuid4();
    std::string name = "Stock Sender";
    std::string sender_age;               // "" = this sender's own age recipient
    std::vector<std::string> recipients;  // age1…, any order
    std::vector<std::string> cases;       // case ids, any order
    std::map<std::string, std::string> files;  // bundle path -> content
    int format_version = 1;                    // 2 for notices/ (bundle-v1.md 12)
  };

  // Seals `b` in a fresh folder under `work`; returns the path of the .age file.
  std::filesystem::path seal(const std::filesystem::path& work, Bundle b) const {
    static int counter = 0;
    const std::filesystem::path stage = work / ("stage" + std::to_string(++counter));
    std::filesystem::create_directories(stage);
    std::filesystem::copy_file(keys / "sender.key", stage / "sender.key");
    std::filesystem::copy_file(keys / "sender.pub", stage / "sender.pub");
    for (const auto& [path, content] : b.files) {
      std::filesystem::create_directories((stage / path).parent_path());
      write_text(stage / path, content);
    }
    std::sort(b.recipients.begin(), b.recipients.end());
    std::sort(b.cases.begin(), b.cases.end());
    std::string recipients, cases;
    for (const auto& r : b.recipients) recipients += (recipients.empty() ? "" : " ") + r;
    for (const auto& c : b.cases) cases += (cases.empty() ? "" : " ") + c;
    const std::string manifest_env =
        "bundle_id=" + b.bundle_id + " created=2026-11-28T18:05:00Z app_version=stock-1 name='" + b.name +
        "' sender_pub=sender.pub sender_age=" + (b.sender_age.empty() ? age_recipient : b.sender_age) +
        " recipients='" + recipients + "' cases='" + cases + "' format_version=" + std::to_string(b.format_version) +
        " ";
    REQUIRE(run("cd " + quote(stage) + " && " + manifest_env +
                quote(std::filesystem::path(SAFEHOLD_SOURCE_DIR) / "tests/core/stock_tools/write_manifest.sh")) == 0);
    const auto [rc, out] =
        run_script(stage, spec_block("## 10."), "bundle_id=" + b.bundle_id + " recipients='" + recipients + "'");
    INFO(out);
    REQUIRE(rc == 0);
    return stage / "bundle.age";
  }
};

// Records of a hand-made case in the canonical encoding of bundle-v1.md 11.1.
inline std::string hand_case_record(const std::string& case_id, const std::string& reference,
                                    const std::string& title) {
  return "{\n"
         "  \"created_at\": \"2026-11-28T18:00:00Z\",\n"
         "  \"entity\": \"case\",\n"
         "  \"fields\": {\n"
         "    \"reference\": \"" + reference + "\",\n"
         "    \"title\": \"" + title + "\"\n"
         "  },\n"
         "  \"id\": \"" + case_id + "\",\n"
         "  \"updated_at\": \"2026-11-28T18:00:00Z\"\n"
         "}\n";
}

// A one-case bundle holding only the case record.
inline StockSender::Bundle one_case_bundle(const std::string& recipient, const std::string& reference,
                                           const std::string& title) {
  StockSender::Bundle b;
  const std::string case_id = bundle::random_uuid4();
  b.recipients = {recipient};
  b.cases = {case_id};
  b.files["cases/" + case_id + "/" + case_id + ".json"] = hand_case_record(case_id, reference, title);
  return b;
}

}  // namespace safehold::test
