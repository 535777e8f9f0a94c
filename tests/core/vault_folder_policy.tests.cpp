// The default vault folder and the making of its parents, shared by the CLI
// and the desktop app (core/policy/vault_folder.hpp), on real folders.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <fstream>
#include <map>
#include <string>

#include "safehold/core/policy/vault_folder.hpp"
#include "safehold/storage/vault.hpp"
#include "test_util.hpp"

using namespace safehold;
using safehold::test::TempDir;
namespace fs = std::filesystem;

namespace {

core::EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    const auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

void make_vault(const fs::path& folder) {
  REQUIRE(core::prepare_vault_parents(folder));
  crypto::SecretBuffer pass(8);
  std::copy_n("pass-one", 8, pass.data());
  auto v = storage::Vault::create(folder, pass, {"Worker", storage::KdfParams::insecure_for_tests()});
  REQUIRE(v);
}

}  // namespace

TEST_CASE("vault policy: the default folder, in order of precedence", "[core][policy]") {
  CHECK(core::default_vault_folder(env_of({{"SAFEHOLD_VAULT", "/srv/v"}, {"XDG_DATA_HOME", "/x"}, {"HOME", "/h"}})) ==
        "/srv/v");
  CHECK(core::default_vault_folder(env_of({{"XDG_DATA_HOME", "/x"}, {"HOME", "/h"}})) == "/x/safehold/vault");
  CHECK(core::default_vault_folder(env_of({{"HOME", "/h"}})) == "/h/.local/share/safehold/vault");
  // Empty or relative XDG_DATA_HOME is ignored (XDG base directory spec).
  CHECK(core::default_vault_folder(env_of({{"SAFEHOLD_VAULT", ""}, {"XDG_DATA_HOME", "rel"}, {"HOME", "/h"}})) ==
        "/h/.local/share/safehold/vault");
  CHECK(core::default_vault_folder(env_of({})).empty());
}

TEST_CASE("vault policy: a vault at the old CLI default keeps being used", "[core][policy]") {
  TempDir home;
  const auto env = env_of({{"HOME", home.path().string()}});
  const fs::path old_place = home / ".local/share/safehold";
  const fs::path new_place = old_place / "vault";
  CHECK(core::default_vault_folder(env) == new_place);  // nothing anywhere yet
  make_vault(old_place);
  CHECK(core::default_vault_folder(env) == old_place);
  // Should both hold one, the new place wins.
  make_vault(new_place);
  CHECK(core::default_vault_folder(env) == new_place);
}

TEST_CASE("vault policy: missing parents are made private (0700)", "[core][policy]") {
  TempDir root;
  const mode_t old_mask = ::umask(022);
  const fs::path vault = root / "a/b/c/vault";
  const auto made = core::prepare_vault_parents(vault);
  ::umask(old_mask);
  REQUIRE(made);
  CHECK(test::file_mode(root / "a") == 0700u);
  CHECK(test::file_mode(root / "a/b") == 0700u);
  CHECK(test::file_mode(root / "a/b/c") == 0700u);
  CHECK_FALSE(fs::exists(vault));  // the vault folder itself is storage's
  // Existing parents are left as they are.
  fs::permissions(root / "a", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  REQUIRE(core::prepare_vault_parents(root / "a/d/vault"));
  CHECK(test::file_mode(root / "a") == 0750u);
  CHECK(test::file_mode(root / "a/d") == 0700u);
  make_vault(vault);
  CHECK(storage::Vault::exists_at(vault));
}

TEST_CASE("vault policy: a folder that cannot be made names the path and the kind", "[core][policy]") {
  TempDir root;
  {
    std::ofstream(root / "file") << "x";
  }
  const auto r = core::prepare_vault_parents(root / "file/sub/vault");
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == core::FolderErrorKind::not_a_directory);
  CHECK(r.error().path == root / "file");
  CHECK(r.error().describe() == (root / "file").string() + ": is not a folder");

  CHECK(core::folder_error_kind(EACCES) == core::FolderErrorKind::permission_denied);
  CHECK(core::folder_error_kind(ENOSPC) == core::FolderErrorKind::disk_full);
  CHECK(core::folder_error_kind(EROFS) == core::FolderErrorKind::read_only);
  CHECK(core::FolderError{core::FolderErrorKind::permission_denied, "/p/q"}.describe() == "/p/q: permission denied");
  CHECK(core::FolderError{core::FolderErrorKind::disk_full, "/p"}.describe() == "/p: the disk is full");

  // A read-only parent, as an unprivileged user sees it (root ignores modes).
  if (::geteuid() != 0) {
    fs::create_directory(root / "ro");
    fs::permissions(root / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    const auto denied = core::prepare_vault_parents(root / "ro/sub/vault");
    fs::permissions(root / "ro", fs::perms::owner_all);
    REQUIRE_FALSE(denied);
    CHECK(denied.error().kind == core::FolderErrorKind::permission_denied);
    CHECK(denied.error().path == root / "ro/sub");
  }
}
