// Every refusal of schema/bundle-v1.md 8.2, each from a crafted bundle that is
// wrong in exactly one way. Crafted bundles are real: a real tar, signed with
// real minisign keys, encrypted with real age; only the defect is added.
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "bundle_world.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"

using namespace safehold::test;
using namespace safehold::core::bundle;
namespace ms = safehold::crypto::minisign;
namespace io = safehold::io;

namespace {

struct Scenario {
  Party sender, lawyer, attacker;
  CaseSet set = CaseSet::sample(100000);
  PreparedBundle prepared = prepare();

  PreparedBundle prepare() const {
    auto p = prepare_bundle(sender.sender_keys(), contents_for(set, recipients_of({&lawyer})), {});
    if (!p) throw std::runtime_error("prepare");
    return std::move(*p);
  }
  std::vector<Entry> entries() const { return entries_of(prepared, set); }

  // A sender who signs whatever manifest and sums it is given (a bug, or a
  // forger with their own key): manifest, sums and signature all consistent.
  std::vector<Entry> resigned(const Manifest& m, const ms::SecretKey& key) const {
    const std::string manifest = encode_manifest(m);
    const std::string sums = format_sums(sha256_of(manifest), m);
    auto e = entries();
    e[0].bytes = bytes_of(manifest);
    e[1].bytes = bytes_of(sums);
    e[2].bytes = bytes_of(sign_text(key, sums, build_trusted_comment(m)));
    return e;
  }

  std::unique_ptr<Opened> open(const std::vector<Entry>& e) const {
    return open_bytes(age_encrypt(tar_of(e), {lawyer.recipient()}));
  }
  std::unique_ptr<Opened> open_bytes(std::span<const std::uint8_t> sealed,
                                     std::optional<SignerTrustFn> trust = {}) const {
    return open_as(lawyer, sealed, trust ? *trust : trusting(sender.sign.public_key()));
  }
};

void expect_refused(const Opened& o, BundleError kind) {
  REQUIRE_FALSE(o.result);
  INFO(describe(o.result.error()));
  CHECK(o.result.error().code == kind);
  CHECK(o.consumer.discards == 1);
  CHECK(o.consumer.staged.empty());
}

std::string uuid_path() { return "attachments/" + random_uuid4(); }

}  // namespace

TEST_CASE("refused: forged signer (the contact's key named, someone else signed)",
          "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  const auto& m = s.prepared.manifest;
  SECTION("signature by another key") {
    e[2].bytes = bytes_of(sign_text(s.attacker.sign, s.prepared.sums_text, build_trusted_comment(m)));
  }
  SECTION("signature by another key, key id rewritten to the contact's") {
    std::string sig = sign_text(s.attacker.sign, s.prepared.sums_text, build_trusted_comment(m));
    const std::size_t l1 = sig.find('\n') + 1, l2 = sig.find('\n', l1);
    std::uint8_t raw[74];
    std::size_t len = 0;
    REQUIRE(sodium_base642bin(raw, sizeof raw, sig.data() + l1, l2 - l1, nullptr, &len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    const auto& id = s.sender.sign.key_id();
    std::copy(id.begin(), id.end(), raw + 2);
    char b64[128];
    sodium_bin2base64(b64, sizeof b64, raw, len, sodium_base64_VARIANT_ORIGINAL);
    sig.replace(l1, l2 - l1, b64);
    e[2].bytes = bytes_of(sig);
  }
  expect_refused(*s.open(e), BundleError::tampered);
}

TEST_CASE("refused: unknown signer, with its key id for the user to check", "[bundle][refusal]") {
  const Scenario s;
  Manifest m = s.prepared.manifest;
  const auto key = s.attacker.sign.public_key();
  m.sender.minisign_public_key = key.key_line();
  m.sender.minisign_key_id = ms::key_id_hex(key.key_id());
  const auto o = s.open(s.resigned(m, s.attacker.sign));
  expect_refused(*o, BundleError::unknown_signer);
  CHECK(o->result.error().detail == "key " + ms::key_id_hex(key.key_id()));
  CHECK(o->consumer.begins == 0);

  // A reader without any contacts trusts nobody.
  const auto sealed = age_encrypt(tar_of(s.entries()), {s.lawyer.recipient()});
  io::SpanSource src(sealed);
  BundleReader lonely(s.lawyer.age, {});
  const auto r = lonely.verify(src);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == BundleError::unknown_signer);
}

TEST_CASE("refused: unverified signer", "[bundle][refusal]") {
  const Scenario s;
  const auto o = s.open_bytes(age_encrypt(tar_of(s.entries()), {s.lawyer.recipient()}),
                              trusting(s.sender.sign.public_key(), SignerTrust::unverified));
  expect_refused(*o, BundleError::unverified_signer);
}

TEST_CASE("refused: manifest changed after signing", "[bundle][refusal]") {
  const Scenario s;
  Manifest m = s.prepared.manifest;
  SECTION("a recipient added (a forwarder covering their tracks)") {
    m.recipients.push_back(s.attacker.recipient());
    std::sort(m.recipients.begin(), m.recipients.end());
  }
  SECTION("a file's hash changed") { m.files[0].sha256[0] ^= 1; }
  auto e = s.entries();
  e[0].bytes = bytes_of(encode_manifest(m));
  expect_refused(*s.open(e), BundleError::tampered);
}

TEST_CASE("refused: trusted comment not bound to this manifest", "[bundle][refusal]") {
  const Scenario s;
  Manifest other = s.prepared.manifest;
  std::string comment;
  SECTION("another bundle id") {
    other.bundle_id = random_uuid4();
    comment = build_trusted_comment(other);
  }
  SECTION("another recipient list") {
    other.recipients.push_back(s.attacker.recipient());
    std::sort(other.recipients.begin(), other.recipients.end());
    comment = build_trusted_comment(other);
  }
  SECTION("minisign's default comment") { comment = "timestamp:1795881600\tfile:SHA256SUMS"; }
  auto e = s.entries();
  e[2].bytes = bytes_of(sign_text(s.sender.sign, s.prepared.sums_text, comment));
  expect_refused(*s.open(e), BundleError::tampered);
}

TEST_CASE("refused: manifest and SHA256SUMS disagree (both signed)", "[bundle][refusal]") {
  const Scenario s;
  const Manifest& m = s.prepared.manifest;
  std::string sums;
  SECTION("a different hash") {
    Manifest changed = m;
    changed.files[2].sha256[7] ^= 0x40;
    sums = format_sums(sha256_of(s.prepared.manifest_text), changed);
  }
  SECTION("a line missing") {
    Manifest shorter = m;
    shorter.files.pop_back();
    sums = format_sums(sha256_of(s.prepared.manifest_text), shorter);
  }
  auto e = s.entries();
  e[1].bytes = bytes_of(sums);
  e[2].bytes = bytes_of(sign_text(s.sender.sign, sums, build_trusted_comment(m)));
  expect_refused(*s.open(e), BundleError::manifest_sums_mismatch);
}

TEST_CASE("refused: a listed file is missing", "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  std::string missing;
  SECTION("in the middle") {
    missing = e[5].path;
    e.erase(e.begin() + 5);
  }
  SECTION("at the end") {
    missing = e.back().path;
    e.pop_back();
  }
  const auto o = s.open(e);
  expect_refused(*o, BundleError::file_missing);
  CHECK(o->result.error().detail == missing);
  CHECK(o->consumer.begins == 1);  // found while streaming, after the header checks
}

TEST_CASE("refused: a file that is not listed", "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  SECTION("at the end") { e.push_back({uuid_path(), bytes_of("extra")}); }
  SECTION("in the middle") { e.insert(e.begin() + 4, {uuid_path(), bytes_of("extra")}); }
  expect_refused(*s.open(e), BundleError::file_not_listed);
}

TEST_CASE("refused: unsafe paths", "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  const std::string path = GENERATE(Catch::Generators::as<std::string>{}, "../evil", "/etc/passwd",
                                    "attachments/../../x", "cases/../manifest.json",
                                    "ATTACHMENTS/x", "attachments/a\\b", "attachments/");
  INFO(path);
  SECTION("among the files") { e.insert(e.begin() + 4, {path, bytes_of("x")}); }
  SECTION("in front") { e.insert(e.begin(), {path, bytes_of("x")}); }
  expect_refused(*s.open(e), BundleError::unsafe_path);
}

TEST_CASE("refused: symlinks and hard links (archives made by GNU tar)",
          "[bundle][refusal][interop]") {
  const Scenario s;
  TempDir dir;
  std::string args;
  for (const auto& e : s.entries()) {
    std::filesystem::create_directories((dir / e.path).parent_path());
    write_file(dir / e.path, e.bytes);
    args += " " + e.path;
  }
  const std::string link_path = uuid_path();
  std::filesystem::create_directories(dir / "attachments");
  SECTION("symlink") {
    std::filesystem::create_symlink("/etc/passwd", dir / link_path);
  }
  SECTION("hard link to a listed file") {
    std::filesystem::create_hard_link(dir / s.entries()[4].path, dir / link_path);
  }
  REQUIRE(run("cd " + quote(dir.path()) + " && tar --format=pax --no-recursion -cf b.tar" + args +
              " " + link_path) == 0);
  const auto o = s.open_bytes(age_encrypt(read_file(dir / "b.tar"), {s.lawyer.recipient()}));
  expect_refused(*o, BundleError::unsafe_path);
}

TEST_CASE("refused: duplicate entries", "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  SECTION("manifest.json twice") { e.insert(e.begin() + 1, e[0]); }
  SECTION("a file twice in a row") { e.insert(e.begin() + 5, e[4]); }
  SECTION("a file again at the end") { e.push_back(e[3]); }
  SECTION("a leading entry again among the files") { e.push_back(e[1]); }
  expect_refused(*s.open(e), BundleError::duplicate_entry);
}

TEST_CASE("refused: the leading three out of order", "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  SECTION("SHA256SUMS first") { std::swap(e[0], e[1]); }
  SECTION("signature before SHA256SUMS") { std::swap(e[1], e[2]); }
  SECTION("a file before them") { std::rotate(e.begin(), e.begin() + 3, e.begin() + 4); }
  expect_refused(*s.open(e), BundleError::wrong_order);
}

TEST_CASE("refused: content changed inside the encryption", "[bundle][refusal]") {
  // Only someone holding a recipient key can do this; the hash catches it.
  const Scenario s;
  auto e = s.entries();
  SECTION("a flipped byte") { e.back().bytes[e.back().bytes.size() / 2] ^= 1; }
  SECTION("a longer entry") { e[4].bytes.push_back('x'); }
  const auto o = s.open(e);
  expect_refused(*o, BundleError::tampered);
}

TEST_CASE("refused: truncated bundles", "[bundle][refusal]") {
  const Scenario s;
  const auto sealed = age_encrypt(tar_of(s.entries()), {s.lawyer.recipient()});
  // Cut right after the first payload chunk, and right before it.
  const std::size_t payload = payload_offset(sealed);
  const std::size_t cut = payload + kAgeChunk;
  REQUIRE(cut < sealed.size());
  expect_refused(*s.open_bytes(std::span(sealed).first(cut)), BundleError::truncated);
  expect_refused(*s.open_bytes(std::span(sealed).first(payload)), BundleError::truncated);
}

TEST_CASE("refused: not addressed to us", "[bundle][refusal]") {
  const Scenario s;
  const auto o = s.open_bytes(age_encrypt(tar_of(s.entries()), {s.attacker.recipient()}));
  expect_refused(*o, BundleError::not_addressed_to_us);
}

TEST_CASE("refused: already imported (the importer's consumer says so)", "[bundle][refusal]") {
  const Scenario s;
  const auto o = open_as(s.lawyer, age_encrypt(tar_of(s.entries()), {s.lawyer.recipient()}),
                         trusting(s.sender.sign.public_key()), BundleError::already_imported);
  expect_refused(*o, BundleError::already_imported);
  CHECK(o->consumer.begins == 1);
  CHECK(o->consumer.order.empty());  // stopped before any file
}

TEST_CASE("refused: not a binary age file", "[bundle][refusal]") {
  const Scenario s;
  const auto tar = tar_of(s.entries());
  SECTION("armored") {
    auto r = *safehold::age::X25519Recipient::parse(s.lawyer.recipient());
    io::VectorSink sink;
    auto enc = safehold::age::Encryptor::create(sink, r, {.armor = true});
    REQUIRE(enc);
    REQUIRE(enc->write(tar));
    REQUIRE(enc->finish());
    expect_refused(*s.open_bytes(sink.bytes()), BundleError::malformed_age);
  }
  SECTION("the plaintext tar itself") { expect_refused(*s.open_bytes(tar), BundleError::malformed_age); }
  SECTION("empty") { expect_refused(*s.open_bytes({}), BundleError::malformed_age); }
}

TEST_CASE("refused: malformed manifest, sums, signature; newer version; too large",
          "[bundle][refusal]") {
  const Scenario s;
  auto e = s.entries();
  BundleError kind{};
  SECTION("manifest not canonical") {
    e[0].bytes = bytes_of(nlohmann::json::parse(s.prepared.manifest_text).dump());
    kind = BundleError::malformed_manifest;
  }
  SECTION("format version 2") {
    auto j = nlohmann::json::parse(s.prepared.manifest_text);
    j["format_version"] = 2;
    e[0].bytes = bytes_of(j.dump(2) + "\n");
    kind = BundleError::unsupported_version;
  }
  SECTION("sums with CRLF") {
    std::string crlf;
    for (char c : s.prepared.sums_text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    e[1].bytes = bytes_of(crlf);
    kind = BundleError::malformed_sums;
  }
  SECTION("signature with CRLF (minisign would read it; not our encoding)") {
    std::string crlf;
    for (char c : s.prepared.signature_text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    e[2].bytes = bytes_of(crlf);
    kind = BundleError::malformed_signature;
  }
  SECTION("signature garbage") {
    e[2].bytes = bytes_of("not a signature\n");
    kind = BundleError::malformed_signature;
  }
  SECTION("manifest entry over 8 MiB") {
    e[0].bytes.resize((8u << 20) + 1, ' ');
    kind = BundleError::too_large;
  }
  expect_refused(*s.open(e), kind);
}
