// Creating, unlocking, locking and re-keying a vault, and the distinct,
// harmless failures of unlock (wrong passphrase, damaged key file, damaged
// database, newer schema, second opener).
#include <sys/stat.h>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "folder_snapshot.hpp"
#include "migrations.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::storage;
using namespace safehold::test;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

VaultError unlock_error(const fs::path& folder, std::string_view pw = "correct horse") {
  auto v = Vault::unlock(folder, pass(pw));
  REQUIRE_FALSE(v);
  return v.error().code;
}

}  // namespace

TEST_CASE("vault: create makes a private folder with key file, database and attachments", "[vault]") {
  VaultFixture f;
  REQUIRE(f.vault.is_unlocked());
  CHECK(mode_of(f.folder) == 0700);
  CHECK(mode_of(f.folder / "vault.key") == 0600);
  CHECK(mode_of(f.folder / "vault.db") == 0600);
  CHECK(mode_of(f.folder / "attachments") == 0700);
  CHECK(fs::file_size(f.folder / "vault.key") == kKeyFileSize);
  CHECK(f.vault.vault_id().size() == 32);
  CHECK(f.vault.owner_name() == "Test Worker");
  CHECK(f.vault.schema_version().value() == Vault::supported_schema_version());
  REQUIRE(f.vault.settings().put("k", "v"));
  CHECK(mode_of(f.folder / "vault.db-wal") == 0600);  // SQLite gives side files the database's mode
  CHECK(mode_of(f.folder / "vault.db-shm") == 0600);
  f.vault.lock();
  const auto db = read_file(f.folder / "vault.db");
  REQUIRE(db.size() >= 16);
  CHECK(std::string(db.begin(), db.begin() + 15) != "SQLite format 3");
  CHECK_FALSE(fs::exists(f.folder / "vault.db-wal"));  // a clean lock checkpoints the WAL
}

TEST_CASE("vault: unlock with the right passphrase after lock", "[vault]") {
  VaultFixture f;
  const std::string id = f.vault.vault_id();
  REQUIRE(f.vault.settings().put("language", "zh-Hans"));
  Vault v = f.reopen();
  CHECK(v.vault_id() == id);
  CHECK(v.owner_name() == "Test Worker");
  CHECK(v.settings().get("language").value() == std::optional<std::string>("zh-Hans"));
  CHECK(v.unlock_timings().kdf.count() >= 0);
}

TEST_CASE("vault: create refuses a non-empty folder and leaves it alone", "[vault]") {
  TempDir dir;
  fs::create_directories(dir / "taken");
  write_file(dir / "taken" / "notes.txt", as_bytes("keep me"));
  const auto before = snapshot(dir.path());
  auto v = Vault::create(dir / "taken", pass("pw"), cheap_options());
  REQUIRE_FALSE(v);
  CHECK(v.error().code == VaultError::already_exists);
  CHECK(snapshot(dir.path()) == before);
  // An existing vault is a non-empty folder too.
  VaultFixture f;
  f.vault.lock();
  CHECK(Vault::create(f.folder, pass("pw"), cheap_options()).error().code == VaultError::already_exists);
}

TEST_CASE("vault: create refuses out-of-range KDF parameters without touching disk", "[vault]") {
  TempDir dir;
  auto v = Vault::create(dir / "v", pass("pw"), {"w", KdfParams{1, 1024}});
  CHECK(v.error().code == VaultError::kdf_params_invalid);
  CHECK_FALSE(fs::exists(dir / "v"));
}

TEST_CASE("vault: wrong passphrase is its own error and changes nothing", "[vault][unlock]") {
  VaultFixture f;
  f.vault.lock();
  const auto before = snapshot(f.folder);
  CHECK(unlock_error(f.folder, "correct horsE") == VaultError::wrong_passphrase);
  CHECK(unlock_error(f.folder, "") == VaultError::wrong_passphrase);
  CHECK(snapshot(f.folder) == before);
  CHECK(Vault::unlock(f.folder, pass("correct horse")).has_value());
}

TEST_CASE("vault: truncated or damaged key file is malformed, not a wrong passphrase", "[vault][unlock]") {
  VaultFixture f;
  f.vault.lock();
  const auto good = read_file(f.folder / "vault.key");
  for (std::size_t len : {std::size_t{0}, std::size_t{1}, std::size_t{84}, good.size() - 1}) {
    write_file(f.folder / "vault.key", std::span(good).first(len));
    const auto before = snapshot(f.folder);
    INFO("length " << len);
    CHECK(unlock_error(f.folder) == VaultError::key_file_malformed);
    CHECK(snapshot(f.folder) == before);
  }
  auto bad_magic = good;
  bad_magic[0] = 'X';
  write_file(f.folder / "vault.key", bad_magic);
  CHECK(unlock_error(f.folder) == VaultError::key_file_malformed);
  auto huge_cost = good;
  huge_cost[52] = 0xff;  // memlimit far above the cap: refused before any hashing
  write_file(f.folder / "vault.key", huge_cost);
  CHECK(unlock_error(f.folder) == VaultError::key_file_malformed);
  fs::remove(f.folder / "vault.key");
  CHECK(unlock_error(f.folder) == VaultError::not_a_vault);
  write_file(f.folder / "vault.key", good);
  CHECK(Vault::unlock(f.folder, pass("correct horse")).has_value());
}

TEST_CASE("vault: a second opener gets in_use", "[vault][unlock]") {
  VaultFixture f;
  CHECK(unlock_error(f.folder) == VaultError::in_use);
  f.vault.lock();
  CHECK(Vault::unlock(f.folder, pass("correct horse")).has_value());
}

TEST_CASE("vault: missing or damaged database is reported and left as it was", "[vault][unlock]") {
  VaultFixture f;
  REQUIRE(f.vault.settings().put("k", std::string(20000, 'v')));  // a few pages
  f.vault.lock();
  const auto db = read_file(f.folder / "vault.db");

  SECTION("first page damaged") {
    auto damaged = db;
    damaged[100] ^= 0x40;
    write_file(f.folder / "vault.db", damaged);
    const auto before = snapshot(f.folder);
    CHECK(unlock_error(f.folder) == VaultError::database_corrupt);
    CHECK(snapshot(f.folder) == before);
  }
  SECTION("truncated to half a page") {
    write_file(f.folder / "vault.db", std::span(db).first(2000));
    const auto before = snapshot(f.folder);
    CHECK(unlock_error(f.folder) == VaultError::database_corrupt);
    CHECK(snapshot(f.folder) == before);
  }
  SECTION("a later page damaged: the integrity check finds it") {
    REQUIRE(db.size() >= 4 * 4096);
    auto damaged = db;
    damaged[db.size() - 4096 + 200] ^= 0x01;
    write_file(f.folder / "vault.db", damaged);
    auto v = Vault::unlock(f.folder, pass("correct horse"));
    if (v) {
      auto report = v->check_integrity();
      if (!report) FAIL(report.error().describe());
      CHECK_FALSE(report->database_ok);
      CHECK(report->database_problems > 0);
      CHECK_FALSE(report->ok());
      // Reading never returns damaged data: the value or a clear error.
      auto got = v->settings().get("k");
      if (got) {
        CHECK(*got == std::optional<std::string>(std::string(20000, 'v')));
      } else {
        CHECK(got.error().code == VaultError::database_corrupt);
      }
    } else {
      CHECK(v.error().code == VaultError::database_corrupt);
    }
  }
  SECTION("missing") {
    fs::remove(f.folder / "vault.db");
    const auto before = snapshot(f.folder);
    CHECK(unlock_error(f.folder) == VaultError::database_missing);
    CHECK(snapshot(f.folder) == before);
  }
}

TEST_CASE("vault: a newer schema version is refused with a clear message", "[vault][migrations]") {
  VaultFixture f;
  f.vault.lock();
  {
    RawDb raw(f.folder);
    raw.exec("PRAGMA user_version = " + std::to_string(Vault::supported_schema_version() + 1));
  }
  const auto before = snapshot(f.folder);
  auto v = Vault::unlock(f.folder, pass("correct horse"));
  REQUIRE_FALSE(v);
  CHECK(v.error().code == VaultError::schema_too_new);
  CHECK_THAT(v.error().describe(), Catch::Matchers::ContainsSubstring("newer version of Safehold"));
  CHECK_THAT(v.error().describe(),
             Catch::Matchers::ContainsSubstring("supports up to " + std::to_string(Vault::supported_schema_version())));
  CHECK(snapshot(f.folder) == before);
}

TEST_CASE("migrations: each runs in a transaction; a failing one leaves the last good version", "[migrations]") {
  VaultFixture f;
  f.vault.lock();
  auto db = detail::Database::open(f.folder / "vault.db", database_key(f.folder, "correct horse"), false);
  REQUIRE(db);
  const int base = Vault::supported_schema_version();
  std::vector<detail::Migration> ms(detail::embedded_migrations().begin(), detail::embedded_migrations().end());
  ms.push_back({base + 1, "next_ok.sql", "CREATE TABLE added_ok (x INTEGER);"});
  ms.push_back({base + 2, "next_bad.sql", "CREATE TABLE added_bad (x INTEGER); INSERT INTO no_such_table VALUES (1);"});
  auto r = detail::migrate(*db, ms);
  REQUIRE_FALSE(r);
  CHECK(detail::read_schema_version(*db).value() == base + 1);
  CHECK(db->exec("SELECT * FROM added_ok").has_value());
  CHECK_FALSE(db->exec("SELECT * FROM added_bad").has_value());
  ms.pop_back();
  CHECK(detail::migrate(*db, ms).has_value());
  CHECK(detail::check_schema_version(*db, detail::embedded_migrations()).error().code == VaultError::schema_too_new);
}

TEST_CASE("vault: a locked vault refuses every operation", "[vault]") {
  VaultFixture f;
  auto settings = f.vault.settings();
  f.vault.lock();
  CHECK_FALSE(f.vault.is_unlocked());
  CHECK(settings.get("x").error().code == VaultError::locked);
  CHECK(f.vault.audit().verify().error().code == VaultError::locked);
  CHECK(f.vault.schema_version().error().code == VaultError::locked);
  CHECK(f.vault.begin_batch().error().code == VaultError::locked);
  Vault moved = std::move(f.vault);
  CHECK(f.vault.settings().get("x").error().code == VaultError::locked);  // NOLINT: moved-from on purpose
}

TEST_CASE("vault: change passphrase rewraps the key only", "[vault][passphrase]") {
  VaultFixture f;
  const auto db_before = read_file(f.folder / "vault.db");
  const auto key_before = read_file(f.folder / "vault.key");
  CHECK(f.vault.change_passphrase(pass("not it"), pass("new pass"), KdfParams::insecure_for_tests())
            .error()
            .code == VaultError::wrong_passphrase);
  CHECK(read_file(f.folder / "vault.key") == key_before);
  const KdfParams raised{2, 16384};
  REQUIRE(f.vault.change_passphrase(pass("correct horse"), pass("new pass"), raised));
  f.vault.lock();
  CHECK(unlock_error(f.folder, "correct horse") == VaultError::wrong_passphrase);
  auto v = Vault::unlock(f.folder, pass("new pass"));
  REQUIRE(v);
  auto kf = parse_key_file(read_file(f.folder / "vault.key"));
  REQUIRE(kf);
  CHECK(kf->kdf == raised);
  auto entries = v->audit().page(0, 100);
  REQUIRE(entries);
  CHECK(entries->back().action == "passphrase_changed");
  CHECK(v->audit().verify()->intact);
}

TEST_CASE("vault: changing the passphrase never lowers the Argon2id cost", "[vault]") {
  TempDir dir;
  const KdfParams created{3, 65536};
  auto v = Vault::create(dir / "v", pass("correct horse"), {"Worker", created});
  REQUIRE(v);
  auto recorded = [&] {
    auto kf = parse_key_file(read_file(dir / "v" / "vault.key"));
    REQUIRE(kf);
    return kf->kdf;
  };
  // Cheaper in both passes and memory: the vault keeps what it had.
  REQUIRE(v->change_passphrase(pass("correct horse"), pass("second pass"), KdfParams::insecure_for_tests()));
  CHECK(recorded() == created);
  // More passes, less memory: each is raised on its own, none lowered.
  REQUIRE(v->change_passphrase(pass("second pass"), pass("third pass"), KdfParams{4, 16384}));
  CHECK(recorded() == KdfParams{4, 65536});
  // More of both: taken as asked.
  REQUIRE(v->change_passphrase(pass("third pass"), pass("fourth pass"), KdfParams{5, 131072}));
  CHECK(recorded() == KdfParams{5, 131072});
  v->lock();
  CHECK(Vault::unlock(dir / "v", pass("fourth pass")));
}

TEST_CASE("vault: the interactive KDF preset creates and unlocks", "[vault][slow]") {
  TempDir dir;
  auto v = Vault::create(dir / "v", pass("a long passphrase"), {"Worker", KdfParams::interactive()});
  REQUIRE(v);
  v->lock();
  auto u = Vault::unlock(dir / "v", pass("a long passphrase"));
  REQUIRE(u);
  CHECK(u->unlock_timings().kdf.count() > 0);
  auto kf = parse_key_file(read_file(dir / "v" / "vault.key"));
  CHECK(kf->kdf == KdfParams::interactive());
}

TEST_CASE("vault: stale temporaries from a killed process are removed on unlock", "[vault]") {
  VaultFixture f;
  f.vault.lock();
  write_file(f.folder / ".vault.key.tmp-0123456789abcdef", as_bytes("partial"));
  write_file(f.folder / "attachments" / ".0123456789abcdef0123456789abcdef.tmp-0123456789abcdef", as_bytes("x"));
  write_file(f.folder / "attachments" / "0123456789abcdef0123456789abcdef", as_bytes("orphan"));
  write_file(f.folder / "attachments" / "README", as_bytes("not ours"));
  auto v = Vault::unlock(f.folder, pass("correct horse"));
  REQUIRE(v);
  CHECK_FALSE(fs::exists(f.folder / ".vault.key.tmp-0123456789abcdef"));
  CHECK_FALSE(fs::exists(f.folder / "attachments" / ".0123456789abcdef0123456789abcdef.tmp-0123456789abcdef"));
  CHECK_FALSE(fs::exists(f.folder / "attachments" / "0123456789abcdef0123456789abcdef"));
  CHECK(fs::exists(f.folder / "attachments" / "README"));
}
