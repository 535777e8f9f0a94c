// The C2SP/CCTV age vectors: every non-post-quantum vector must give exactly
// its expected outcome, and the SHA-256 of all plaintext released (even before
// a payload failure) must match.
#include <catch2/catch_test_macros.hpp>

#include <iostream>
#include <memory>

#include "age_test_util.hpp"
#include "cctv_vectors.hpp"

using namespace safehold::age;
using namespace safehold::age::test;

namespace {

constexpr std::size_t kExpectedNonPqVectors = 124;

// The identities a vector lists, in its order (X25519 first, then passphrases).
struct VectorIdentities {
  std::vector<std::unique_ptr<Identity>> owned;
  std::vector<const Identity*> list;
};

VectorIdentities identities_of(const CctvVector& v) {
  VectorIdentities ids;
  for (const auto& text : v.identities) {
    auto id = X25519Identity::parse(text);
    REQUIRE(id.has_value());
    ids.owned.push_back(std::make_unique<X25519Identity>(std::move(*id)));
  }
  for (const auto& pass : v.passphrases) {
    ids.owned.push_back(std::make_unique<ScryptIdentity>(safehold::crypto::SecretBuffer::copy_of(pass)));
  }
  for (const auto& id : ids.owned) ids.list.push_back(id.get());
  return ids;
}

template <class Fn>
void for_each_vector(Fn&& fn) {
  const auto dir = cctv_dir();
  if (!dir) SKIP("age-cctv vectors not found under " SAFEHOLD_VECTORS_DIR " (set SAFEHOLD_VECTORS_DIR)");
  std::size_t ran = 0, pq = 0, ignored = 0;
  for (const auto& path : cctv_vector_paths(*dir)) {
    const CctvVector v = load_cctv_vector(path);
    if (v.unknown_key) {
      ++ignored;
      continue;
    }
    if (v.post_quantum()) {
      ++pq;
      continue;
    }
    INFO("vector " << v.name);
    fn(v);
    ++ran;
  }
  std::cout << "age-cctv: " << ran << " vectors run, " << pq
            << " post-quantum skipped (no ML-KEM in libsodium 1.0.18), " << ignored
            << " ignored (unknown key)\n";
  REQUIRE(ran >= kExpectedNonPqVectors);
}

}  // namespace

TEST_CASE("age: every non-PQ CCTV vector gives its expected outcome", "[age][vectors]") {
  for_each_vector([](const CctvVector& v) {
    auto ids = identities_of(v);
    DecryptOptions opts;
    opts.armor = v.armored ? ArmorMode::required : ArmorMode::refused;
    const Decrypted d = decrypt_all(v.file, ids.list, opts);
    INFO("failure detail: " << (d.failure ? describe(*d.failure) : std::string("none")));
    CHECK(d.outcome() == v.expect);
    if (v.expect == "success" || v.expect == "payload failure") {
      REQUIRE(v.payload_sha256.has_value());
      CHECK(sha256_hex(d.plaintext) == *v.payload_sha256);
    } else {
      CHECK(d.plaintext.empty());  // nothing is released before the header checks out
    }
  });
}

TEST_CASE("age: armor auto-detection gives the same outcomes", "[age][vectors]") {
  for_each_vector([](const CctvVector& v) {
    auto ids = identities_of(v);
    const Decrypted d = decrypt_all(v.file, ids.list);  // ArmorMode::detect
    // Garbage before the BEGIN line cannot be told from a damaged binary file.
    const std::string expected = v.name == "armor_garbage_leading" ? "header failure" : v.expect;
    CHECK(d.outcome() == expected);
    if (v.payload_sha256 && (v.expect == "success" || v.expect == "payload failure")) {
      CHECK(sha256_hex(d.plaintext) == *v.payload_sha256);
    }
  });
}
