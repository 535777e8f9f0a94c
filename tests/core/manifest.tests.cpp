#include "safehold/core/bundle/manifest.hpp"

#include <catch2/catch_test_macros.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "bundle_fixtures.hpp"
#include "safehold/core/bundle/limits.hpp"
#include "test_util.hpp"

using namespace safehold::core::bundle;
using safehold::test::sample_manifest;

namespace {

BundleError parse_error(const std::string& text) {
  const auto r = parse_manifest(as_bytes(text));
  REQUIRE_FALSE(r);
  return r.error().code;
}

// Edits a canonical manifest through a JSON DOM and re-encodes it in the
// canonical layout, so the edit, not the layout, is what the parser judges.
std::string edited(const Manifest& m, const std::function<void(nlohmann::json&)>& edit) {
  auto j = nlohmann::json::parse(encode_manifest(m));
  edit(j);
  return j.dump(2) + "\n";
}

}  // namespace

TEST_CASE("manifest: encode then parse gives the same manifest", "[bundle][manifest]") {
  const Manifest m = sample_manifest(7);
  REQUIRE(validate_manifest(m));
  const std::string text = encode_manifest(m);
  const auto parsed = parse_manifest(as_bytes(text));
  REQUIRE(parsed);
  CHECK(encode_manifest(*parsed) == text);
  CHECK(parsed->bundle_id == m.bundle_id);
  CHECK(parsed->created == m.created);
  CHECK(parsed->sender.name == m.sender.name);
  REQUIRE(parsed->files.size() == m.files.size());
  for (std::size_t i = 0; i < m.files.size(); ++i) {
    CHECK(parsed->files[i].path == m.files[i].path);
    CHECK(parsed->files[i].size == m.files[i].size);
    CHECK(parsed->files[i].sha256 == m.files[i].sha256);
  }
}

TEST_CASE("manifest: the canonical layout is the one the spec shows", "[bundle][manifest]") {
  Manifest m;
  m.format_version = 1;  // the spec's example is a version 1 manifest
  m.bundle_id = "0b6e9a3e-8f4a-4d6a-9e0c-2f1b7c3d5a19";
  m.created = 1795888800;
  m.app_version = "0.1.0";
  m.sender = {"Caseworker \"Lin\" \\ 林", "E4BC8D3B0A0277CD",
              "RWTNdwIKO4285PjxEOmwnyVzapyVcxFOThtHQ2NI37OocEReZzzHUly2",
              "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"};
  m.recipients = {"age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"};
  m.cases = {"8d1c2f7a-3b4e-4c5d-8e9f-0a1b2c3d4e5f"};
  m.files = {{"attachments/5b2d0c9e-1a7f-4e3b-b6c4-7d8e9f0a1b2c", 0, {}}};
  REQUIRE(validate_manifest(m));
  const std::string expected = R"({
  "app_version": "0.1.0",
  "bundle_id": "0b6e9a3e-8f4a-4d6a-9e0c-2f1b7c3d5a19",
  "cases": [
    "8d1c2f7a-3b4e-4c5d-8e9f-0a1b2c3d4e5f"
  ],
  "created": "2026-11-28T18:00:00Z",
  "files": [
    {
      "path": "attachments/5b2d0c9e-1a7f-4e3b-b6c4-7d8e9f0a1b2c",
      "sha256": "0000000000000000000000000000000000000000000000000000000000000000",
      "size": 0
    }
  ],
  "format_version": 1,
  "recipients": [
    "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
  ],
  "sender": {
    "age_recipient": "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj",
    "minisign_key_id": "E4BC8D3B0A0277CD",
    "minisign_public_key": "RWTNdwIKO4285PjxEOmwnyVzapyVcxFOThtHQ2NI37OocEReZzzHUly2",
    "name": "Caseworker \"Lin\" \\ 林"
  }
}
)";
  CHECK(encode_manifest(m) == expected);
  CHECK(parse_manifest(as_bytes(expected)));
}

TEST_CASE("manifest: the example in the spec is a valid canonical manifest", "[bundle][manifest]") {
  const auto spec = safehold::test::read_file(std::filesystem::path(SAFEHOLD_SOURCE_DIR) /
                                              "schema" / "bundle-v1.md");
  const std::string text(spec.begin(), spec.end());
  const std::size_t begin = text.find("```json\n");
  REQUIRE(begin != std::string::npos);
  const std::size_t end = text.find("```\n", begin + 8);
  REQUIRE(end != std::string::npos);
  const std::string example = text.substr(begin + 8, end - begin - 8);
  const auto m = parse_manifest(as_bytes(example));
  if (!m) FAIL(describe(m.error()));
  CHECK(m->files.size() == 2);
  CHECK(m->recipients.size() == 2);
}

TEST_CASE("manifest: other encodings of the same content are refused", "[bundle][manifest]") {
  const std::string text = encode_manifest(sample_manifest());
  const auto j = nlohmann::json::parse(text);
  CHECK(parse_error(j.dump()) == BundleError::malformed_manifest);               // compact
  CHECK(parse_error(j.dump(4) + "\n") == BundleError::malformed_manifest);       // indent 4
  CHECK(parse_error(j.dump(2)) == BundleError::malformed_manifest);              // no final LF
  CHECK(parse_error(text + "\n") == BundleError::malformed_manifest);            // extra LF
  CHECK(parse_error("\xef\xbb\xbf" + text) == BundleError::malformed_manifest);  // BOM
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(parse_error(crlf) == BundleError::malformed_manifest);
  std::string escaped = text;  // "/" escaped as "\/" means the same but is not canonical
  escaped.replace(escaped.find("attachments/"), 12, "attachments\\/");
  CHECK(parse_error(escaped) == BundleError::malformed_manifest);
  std::string duplicate = text;  // a repeated member: the last one wins in the DOM
  duplicate.replace(duplicate.find("  \"app_version\""), 0, "  \"app_version\": \"9\",\n");
  CHECK(parse_error(duplicate) == BundleError::malformed_manifest);
}

TEST_CASE("manifest: members, types and formats are exact", "[bundle][manifest]") {
  const Manifest m = sample_manifest();
  using J = nlohmann::json;
  CHECK(parse_error(edited(m, [](J& j) { j["extra"] = 1; })) == BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j.erase("cases"); })) == BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["sender"]["x"] = "y"; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["files"][0]["mode"] = 420; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["files"][0]["size"] = "0"; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["files"][1]["size"] = -100; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["files"][1]["size"] = 100.0; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["created"] = "2026-11-28T18:00:00+01:00"; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["bundle_id"] = "not-a-uuid"; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["files"][0]["sha256"] = std::string(64, 'A'); })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["sender"]["minisign_key_id"] = "0000000000000000"; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["sender"]["name"] = "a\nb"; })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["recipients"] = J::array(); })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) { j["recipients"].push_back("age1short"); })) ==
        BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) {
          j["recipients"].push_back("age1" + std::string(58, 'z'));  // bad checksum
        })) == BundleError::malformed_manifest);
  CHECK(parse_error(edited(m, [](J& j) {
          std::string key = j["sender"]["minisign_public_key"];
          key[0] = 'S';  // not an "Ed" key line any more
          j["sender"]["minisign_public_key"] = key;
        })) == BundleError::malformed_manifest);
  CHECK(parse_error("[]") == BundleError::malformed_manifest);
  CHECK(parse_error("") == BundleError::malformed_manifest);
  CHECK(parse_error(std::string(encode_manifest(m)).substr(0, 100)) ==
        BundleError::malformed_manifest);
}

TEST_CASE("manifest: a newer format version is reported as such", "[bundle][manifest]") {
  const Manifest m = sample_manifest();
  using J = nlohmann::json;
  CHECK(parse_error(edited(m, [](J& j) { j["format_version"] = 3; })) ==
        BundleError::unsupported_version);
  CHECK(parse_error(edited(m, [](J& j) { j["format_version"] = 0; })) ==
        BundleError::unsupported_version);
  // Even when the rest no longer looks like v1.
  CHECK(parse_error(edited(m, [](J& j) {
          j["format_version"] = 3;
          j["new_member"] = true;
        })) == BundleError::unsupported_version);
  CHECK(parse_error(edited(m, [](J& j) { j["format_version"] = "1"; })) ==
        BundleError::malformed_manifest);
}

namespace {

using ManifestEdit = std::function<void(Manifest&)>;

// Applies each named edit to a fresh valid manifest; each must fail with kind.
void expect_each_invalid(BundleError kind,
                         std::initializer_list<std::pair<const char*, ManifestEdit>> edits) {
  for (const auto& [name, edit] : edits) {
    INFO(name);
    Manifest m = sample_manifest(6);
    REQUIRE(validate_manifest(m));
    edit(m);
    const auto r = validate_manifest(m);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == kind);
    if (kind == BundleError::malformed_manifest) {
      CHECK(parse_error(encode_manifest(m)) == kind);
    }
  }
}

}  // namespace

TEST_CASE("manifest: order, uniqueness and membership rules", "[bundle][manifest]") {
  expect_each_invalid(
      BundleError::malformed_manifest,
      {{"recipients unsorted", [](Manifest& m) { std::swap(m.recipients[0], m.recipients[1]); }},
       {"recipients repeated", [](Manifest& m) { m.recipients[1] = m.recipients[0]; }},
       {"cases repeated", [](Manifest& m) { m.cases.push_back(m.cases[0]); }},
       {"files out of canonical order", [](Manifest& m) { std::swap(m.files[0], m.files.back()); }},
       {"files repeated", [](Manifest& m) { m.files[1] = m.files[0]; }},
       {"file of an unlisted case", [](Manifest& m) { m.cases[0] = random_uuid4(); }},
       {"unsafe file path", [](Manifest& m) { m.files[0].path = "cases/../../etc/passwd"; }}});
}

TEST_CASE("manifest: limits are enforced as too_large", "[bundle][manifest]") {
  expect_each_invalid(
      BundleError::too_large,
      {{"a case file over 16 MiB", [](Manifest& m) { m.files[0].size = kMaxCaseFileSize + 1; }},
       {"too many recipients",
        [](Manifest& m) {
          m.recipients.clear();
          for (std::size_t i = 0; i <= kMaxRecipients; ++i) {
            m.recipients.push_back(safehold::test::new_age_recipient());
          }
          std::sort(m.recipients.begin(), m.recipients.end());
        }},
       {"more than 20000 files", [](Manifest& m) {
          m.files.clear();
          for (std::size_t i = 0; i <= kMaxFiles; ++i) {
            m.files.push_back({"attachments/" + random_uuid4(), 1, {}});
          }
          std::sort(m.files.begin(), m.files.end(),
                    [](const auto& a, const auto& b) { return a.path < b.path; });
        }}});
}

TEST_CASE("manifest: hostile shapes are refused before building a DOM", "[bundle][manifest]") {
  CHECK(parse_error(std::string(100000, '[')) == BundleError::malformed_manifest);
  std::string many = "{\"a\":[";
  for (int i = 0; i < 400000; ++i) many += "0,";
  many += "0]}";
  CHECK(parse_error(many) == BundleError::malformed_manifest);
  CHECK(parse_error(std::string(kMaxManifestSize + 1, ' ')) == BundleError::too_large);
}
