#pragma once
// Where the vault lives, for safehold and safehold-cli alike (one policy, so
// a vault made by one program is found by the other).
//
// Default folder, first that applies:
//   1. $SAFEHOLD_VAULT (when set and not empty);
//   2. $XDG_DATA_HOME/safehold/vault (XDG_DATA_HOME absolute);
//   3. $HOME/.local/share/safehold/vault.
// Older safehold-cli versions used the data folder itself
// ($XDG_DATA_HOME/safehold or ~/.local/share/safehold) as the vault. When no
// vault is at the new default but one is at that old place, the old place is
// the default, so existing CLI vaults keep working without moving files.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::core {

// Reads an environment variable: nullptr when unset. Tests pass their own.
using EnvLookup = std::function<const char*(const char*)>;
[[nodiscard]] EnvLookup process_environment();

// Empty when none of SAFEHOLD_VAULT, XDG_DATA_HOME, HOME is absolute.
[[nodiscard]] std::filesystem::path default_vault_folder(const EnvLookup& env = process_environment());

enum class FolderErrorKind { permission_denied, not_a_directory, disk_full, read_only, name_too_long, other };

// Names the path (the caseworker chose it) and the kind; never any content.
struct FolderError {
  FolderErrorKind kind = FolderErrorKind::other;
  std::filesystem::path path;  // the folder that could not be made or used
  [[nodiscard]] std::string describe() const;
};

[[nodiscard]] FolderErrorKind folder_error_kind(int errno_value) noexcept;

// Makes every missing parent of `vault_folder` with mode 0700 (the vault
// folder itself is made by storage::Vault::create). An existing parent must
// be a folder.
[[nodiscard]] expected<void, FolderError> prepare_vault_parents(const std::filesystem::path& vault_folder);

// Storage could not make or write a vault in `vault_folder` because of the
// folder itself (permission denied, disk full): the same FolderError as
// prepare_vault_parents gives, so each program reports "the vault folder
// cannot be made or used" one way, whichever step noticed it. nullopt when
// the failure is not the folder's.
[[nodiscard]] std::optional<FolderError> folder_error_of(const storage::StorageError& e,
                                                         const std::filesystem::path& vault_folder);

}  // namespace safehold::core
