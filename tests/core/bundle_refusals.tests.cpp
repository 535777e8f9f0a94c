// Every refusal of schema/bundle-v1.md 8.2, each from a crafted bundle that is
// wrong in exactly one way. Crafted bundles are real: a real tar, signed with
// real minisign keys, encrypted with real age; only the defect is added.
#include <sodium.h>

#include <catch2/catch_test_macros.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "bundle_world.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"

using namespace safehold::test;
using namespace safehold::core::bundle;
namespace ms = safehold::crypto::minisign;
namespace base = safehold::base;

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

// Named variants of one defect: each is applied to fresh entries and must be
// refused with `kind`.
using Mutation = std::function<void(std::vector<Entry>&)>;
void expect_each(const Scenario& s, BundleError kind,
                 std::initializer_list<std::pair<const char*, Mutation>> variants) {
  for (const auto& [name, mutate] : variants) {
    INFO(name);
    auto e = s.entries();
    mutate(e);
    expect_refused(*s.open(e), kind);
  }
}

}  // namespace

TEST_CASE("refused: forged signer (the contact's key named, someone else signed)",
          "[bundle][refusal]") {
  const Scenario s;
  const std::string comment = build_trusted_comment(s.prepared.manifest);
  const std::string forged = sign_text(s.attacker.sign, s.prepared.sums_text, comment);
  // The same forgery with the key id rewritten to the contact's.
  std::string relabelled = forged;
  const std::size_t l1 = relabelled.find('\n') + 1, l2 = relabelled.find('\n', l1);
  std::uint8_t raw[74];
  std::size_t len = 0;
  REQUIRE(sodium_base642bin(raw, sizeof raw, relabelled.data() + l1, l2 - l1, nullptr, &len,
                            nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  const auto& id = s.sender.sign.key_id();
  std::copy(id.begin(), id.end(), raw + 2);
  char b64[128];
  sodium_bin2base64(b64, sizeof b64, raw, len, sodium_base64_VARIANT_ORIGINAL);
  relabelled.replace(l1, l2 - l1, b64);
  expect_each(s, BundleError::tampered,
              {{"signature by another key", [&](auto& e) { e[2].bytes = bytes_of(forged); }},
               {"key id rewritten", [&](auto& e) { e[2].bytes = bytes_of(relabelled); }}});
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
  base::SpanSource src(sealed);
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
  Manifest added = s.prepared.manifest;  // a forwarder covering their tracks
  added.recipients.push_back(s.attacker.recipient());
  std::sort(added.recipients.begin(), added.recipients.end());
  Manifest rehashed = s.prepared.manifest;
  rehashed.files[0].sha256[0] ^= 1;
  expect_each(
      s, BundleError::tampered,
      {{"a recipient added", [&](auto& e) { e[0].bytes = bytes_of(encode_manifest(added)); }},
       {"a hash changed", [&](auto& e) { e[0].bytes = bytes_of(encode_manifest(rehashed)); }}});
}

TEST_CASE("refused: trusted comment not bound to this manifest", "[bundle][refusal]") {
  const Scenario s;
  Manifest other_id = s.prepared.manifest;
  other_id.bundle_id = random_uuid4();
  Manifest other_recipients = s.prepared.manifest;
  other_recipients.recipients.push_back(s.attacker.recipient());
  std::sort(other_recipients.recipients.begin(), other_recipients.recipients.end());
  auto signed_with = [&](const std::string& comment) -> Mutation {
    return [&s, comment](auto& e) {
      e[2].bytes = bytes_of(sign_text(s.sender.sign, s.prepared.sums_text, comment));
    };
  };
  expect_each(
      s, BundleError::tampered,
      {{"another bundle id", signed_with(build_trusted_comment(other_id))},
       {"another recipient list", signed_with(build_trusted_comment(other_recipients))},
       {"minisign's default comment", signed_with("timestamp:1795881600\tfile:SHA256SUMS")}});
}

TEST_CASE("refused: manifest and SHA256SUMS disagree (both signed)", "[bundle][refusal]") {
  const Scenario s;
  const Manifest& m = s.prepared.manifest;
  Manifest changed = m;
  changed.files[2].sha256[7] ^= 0x40;
  Manifest shorter = m;
  shorter.files.pop_back();
  auto sums_from = [&](const Manifest& listed) -> Mutation {
    const std::string sums = format_sums(sha256_of(s.prepared.manifest_text), listed);
    return [&s, &m, sums](auto& e) {
      e[1].bytes = bytes_of(sums);
      e[2].bytes = bytes_of(sign_text(s.sender.sign, sums, build_trusted_comment(m)));
    };
  };
  expect_each(s, BundleError::manifest_sums_mismatch,
              {{"a different hash", sums_from(changed)}, {"a line missing", sums_from(shorter)}});
}

TEST_CASE("refused: a listed file is missing", "[bundle][refusal]") {
  const Scenario s;
  const auto all = s.entries();
  for (const std::size_t gone : {std::size_t{5}, all.size() - 1}) {
    INFO(gone);
    auto e = all;
    e.erase(e.begin() + static_cast<std::ptrdiff_t>(gone));
    const auto o = s.open(e);
    expect_refused(*o, BundleError::file_missing);
    CHECK(o->result.error().detail == all[gone].path);
    CHECK(o->consumer.begins == 1);  // found while streaming, after the header checks
  }
}

TEST_CASE("refused: a file that is not listed", "[bundle][refusal]") {
  const Scenario s;
  expect_each(s, BundleError::file_not_listed,
              {{"at the end",
                [](auto& e) {
                  e.push_back({uuid_path(), bytes_of("extra")});
                }},
               {"in the middle", [](auto& e) {
                  e.insert(e.begin() + 4, {uuid_path(), bytes_of("extra")});
                }}});
}

TEST_CASE("refused: unsafe paths", "[bundle][refusal]") {
  const Scenario s;
  for (const std::string path :
       {"../evil", "/etc/passwd", "attachments/../../x", "cases/../manifest.json", "ATTACHMENTS/x",
        "attachments/a\\b", "attachments/"}) {
    INFO(path);
    expect_each(s, BundleError::unsafe_path,
                {{"among the files",
                  [&](auto& e) {
                    e.insert(e.begin() + 4, {path, bytes_of("x")});
                  }},
                 {"in front", [&](auto& e) {
                    e.insert(e.begin(), {path, bytes_of("x")});
                  }}});
  }
}

TEST_CASE("refused: symlinks and hard links (archives made by GNU tar)",
          "[bundle][refusal][interop]") {
  const Scenario s;
  for (const bool symbolic : {true, false}) {
    INFO((symbolic ? "symlink" : "hard link to a listed file"));
    TempDir dir;
    std::string args;
    for (const auto& e : s.entries()) {
      std::filesystem::create_directories((dir / e.path).parent_path());
      write_file(dir / e.path, e.bytes);
      args += " " + e.path;
    }
    const std::string link_path = uuid_path();
    if (symbolic) {
      std::filesystem::create_symlink("/etc/passwd", dir / link_path);
    } else {
      std::filesystem::create_hard_link(dir / s.entries()[4].path, dir / link_path);
    }
    REQUIRE(run("cd " + quote(dir.path()) + " && tar --format=pax --no-recursion -cf b.tar" + args +
                " " + link_path) == 0);
    const auto o = s.open_bytes(age_encrypt(read_file(dir / "b.tar"), {s.lawyer.recipient()}));
    expect_refused(*o, BundleError::unsafe_path);
  }
}

TEST_CASE("refused: duplicate entries", "[bundle][refusal]") {
  const Scenario s;
  expect_each(s, BundleError::duplicate_entry,
              {{"manifest.json twice", [](auto& e) { e.insert(e.begin() + 1, e[0]); }},
               {"a file twice in a row", [](auto& e) { e.insert(e.begin() + 5, e[4]); }},
               {"a file again at the end", [](auto& e) { e.push_back(e[3]); }},
               {"a leading entry again among the files", [](auto& e) { e.push_back(e[1]); }}});
}

TEST_CASE("refused: the leading three out of order", "[bundle][refusal]") {
  const Scenario s;
  expect_each(s, BundleError::wrong_order,
              {{"SHA256SUMS first", [](auto& e) { std::swap(e[0], e[1]); }},
               {"signature before SHA256SUMS", [](auto& e) { std::swap(e[1], e[2]); }},
               {"a file before them",
                [](auto& e) { std::rotate(e.begin(), e.begin() + 3, e.begin() + 4); }}});
}

TEST_CASE("refused: content changed inside the encryption", "[bundle][refusal]") {
  // Only someone holding a recipient key can do this; the hash catches it.
  const Scenario s;
  expect_each(s, BundleError::tampered,
              {{"a flipped byte", [](auto& e) { e.back().bytes[e.back().bytes.size() / 2] ^= 1; }},
               {"a longer entry", [](auto& e) { e[4].bytes.push_back('x'); }}});
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
  auto r = *safehold::age::X25519Recipient::parse(s.lawyer.recipient());
  base::VectorSink armored;
  auto enc = safehold::age::Encryptor::create(armored, r, {.armor = true});
  REQUIRE(enc);
  REQUIRE(enc->write(tar));
  REQUIRE(enc->finish());
  expect_refused(*s.open_bytes(armored.bytes()), BundleError::malformed_age);
  expect_refused(*s.open_bytes(tar), BundleError::malformed_age);  // the plaintext itself
  expect_refused(*s.open_bytes({}), BundleError::malformed_age);
}

TEST_CASE("refused: malformed manifest, sums, signature; newer version; too large",
          "[bundle][refusal]") {
  const Scenario s;
  auto crlf = [](std::string_view text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return bytes_of(out);
  };
  auto j = nlohmann::json::parse(s.prepared.manifest_text);
  const auto compact = bytes_of(j.dump());
  j["format_version"] = 3;
  const auto v3 = bytes_of(j.dump(2) + "\n");
  expect_each(s, BundleError::malformed_manifest,
              {{"manifest not canonical", [&](auto& e) { e[0].bytes = compact; }}});
  expect_each(s, BundleError::unsupported_version,
              {{"format version 3", [&](auto& e) { e[0].bytes = v3; }}});
  expect_each(s, BundleError::malformed_sums,
              {{"sums with CRLF", [&](auto& e) { e[1].bytes = crlf(s.prepared.sums_text); }}});
  expect_each(s, BundleError::malformed_signature,
              {{"signature with CRLF (minisign reads it; not our encoding)",
                [&](auto& e) { e[2].bytes = crlf(s.prepared.signature_text); }},
               {"signature garbage", [](auto& e) { e[2].bytes = bytes_of("not a signature\n"); }}});
  expect_each(
      s, BundleError::too_large,
      {{"manifest entry over 8 MiB", [](auto& e) { e[0].bytes.resize((8u << 20) + 1, ' '); }}});
}
