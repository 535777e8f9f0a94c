// One passphrase rule for both programs (core/policy/passphrase.hpp).
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "safehold/core/policy/passphrase.hpp"
#include "test_util.hpp"

using namespace safehold;
using core::NewPassphraseProblem;

namespace {

crypto::SecretBuffer secret(const std::string& s) {
  crypto::SecretBuffer b(s.size());
  std::copy(s.begin(), s.end(), b.data());
  return b;
}

}  // namespace

TEST_CASE("passphrase policy: length, emptiness and strength", "[core][policy]") {
  CHECK(core::kMaxPassphraseBytes == 1024);
  CHECK(core::check_new_passphrase("") == NewPassphraseProblem::empty);
  CHECK(core::check_new_passphrase("password") == NewPassphraseProblem::too_weak);
  CHECK(core::check_new_passphrase("vivid kettle orbit saffron") == NewPassphraseProblem::none);
  const auto longest = test::strong_passphrase_of_length(1024);
  CHECK(core::check_new_passphrase(longest) == NewPassphraseProblem::none);
  CHECK(core::check_new_passphrase(test::strong_passphrase_of_length(1025)) == NewPassphraseProblem::too_long);
  CHECK(core::describe(NewPassphraseProblem::too_weak) != std::string());
}

TEST_CASE("passphrase policy: a SecretBuffer without a NUL gets the same answer", "[core][policy]") {
  for (const std::string& s : {std::string("password"), std::string("vivid kettle orbit saffron"),
                              test::strong_passphrase_of_length(1024), test::strong_passphrase_of_length(1025)}) {
    CHECK(core::check_new_passphrase(secret(s)) == core::check_new_passphrase(s));
  }
  // The buffer's bytes after the passphrase must not count: "password" followed
  // (in memory) by strong text is still too weak.
  auto b = secret("password vivid kettle orbit saffron");
  b.truncate(8);
  CHECK(core::check_new_passphrase(b) == NewPassphraseProblem::too_weak);
}

TEST_CASE("passphrase policy: the two Argon2id presets", "[core][policy]") {
  CHECK(core::kdf_params(core::KdfPreset::interactive) == storage::KdfParams::interactive());
  CHECK(core::kdf_params(core::KdfPreset::strong) == storage::KdfParams::strong());
}
