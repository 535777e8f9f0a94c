// The stock-tools recipes of schema/bundle-v1.md, run as written (the code
// blocks are taken from the spec itself) with Debian's age, tar, minisign and
// sha256sum: on a bundle Safehold sealed, and to assemble a bundle that
// Safehold must open. Plus forwarding with stock age.
#include <catch2/catch_test_macros.hpp>

#include "bundle_world.hpp"
#include "stock_recipes.hpp"
#include "safehold/core/bundle/trusted_comment.hpp"
#include "safehold/base/file_io.hpp"

using namespace safehold::test;
using namespace safehold::core::bundle;
namespace fs = std::filesystem;
namespace base = safehold::base;

namespace {

void save_sealed(const fs::path& path, std::span<const std::uint8_t> bytes) {
  auto out = base::AtomicFileWriter::create(path);
  REQUIRE(out);
  REQUIRE(out->write(bytes));
  REQUIRE(out->commit());
}

}  // namespace

TEST_CASE("interop: stock tools verify and open a bundle Safehold sealed (spec section 9)",
          "[bundle][interop]") {
  TempDir dir;
  REQUIRE(run("age-keygen -o " + quote(dir / "key.txt") + " 2>/dev/null") == 0);
  const std::string lawyer = trimmed(run_output("age-keygen -y " + quote(dir / "key.txt")));
  const Party sender, colleague;
  const CaseSet set = CaseSet::sample(2 << 20);
  const auto sealed = seal(sender, set, {lawyer, colleague.recipient()});
  save_sealed(dir / "bundle.age", sealed);

  const std::string recipe = spec_block("## 9.");
  const std::string sender_key = sender.sign.public_key().key_line();
  const auto [rc, out] = run_script(dir.path(), recipe, "SENDER_KEY='" + sender_key + "'");
  INFO(out);
  REQUIRE(rc == 0);

  // What the recipe printed is what a careful person checks.
  const auto manifest_bytes = read_file(dir / "b" / "manifest.json");
  const auto manifest = parse_manifest(manifest_bytes);
  REQUIRE(manifest);
  CHECK(count_of(out, "Trusted comment: " + build_trusted_comment(*manifest) + "\n") == 1);
  CHECK(count_of(out, "\"bundle_id\": \"" + manifest->bundle_id + "\"") == 1);
  CHECK(count_of(out, ": OK\n") == set.files.size() + 1);
  CHECK(count_of(out, "-rw-r--r--") == set.files.size() + 3);
  CHECK(count_of(out, "\n1\n") == 1);  // own recipient listed once
  CHECK(count_of(out, bundle::to_hex(recipients_digest(manifest->recipients)) + "  -") == 1);
  for (const auto& f : set.files) CHECK(read_file(dir / "b" / f.path) == f.bytes);

  // The recipe catches a wrong sender key.
  fs::remove_all(dir / "b");
  const std::string impostor = Party{}.sign.public_key().key_line();
  const auto [rc_wrong, out_wrong] =
      run_script(dir.path(), recipe, "SENDER_KEY='" + impostor + "'");
  CHECK(rc_wrong != 0);
}

TEST_CASE("interop: a recipient forwards with stock age; the third party sees it",
          "[bundle][interop][refusal]") {
  TempDir dir;
  const Party sender, lawyer, third;
  const CaseSet set = CaseSet::sample(200000);
  save_sealed(dir / "bundle.age", seal(sender, set, recipients_of({&lawyer})));
  write_file(dir / "lawyer.txt", lawyer.age.encode().span());
  write_file(dir / "third.txt", third.age.encode().span());
  // The lawyer decrypts and re-encrypts to a third party, with stock age.
  REQUIRE(run("cd " + quote(dir.path()) + " && age -d -i lawyer.txt bundle.age | age -r " +
              third.recipient() + " -o forwarded.age") == 0);
  const auto forwarded = read_file(dir / "forwarded.age");

  const auto o = open_as(third, forwarded, trusting(sender.sign.public_key()));
  REQUIRE_FALSE(o->result);
  CHECK(o->result.error().code == BundleError::forwarded);
  CHECK(o->consumer.discards == 1);
  CHECK(o->consumer.begins == 0);
  // The lawyer's own copy is fine; so is the forwarded plaintext, byte for byte.
  CHECK(open_as(lawyer, read_file(dir / "bundle.age"), trusting(sender.sign.public_key()))->result);
  CHECK(age_decrypt(forwarded, third) == age_decrypt(read_file(dir / "bundle.age"), lawyer));

  // By hand, the spec's recipe stops the third party too (step 5).
  fs::copy_file(dir / "third.txt", dir / "key.txt");
  fs::rename(dir / "forwarded.age", dir / "bundle.age");
  const auto [rc, out] = run_script(dir.path(), spec_block("## 9."),
                                    "SENDER_KEY='" + sender.sign.public_key().key_line() + "'");
  INFO(out);
  CHECK(rc != 0);
  CHECK(count_of(out, ": OK\n") == set.files.size() + 1);  // everything else checked out
}

TEST_CASE("interop: a bundle assembled with stock tools (spec section 10) opens in Safehold",
          "[bundle][interop]") {
  TempDir dir;
  const fs::path stage = dir / "stage";
  fs::create_directories(stage);
  auto sh = [&](const std::string& cmd) { REQUIRE(run("cd " + quote(stage) + " && " + cmd) == 0); };
  sh("age-keygen -o sender-age.txt 2>/dev/null && age-keygen -o lawyer.txt 2>/dev/null && "
     "age-keygen -o ngo.txt 2>/dev/null");
  sh("minisign -G -W -p sender.pub -s sender.key >/dev/null");
  const std::string c1 = random_uuid4(), c2 = random_uuid4();
  const std::string a1 = random_uuid4(), a2 = random_uuid4();
  sh("mkdir -p cases/" + c1 + " cases/" + c2 + " attachments audit/" + c1);
  sh("printf '{\"id\":\"%s\"}' " + c1 + " > cases/" + c1 + "/" + random_uuid4() + ".json");
  sh("printf '{\"id\":\"%s\"}' " + c2 + " > cases/" + c2 + "/" + random_uuid4() + ".json");
  sh("head -c 1500000 /dev/urandom > attachments/" + a1);
  sh(": > attachments/" + a2);
  sh("printf 'custody\\n' > audit/" + c1 + "/custody.jsonl");

  const std::string lawyer = trimmed(run_output("age-keygen -y " + quote(stage / "lawyer.txt")));
  const std::string ngo = trimmed(run_output("age-keygen -y " + quote(stage / "ngo.txt")));
  const std::string recipients = lawyer < ngo ? lawyer + " " + ngo : ngo + " " + lawyer;
  const std::string cases = c1 < c2 ? c1 + " " + c2 : c2 + " " + c1;
  const std::string bundle_id = random_uuid4();
  const std::string env =
      "bundle_id=" + bundle_id +
      " created=2026-11-28T18:00:00Z app_version=stock-1 "
      "name='Stock Tools' sender_pub=sender.pub sender_age=$(age-keygen -y sender-age.txt) "
      "recipients='" +
      recipients + "' cases='" + cases + "'";
  sh(env + " " + quote(fs::path(SAFEHOLD_SOURCE_DIR) / "tests/core/stock_tools/write_manifest.sh"));
  const auto [rc, out] = run_script(stage, spec_block("## 10."),
                                    "bundle_id=" + bundle_id + " recipients='" + recipients + "'");
  INFO(out);
  REQUIRE(rc == 0);

  // Safehold opens it, as each recipient, trusting the sender's key file.
  const auto pub_text = read_file(stage / "sender.pub");
  const auto sender_key = safehold::crypto::minisign::PublicKey::parse_file(
      std::string_view(reinterpret_cast<const char*>(pub_text.data()), pub_text.size()));
  REQUIRE(sender_key);
  const auto sealed = read_file(stage / "bundle.age");
  for (const char* who : {"lawyer.txt", "ngo.txt"}) {
    INFO(who);
    const auto key_text = read_file(stage / who);
    auto ids = safehold::age::parse_identity_file(
        std::string_view(reinterpret_cast<const char*>(key_text.data()), key_text.size()));
    REQUIRE(ids);
    Party me;
    me.age = std::move(ids->front());
    const auto o = open_as(me, sealed, trusting(*sender_key));
    if (!o->result) FAIL(describe(o->result.error()));
    const Manifest& m = o->result->manifest;
    CHECK(m.bundle_id == bundle_id);
    CHECK(m.sender.name == "Stock Tools");
    CHECK(m.app_version == "stock-1");
    REQUIRE(o->consumer.staged.size() == 5);
    for (const auto& [path, bytes] : o->consumer.staged) CHECK(read_file(stage / path) == bytes);
  }
}
