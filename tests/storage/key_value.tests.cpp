// Drafts and settings: small key/value stores inside the encrypted database.
#include <catch2/catch_test_macros.hpp>

#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;

TEST_CASE("drafts: put, get, overwrite, list by prefix, delete; survive a relock", "[drafts]") {
  VaultFixture f;
  auto d = f.vault.drafts();
  const std::string binary("a\0b\xff", 4);
  REQUIRE(d.put("intake/case-1", "{\"narrative\":\"父亲被约谈\"}"));
  REQUIRE(d.put("intake/case-2", binary));
  REQUIRE(d.put("other", "x"));
  REQUIRE(d.put("intake/case-1", "{\"narrative\":\"updated\"}"));
  CHECK(d.get("intake/case-1").value() == std::optional<std::string>("{\"narrative\":\"updated\"}"));
  CHECK(d.get("intake/case-2").value() == std::optional<std::string>(binary));
  CHECK(d.get("missing").value() == std::nullopt);
  CHECK(d.keys("intake/").value() == std::vector<std::string>{"intake/case-1", "intake/case-2"});
  CHECK(d.keys("intake%").value().empty());  // no wildcard meaning
  REQUIRE(d.remove("intake/case-2"));
  REQUIRE(d.remove("never-there"));
  f.vault = f.reopen();
  CHECK(f.vault.drafts().keys().value() == std::vector<std::string>{"intake/case-1", "other"});
  CHECK(f.vault.settings().keys().value().empty());
}

TEST_CASE("drafts: keys must be 1..200 bytes", "[drafts]") {
  VaultFixture f;
  CHECK(f.vault.drafts().put("", "x").error().code == VaultError::invalid_record);
  CHECK(f.vault.drafts().put(std::string(201, 'k'), "x").error().code == VaultError::invalid_record);
  CHECK(f.vault.drafts().put(std::string(200, 'k'), "x").has_value());
}
