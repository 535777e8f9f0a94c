#include "safehold/core/policy/vault_folder.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "safehold/storage/vault.hpp"

namespace safehold::core {
namespace fs = std::filesystem;

EnvLookup process_environment() {
  return [](const char* name) -> const char* { return std::getenv(name); };
}

namespace {

// Unset, empty or relative values are ignored: a relative default would
// depend on the working folder.
const char* absolute(const EnvLookup& env, const char* name) {
  const char* v = env(name);
  return v != nullptr && v[0] == '/' ? v : nullptr;
}

fs::path data_folder(const EnvLookup& env) {
  if (const char* xdg = absolute(env, "XDG_DATA_HOME")) return fs::path(xdg) / "safehold";
  if (const char* home = absolute(env, "HOME")) return fs::path(home) / ".local" / "share" / "safehold";
  return {};
}

}  // namespace

fs::path default_vault_folder(const EnvLookup& env) {
  // As the CLI always took it: any non-empty value, as given.
  if (const char* chosen = env("SAFEHOLD_VAULT"); chosen != nullptr && chosen[0] != 0) return chosen;
  const fs::path data = data_folder(env);
  if (data.empty()) return {};
  const fs::path vault = data / "vault";
  if (!storage::Vault::exists_at(vault) && storage::Vault::exists_at(data)) return data;  // old CLI default
  return vault;
}

FolderErrorKind folder_error_kind(int errno_value) noexcept {
  switch (errno_value) {
    case EACCES:
    case EPERM: return FolderErrorKind::permission_denied;
    case ENOTDIR:
    case EEXIST: return FolderErrorKind::not_a_directory;
    case ENOSPC:
    case EDQUOT: return FolderErrorKind::disk_full;
    case EROFS: return FolderErrorKind::read_only;
    case ENAMETOOLONG: return FolderErrorKind::name_too_long;
    default: return FolderErrorKind::other;
  }
}

std::string FolderError::describe() const {
  const char* what = "cannot be created or used";
  switch (kind) {
    case FolderErrorKind::permission_denied: what = "permission denied"; break;
    case FolderErrorKind::not_a_directory: what = "is not a folder"; break;
    case FolderErrorKind::disk_full: what = "the disk is full"; break;
    case FolderErrorKind::read_only: what = "the disk is read-only"; break;
    case FolderErrorKind::name_too_long: what = "the name is too long"; break;
    case FolderErrorKind::other: break;
  }
  return path.string() + ": " + what;
}

expected<void, FolderError> prepare_vault_parents(const fs::path& vault_folder) {
  const fs::path parent = vault_folder.lexically_normal().parent_path();
  // Walk up to the first existing ancestor, then make the missing ones
  // top-down, each private (0700) whatever the umask.
  std::vector<fs::path> missing;
  for (fs::path p = parent; !p.empty(); p = p.parent_path()) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) return unexpected(FolderError{FolderErrorKind::not_a_directory, p});
      break;
    }
    // ENOTDIR: an ancestor is a file; walking on up names that file.
    if (errno != ENOENT && errno != ENOTDIR) return unexpected(FolderError{folder_error_kind(errno), p});
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0) {
      if (errno != EEXIST) return unexpected(FolderError{folder_error_kind(errno), *it});
      struct stat st {};  // made meanwhile by someone else: leave its mode alone
      if (::stat(it->c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        return unexpected(FolderError{FolderErrorKind::not_a_directory, *it});
      }
      continue;
    }
    // mkdir applies the umask; 0700 is already the most it allows, but a
    // umask such as 0277 would leave the owner unable to enter.
    if (::chmod(it->c_str(), 0700) != 0) return unexpected(FolderError{folder_error_kind(errno), *it});
  }
  return {};
}

std::optional<FolderError> folder_error_of(const storage::StorageError& e, const fs::path& vault_folder) {
  switch (e.code) {
    case storage::VaultError::permission_denied: return FolderError{FolderErrorKind::permission_denied, vault_folder};
    case storage::VaultError::disk_full: return FolderError{FolderErrorKind::disk_full, vault_folder};
    default: return std::nullopt;
  }
}

}  // namespace safehold::core
