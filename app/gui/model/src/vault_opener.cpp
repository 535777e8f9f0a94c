#include "safehold/appmodel/vault_opener.hpp"

#include "safehold/core/policy/vault_folder.hpp"

namespace safehold::appmodel {
namespace {

OpenErrorKind open_error_kind(storage::VaultError e) noexcept {
  using storage::VaultError;
  switch (e) {
    case VaultError::wrong_passphrase: return OpenErrorKind::wrong_passphrase;
    case VaultError::not_a_vault: return OpenErrorKind::not_found;
    case VaultError::already_exists: return OpenErrorKind::already_exists;
    case VaultError::in_use: return OpenErrorKind::in_use;
    case VaultError::schema_too_new: return OpenErrorKind::too_new;
    case VaultError::out_of_memory: return OpenErrorKind::out_of_memory;
    case VaultError::key_file_malformed:
    case VaultError::database_missing:
    case VaultError::database_corrupt:
    case VaultError::kdf_params_invalid: return OpenErrorKind::corrupt;
    default: return OpenErrorKind::io;
  }
}

OpenError to_open_error(const storage::StorageError& e) {
  return OpenError{open_error_kind(e.code), e.describe()};
}

// Every "the vault folder cannot be made or used" the start screen shows.
OpenError folder_open_error(const core::FolderError& e) { return OpenError{OpenErrorKind::folder, e.describe()}; }

}  // namespace

bool VaultOpener::exists(const std::filesystem::path& folder) const {
  return storage::Vault::exists_at(folder);
}

expected<storage::Vault, OpenError> VaultOpener::create(const std::filesystem::path& folder,
                                                        crypto::SecretBuffer passphrase, KdfStrength kdf,
                                                        const std::string& owner_name) const {
  storage::CreateOptions options;
  options.owner_name = owner_name;
  options.kdf = test_params_ ? *test_params_ : kdf_params(kdf);
  if (auto parents = prepare_parents(folder); !parents) return unexpected(std::move(parents.error()));
  auto v = storage::Vault::create(folder, passphrase, options);
  if (!v) {
    if (auto bad_folder = core::folder_error_of(v.error(), folder)) return unexpected(folder_open_error(*bad_folder));
    return unexpected(to_open_error(v.error()));
  }
  return std::move(*v);
}

expected<void, OpenError> VaultOpener::prepare_parents(const std::filesystem::path& folder) const {
  if (auto parents = core::prepare_vault_parents(folder); !parents) return unexpected(folder_open_error(parents.error()));
  return {};
}

expected<storage::Vault, OpenError> VaultOpener::unlock(const std::filesystem::path& folder,
                                                        crypto::SecretBuffer passphrase) const {
  auto v = storage::Vault::unlock(folder, passphrase);
  if (!v) return unexpected(to_open_error(v.error()));
  return std::move(*v);
}

}  // namespace safehold::appmodel
