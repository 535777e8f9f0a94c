// Interop with the real age 1.1.1 and age-keygen binaries, both ways:
// X25519 (1 and 3 recipients, binary and armored) at chunk-boundary sizes and
// 10 MB, keys from either side, and scrypt passphrases through a terminal.
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include "age_test_util.hpp"
#include "age_tools.hpp"
#include "safehold/base/file_io.hpp"

using namespace safehold::age;
using namespace safehold::age::test;
using safehold::crypto::SecretBuffer;
using safehold::test::TempDir;
namespace fs = std::filesystem;

namespace {

#define REQUIRE_AGE_TOOLS() \
  if (!have_age_tools()) SKIP("age / age-keygen not installed (apt-get install age)")

struct AgeKey {
  fs::path file;          // as age-keygen wrote it
  std::string recipient;  // "age1…" from `age-keygen -y`
};

AgeKey age_keygen(const TempDir& dir, const std::string& name) {
  AgeKey k{dir / name, {}};
  REQUIRE(run_tool({"age-keygen", "-o", k.file.string()}).status == 0);
  const ToolResult y = run_tool({"age-keygen", "-y", k.file.string()});
  REQUIRE(y.status == 0);
  k.recipient = y.out.substr(0, y.out.find('\n'));
  return k;
}

X25519Identity load_identity(const fs::path& file) {
  auto bytes = safehold::base::read_small_file(file, 4096);
  REQUIRE(bytes);
  const SecretBuffer text = SecretBuffer::copy_of(*bytes);
  auto ids = parse_identity_file(text.view());
  REQUIRE(ids);
  REQUIRE(ids->size() == 1);
  return std::move(ids->front());
}

Bytes decrypt_file_with_ours(const fs::path& file, const Identity& id) {
  auto src = safehold::base::FileSource::open(file);
  REQUIRE(src);
  auto dec = Decryptor::open(*src, id);
  INFO((dec ? std::string("opened") : describe(dec.error())));
  REQUIRE(dec);
  Bytes out, buf(1 << 16);
  for (;;) {
    auto n = dec->read(buf);
    REQUIRE(n);
    if (*n == 0) return out;
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<long>(*n));
  }
}

void encrypt_file_with_ours(const fs::path& file, std::span<const std::uint8_t> plain,
                            std::span<const Recipient* const> rs, bool armor) {
  auto out = safehold::base::AtomicFileWriter::create(file);
  REQUIRE(out);
  auto enc = Encryptor::create(*out, rs, EncryptOptions{armor});
  REQUIRE(enc);
  REQUIRE(enc->write(plain));
  REQUIRE(enc->finish());
  REQUIRE(out->commit());
}

// age creates its -o file only when it writes the first plaintext byte.
Bytes read_output(const fs::path& file) {
  return fs::exists(file) ? safehold::test::read_file(file) : Bytes{};
}

}  // namespace

TEST_CASE("age interop: age-keygen identities load in ours", "[age][interop]") {
  REQUIRE_AGE_TOOLS();
  TempDir dir;
  const AgeKey k = age_keygen(dir, "key.txt");
  const X25519Identity id = load_identity(k.file);
  CHECK(id.recipient().encode() == k.recipient);
  const Bytes bytes = safehold::test::read_file(k.file);
  const std::string file(bytes.begin(), bytes.end());
  CHECK(file.find("# public key: " + k.recipient + "\n") != std::string::npos);
}

TEST_CASE("age interop: our identities work in age", "[age][interop]") {
  REQUIRE_AGE_TOOLS();
  TempDir dir;
  const X25519Identity id = X25519Identity::generate();
  SecretBuffer text(id.encode().size() + 1);
  const SecretBuffer enc = id.encode();
  std::copy(enc.data(), enc.data() + enc.size(), text.data());
  text.data()[enc.size()] = '\n';
  REQUIRE(safehold::base::write_file_atomically(dir / "ours.txt", text.span()));
  const ToolResult y = run_tool({"age-keygen", "-y", (dir / "ours.txt").string()});
  REQUIRE(y.status == 0);
  CHECK(y.out == id.recipient().encode() + "\n");
}

TEST_CASE("age interop: files from `age -r` decrypt with ours", "[age][interop]") {
  REQUIRE_AGE_TOOLS();
  const std::size_t size = GENERATE(0u, 1u, 65535u, 65536u, 65537u, 10000000u);
  TempDir dir;
  const AgeKey keys[] = {age_keygen(dir, "k1"), age_keygen(dir, "k2"), age_keygen(dir, "k3")};
  const Bytes plain = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size + 1));
  safehold::test::write_file(dir / "plain", plain);
  for (int count : {1, 3}) {
    for (bool armor : {false, true}) {
      INFO("size " << size << ", recipients " << count << ", armor " << armor);
      std::vector<std::string> args{"age"};
      if (armor) args.push_back("-a");
      for (int i = 0; i < count; ++i) args.insert(args.end(), {"-r", keys[i].recipient});
      args.insert(args.end(), {"-o", (dir / "f.age").string(), (dir / "plain").string()});
      const ToolResult r = run_tool(args);
      INFO(r.err);
      REQUIRE(r.status == 0);
      const X25519Identity id = load_identity(keys[count - 1].file);
      CHECK(decrypt_file_with_ours(dir / "f.age", id) == plain);
      fs::remove(dir / "f.age");
    }
  }
}

TEST_CASE("age interop: our files decrypt with `age -d -i`", "[age][interop]") {
  REQUIRE_AGE_TOOLS();
  const std::size_t size = GENERATE(0u, 1u, 65535u, 65536u, 65537u, 10000000u);
  TempDir dir;
  // Mixed recipients: two from age-keygen, one of ours (written as an identity file).
  const AgeKey k1 = age_keygen(dir, "k1"), k2 = age_keygen(dir, "k2");
  const X25519Identity mine = X25519Identity::generate();
  REQUIRE(safehold::base::write_file_atomically(dir / "mine", mine.encode().span()));
  auto r1 = X25519Recipient::parse(k1.recipient), r2 = X25519Recipient::parse(k2.recipient);
  REQUIRE((r1 && r2));
  const Bytes plain = safehold::test::pseudo_random_bytes(size, static_cast<std::uint32_t>(size + 2));
  for (int count : {1, 3}) {
    for (bool armor : {false, true}) {
      INFO("size " << size << ", recipients " << count << ", armor " << armor);
      std::vector<const Recipient*> rs{&*r1};
      if (count == 3) rs = {&mine.recipient(), &*r2, &*r1};
      encrypt_file_with_ours(dir / "f.age", plain, rs, armor);
      for (const fs::path& key : {k1.file, count == 3 ? dir / "mine" : k1.file}) {
        const ToolResult r = run_tool({"age", "-d", "-i", key.string(), "-o",
                                       (dir / "out").string(), (dir / "f.age").string()});
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(read_output(dir / "out") == plain);
        fs::remove(dir / "out");
      }
      // age refuses what is not addressed to the identity it is given.
      if (count == 1) {
        CHECK(run_tool({"age", "-d", "-i", k2.file.string(), (dir / "f.age").string()}).status != 0);
      }
    }
  }
}

TEST_CASE("age interop: passphrase files from `age -p` decrypt with ours", "[age][interop][scrypt]") {
  REQUIRE_AGE_TOOLS();
  TempDir dir;
  const Bytes plain = safehold::test::pseudo_random_bytes(70000, 5);
  safehold::test::write_file(dir / "plain", plain);
  const std::string pass = "interop passphrase 1";
  for (bool armor : {false, true}) {
    std::vector<std::string> args{"age", "-p"};
    if (armor) args.push_back("-a");
    args.insert(args.end(), {"-o", (dir / "p.age").string(), (dir / "plain").string()});
    const ToolResult r = run_on_pty(args, pass);
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    // age chooses the work factor (2^18); our default cap allows it.
    CHECK(decrypt_file_with_ours(dir / "p.age", ScryptIdentity(SecretBuffer::copy_of(pass))) == plain);
    fs::remove(dir / "p.age");
  }
}

TEST_CASE("age interop: our passphrase files decrypt with `age -d`", "[age][interop][scrypt]") {
  REQUIRE_AGE_TOOLS();
  TempDir dir;
  const Bytes plain = safehold::test::pseudo_random_bytes(70000, 6);
  const std::string pass = "interop passphrase 2";
  const ScryptRecipient r(SecretBuffer::copy_of(pass), 12);  // low work factor: fast test
  const Recipient* rs[] = {&r};
  for (bool armor : {false, true}) {
    encrypt_file_with_ours(dir / "p.age", plain, rs, armor);
    const ToolResult t =
        run_on_pty({"age", "-d", "-o", (dir / "out").string(), (dir / "p.age").string()}, pass);
    INFO(t.out << t.err);
    REQUIRE(t.status == 0);
    CHECK(safehold::test::read_file(dir / "out") == plain);
    fs::remove(dir / "out");
    // A wrong passphrase is refused by age too.
    CHECK(run_on_pty({"age", "-d", "-o", (dir / "out2").string(), (dir / "p.age").string()},
                     "wrong")
              .status != 0);
  }
}
