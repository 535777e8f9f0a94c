// Every refusal of `safehold-cli import` (docs/cli.md "Exit codes",
// schema/bundle-v1.md 8.2) as its own test: a real bundle exported by the
// caseworker's vault, altered in exactly one way, offered to the NGO's vault.
// Each must exit with its own code and one line on stderr, `verify` must say
// the same, and the vault must be unchanged (same records, same attachment
// files, same audit chain, which still verifies).
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

enum Exit {
  kNotAddressed = 10,
  kMalformed = 11,
  kNewerVersion = 12,
  kTampered = 13,
  kTruncated = 14,
  kUnknownSigner = 15,
  kUnverifiedSigner = 16,
  kForwarded = 17,
  kSumsMismatch = 18,
  kFileMissing = 19,
  kUnsafePath = 20,
};

struct Refusals {
  TwoDesks w;
  std::filesystem::path file = w.caseworker.dir / "case.age";
  ex::ExportResult exported = w.export_to(file);
  OpenedExport opened{w, file};
  std::vector<std::uint8_t> sealed = read_file(file);

  std::vector<std::uint8_t> reseal(const std::vector<Entry>& entries) {
    return age_encrypt(tar_of(entries), {w.ngo.recipient()});
  }

  // The bundle with `text` as its manifest, hashed and signed consistently.
  std::vector<std::uint8_t> with_manifest_text(const std::string& text) {
    auto e = opened.entries;
    const std::string sums = bundle::format_sums(bundle::sha256_of(text), opened.manifest);
    e[0].bytes = bytes_of(text);
    e[1].bytes = bytes_of(sums);
    e[2].bytes = bytes_of(sign_text(opened.signer, sums, bundle::build_trusted_comment(opened.manifest)));
    return reseal(e);
  }
  std::string manifest_text() const {
    return {opened.entries[0].bytes.begin(), opened.entries[0].bytes.end()};
  }

  // Offers `bytes` to the NGO's vault with `import` and `verify`; returns
  // the import's stderr.
  std::string expect_refused(std::span<const std::uint8_t> bytes, int code,
                             std::vector<std::string> extra = {}) {
    const auto bad = w.ngo.dir / "offered.age";
    std::filesystem::remove(bad);
    write_file(bad, bytes);
    const auto before = snapshot(w.ngo);
    std::string err;
    for (const char* command : {"import", "verify"}) {
      std::vector<std::string> args = {command, bad.string()};
      args.insert(args.end(), extra.begin(), extra.end());
      const auto r = w.ngo.cli(args);
      INFO(command << " stderr: " << r.err);
      CHECK(r.exit_code == code);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
      if (err.empty()) err = r.err;
    }
    CHECK(snapshot(w.ngo) == before);
    const auto audit = w.ngo.cli({"audit", "verify"});
    CHECK(audit.exit_code == 0);
    CHECK(w.ngo.cli({"check"}).exit_code == 0);
    CHECK(snapshot(w.ngo) == before);
    return err;
  }
};

}  // namespace

TEST_CASE("import refused: not addressed to this vault (exit 10)", "[exchange][refusal]") {
  Refusals t;
  t.expect_refused(age_encrypt(tar_of(t.opened.entries), {new_age_recipient()}), kNotAddressed);
}

TEST_CASE("import refused: malformed age (exit 11)", "[exchange][refusal]") {
  Refusals t;
  t.expect_refused(bytes_of("not a bundle at all\n"), kMalformed);
  auto bad_header = t.sealed;
  bad_header[3] ^= 0x01;  // "age-encryption.org/v1" misspelt
  t.expect_refused(bad_header, kMalformed);
  const std::string armored = "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n"
                              "-----END AGE ENCRYPTED FILE-----\n";
  t.expect_refused(bytes_of(armored), kMalformed);
}

TEST_CASE("import refused: malformed tar (exit 11)", "[exchange][refusal]") {
  Refusals t;
  auto tar = tar_of(t.opened.entries);
  tar[257] = 'X';  // the first header's ustar magic
  t.expect_refused(age_encrypt(tar, {t.w.ngo.recipient()}), kMalformed);
  // Non-zero bytes after the end-of-archive marker.
  auto trailing = tar_of(t.opened.entries);
  trailing.push_back(0x41);
  t.expect_refused(age_encrypt(trailing, {t.w.ngo.recipient()}), kMalformed);
}

TEST_CASE("import refused: malformed manifest (exit 11)", "[exchange][refusal]") {
  Refusals t;
  // Valid JSON, correctly hashed and signed, but not the one canonical encoding.
  std::string text = t.manifest_text();
  text.insert(1, " ");
  t.expect_refused(t.with_manifest_text(text), kMalformed);
}

TEST_CASE("import refused: made by a newer Safehold (exit 12)", "[exchange][refusal]") {
  Refusals t;
  std::string text = t.manifest_text();
  const std::string v2 = "\"format_version\": 2,";
  const auto at = text.find(v2);
  REQUIRE(at != std::string::npos);
  text.replace(at, v2.size(), "\"format_version\": 3,");
  t.expect_refused(t.with_manifest_text(text), kNewerVersion);
}

TEST_CASE("import refused: any byte changed (exit 13)", "[exchange][refusal]") {
  Refusals t;
  for (const std::size_t at : {payload_offset(t.sealed) + 10, t.sealed.size() / 2, t.sealed.size() - 1}) {
    INFO(at);
    auto changed = t.sealed;
    changed[at] ^= 0x20;
    t.expect_refused(changed, kTampered);
  }
  // Inside the encryption: a record changed by someone who holds a recipient key.
  auto e = t.opened.entries;
  e[3].bytes[e[3].bytes.size() / 2] ^= 0x01;
  t.expect_refused(t.reseal(e), kTampered);
}

TEST_CASE("import refused: truncated (exit 14 at a chunk boundary, 13 inside a chunk)", "[exchange][refusal]") {
  Refusals t;
  const std::size_t payload = payload_offset(t.sealed);
  REQUIRE(t.sealed.size() > payload + kAgeChunk);
  t.expect_refused(std::span(t.sealed).first(payload + kAgeChunk), kTruncated);
  t.expect_refused(std::span(t.sealed).first(payload), kTruncated);
  // Inside a chunk age cannot tell a cut from a change (bundle-v1.md 8, step 1).
  t.expect_refused(std::span(t.sealed).first(t.sealed.size() - 7), kTampered);
}

TEST_CASE("import refused: signer unknown, with the fingerprint to check (exit 15)", "[exchange][refusal]") {
  Refusals t;
  REQUIRE(ex::ContactBook(t.w.ngo.v()).remove(t.w.caseworker_at_ngo));
  const auto fingerprint = ex::own_identity(t.w.caseworker.v()).value().fingerprint;
  const auto key_id = t.w.caseworker.v().identity().info().value().minisign_key_id;
  const auto err = t.expect_refused(t.sealed, kUnknownSigner);
  CHECK(err.find(fingerprint) != std::string::npos);
  CHECK(err.find(key_id) != std::string::npos);
}

TEST_CASE("import refused: signer not verified, unless --allow-unverified (exit 16)", "[exchange][refusal]") {
  Refusals t;
  REQUIRE(ex::ContactBook(t.w.ngo.v()).remove(t.w.caseworker_at_ngo));
  REQUIRE(ex::ContactBook(t.w.ngo.v()).add_card(bundle::as_bytes(t.w.caseworker.card()), {}, "ngo"));
  const auto err = t.expect_refused(t.sealed, kUnverifiedSigner);
  CHECK(err.find(ex::own_identity(t.w.caseworker.v()).value().fingerprint) != std::string::npos);

  const auto r = t.w.ngo.cli({"import", t.file.string(), "--allow-unverified"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("UNVERIFIED") != std::string::npos);
  const auto prov = t.w.ngo.v().bundles().provenance(t.w.the_case.id).value();
  REQUIRE(prov.has_value());
  CHECK(prov->bundle.unverified);
}

TEST_CASE("import refused: forwarded, the signed recipient list lacks this vault (exit 17)", "[exchange][refusal]") {
  Refusals t;
  // Someone the caseworker sent it to re-encrypts it to the NGO, signature intact.
  Desk lawyer("Lawyer");
  auto m = t.opened.manifest;
  m.recipients = {lawyer.recipient()};
  t.expect_refused(t.reseal(t.opened.resigned(m)), kForwarded);
}

TEST_CASE("import refused: manifest and SHA256SUMS disagree (exit 18)", "[exchange][refusal]") {
  Refusals t;
  auto listed = t.opened.manifest;
  listed.files.back().sha256[0] ^= 0x01;
  const std::string sums = bundle::format_sums(bundle::sha256_of(bundle::encode_manifest(t.opened.manifest)), listed);
  t.expect_refused(t.reseal(t.opened.resigned(t.opened.manifest, sums)), kSumsMismatch);
}

TEST_CASE("import refused: a listed file is absent (exit 19)", "[exchange][refusal]") {
  Refusals t;
  for (const std::size_t gone : {std::size_t{3}, t.opened.entries.size() - 1}) {
    INFO(gone);
    auto e = t.opened.entries;
    e.erase(e.begin() + static_cast<std::ptrdiff_t>(gone));
    t.expect_refused(t.reseal(e), kFileMissing);
  }
}

TEST_CASE("import refused: a file present but not listed (exit 19)", "[exchange][refusal]") {
  Refusals t;
  auto e = t.opened.entries;
  e.push_back({"attachments/" + bundle::random_uuid4(), bytes_of("extra")});
  t.expect_refused(t.reseal(e), kFileMissing);
  auto middle = t.opened.entries;
  middle.insert(middle.begin() + 4, {"cases/" + t.w.the_case.id + "/" + bundle::random_uuid4() + ".json",
                                     bytes_of("{}")});
  t.expect_refused(t.reseal(middle), kFileMissing);
}

TEST_CASE("import refused: paths that escape (exit 20)", "[exchange][refusal]") {
  Refusals t;
  for (const std::string path : {"../evil", "/etc/passwd", "attachments/../../x", "cases/../manifest.json"}) {
    INFO(path);
    auto e = t.opened.entries;
    e.insert(e.begin() + 4, {path, bytes_of("x")});
    t.expect_refused(t.reseal(e), kUnsafePath);
  }
}

TEST_CASE("import refused: symlink and hard link entries (exit 20)", "[exchange][refusal]") {
  Refusals t;
  for (const char type : {'2', '1'}) {
    INFO("typeflag " << type);
    auto e = t.opened.entries;
    e.insert(e.begin() + 4, {"attachments/" + bundle::random_uuid4(), {}});
    auto tar = tar_of(e);
    make_link(tar, 4, type, type == '2' ? "/etc/passwd" : e[5].path);
    t.expect_refused(age_encrypt(tar, {t.w.ngo.recipient()}), kUnsafePath);
  }
  // A listed file itself turned into a link.
  auto tar = tar_of(t.opened.entries);
  make_link(tar, t.opened.entries.size() - 1, '2', "/etc/shadow");
  t.expect_refused(age_encrypt(tar, {t.w.ngo.recipient()}), kUnsafePath);
}
