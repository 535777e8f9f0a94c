#include <catch2/catch_test_macros.hpp>

#include <type_traits>

#include "safehold/crypto/secret.hpp"
#include "test_util.hpp"

using safehold::crypto::SecretBuffer;
using safehold::crypto::equal_constant_time;

static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_copy_assignable_v<SecretBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecretBuffer>);
static_assert(!std::is_convertible_v<SecretBuffer, std::string>);

TEST_CASE("SecretBuffer starts zeroed and moves without copying", "[crypto][secret]") {
  SecretBuffer a(32);
  REQUIRE(a.size() == 32);
  for (auto b : a.span()) REQUIRE(b == 0);
  a.data()[0] = 7;
  const auto* p = a.data();
  SecretBuffer b(std::move(a));
  REQUIRE(b.data() == p);
  REQUIRE(b.data()[0] == 7);
  REQUIRE(a.empty());  // NOLINT(bugprone-use-after-move): moved-from state is specified
  REQUIRE(a.data() == nullptr);
}

TEST_CASE("SecretBuffer clone and copy_of are explicit, independent copies", "[crypto][secret]") {
  auto a = SecretBuffer::copy_of(std::string_view("correct horse"));
  auto b = a.clone();
  REQUIRE(b.view() == "correct horse");
  b.data()[0] = 'C';
  REQUIRE(a.view() == "correct horse");
}

TEST_CASE("SecretBuffer truncate wipes the tail", "[crypto][secret]") {
  auto a = SecretBuffer::copy_of(std::string_view("passphrase\n"));
  a.truncate(10);
  REQUIRE(a.view() == "passphrase");
  REQUIRE(a.data()[10] == 0);  // still inside the allocation, now wiped
}

TEST_CASE("random secrets differ and are not all zero", "[crypto][secret]") {
  auto a = SecretBuffer::random(32);
  auto b = SecretBuffer::random(32);
  REQUIRE_FALSE(equal_constant_time(a.span(), b.span()));
  SecretBuffer zero(32);
  REQUIRE_FALSE(equal_constant_time(a.span(), zero.span()));
}

TEST_CASE("constant-time equality", "[crypto][secret]") {
  auto x = safehold::test::from_hex("00112233");
  auto y = safehold::test::from_hex("00112233");
  auto z = safehold::test::from_hex("00112234");
  auto w = safehold::test::from_hex("001122");
  REQUIRE(equal_constant_time(x, y));
  REQUIRE_FALSE(equal_constant_time(x, z));
  REQUIRE_FALSE(equal_constant_time(x, w));
  REQUIRE(equal_constant_time({}, {}));
}
