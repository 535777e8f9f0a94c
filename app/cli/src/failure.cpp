#include "failure.hpp"

#include <cerrno>
#include <string>

namespace safehold::cli {

using storage::VaultError;

ExitCode exit_code_for(VaultError e) noexcept {
  switch (e) {
    case VaultError::wrong_passphrase: return ExitCode::wrong_passphrase;
    case VaultError::key_file_malformed:
    case VaultError::database_missing:
    case VaultError::database_corrupt:
    case VaultError::schema_too_new:
    case VaultError::kdf_params_invalid:
    case VaultError::attachment_corrupt:
    case VaultError::internal:
    case VaultError::locked: return ExitCode::integrity;
    case VaultError::invalid_record:
    case VaultError::invalid_reference:
    case VaultError::invalid_query:
    case VaultError::invalid_argument: return ExitCode::usage;
    case VaultError::consent_required:
    case VaultError::consent_scope_refused:
    case VaultError::has_dependents:
    case VaultError::not_allowed: return ExitCode::refused;
    case VaultError::not_found:
    case VaultError::not_a_vault: return ExitCode::not_found;
    case VaultError::ambiguous_reference: return ExitCode::ambiguous_reference;
    case VaultError::in_use:
    case VaultError::already_exists:
    case VaultError::attachment_exists: return ExitCode::conflict;
    case VaultError::cancelled: return ExitCode::interrupted;
    case VaultError::disk_full:
    case VaultError::io_failed:
    case VaultError::permission_denied:
    case VaultError::out_of_memory: return ExitCode::io;
  }
  return ExitCode::integrity;
}

Failure to_failure(const core::FolderError& e) {
  return Failure{ExitCode::io, "cannot create the vault folder: " + e.describe()};
}

ExitCode exit_code_for(base::FileError e) noexcept {
  switch (e) {
    case base::FileError::not_found: return ExitCode::not_found;
    case base::FileError::exists: return ExitCode::conflict;
    case base::FileError::permission_denied:
    case base::FileError::disk_full:
    case base::FileError::io_failed: return ExitCode::io;
  }
  return ExitCode::io;
}

ExitCode exit_code_for(base::IoError e) noexcept {
  switch (e) {
    case base::IoError::cancelled: return ExitCode::interrupted;
    case base::IoError::corrupt:
    case base::IoError::truncated: return ExitCode::integrity;
    case base::IoError::too_large: return ExitCode::usage;
    case base::IoError::read_failed:
    case base::IoError::write_failed:
    case base::IoError::disk_full: return ExitCode::io;
  }
  return ExitCode::io;
}

Failure to_failure(const storage::StorageError& e) { return {exit_code_for(e.code), e.describe()}; }

std::string typed_path(std::string_view path) {
  return path == "-" ? std::string("standard input/output") : std::string(path);
}

Failure open_failure(std::string_view path, int err) {
  const char* why = err == ENOENT ? "no such file" : err == EACCES ? "permission denied" : err == EISDIR ? "is a folder" : "cannot open";
  return {err == ENOENT ? ExitCode::not_found : ExitCode::io, std::string(path) + ": " + why};
}

Failure to_failure(base::FileError e, std::string_view what) {
  return {exit_code_for(e), std::string(what) + ": " + base::describe(e)};
}

Failure to_failure(base::IoError e, std::string_view what) {
  return {exit_code_for(e), std::string(what) + ": " + base::describe(e)};
}

Failure to_failure(const schema::ValidationError& e, std::string_view what) {
  return {ExitCode::usage, std::string(what) + ": " + e.describe()};
}

}  // namespace safehold::cli
