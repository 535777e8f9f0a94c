#pragma once
// Errors of the modules below, turned into a Failure (exit code + one line).
// Every message comes from the modules' own describe(), whose contract is to
// hold no user data.
#include <string_view>

#include "exit_codes.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/core/policy/vault_folder.hpp"
#include "safehold/report/error.hpp"
#include "safehold/schema/error.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::cli {

ExitCode exit_code_for(storage::VaultError e) noexcept;
ExitCode exit_code_for(base::FileError e) noexcept;
ExitCode exit_code_for(base::IoError e) noexcept;
// report, data export, statistics PDF, case import-json (defined in cmd_report.cpp).
ExitCode exit_code_for(report::ReportError e) noexcept;

Failure to_failure(const storage::StorageError& e);
// The vault folder (or a parent) cannot be made or used: init and restore
// say it one way, whether the folder policy or storage noticed it.
Failure to_failure(const core::FolderError& e);
// `what` names the file's role ("input file", "output file"), never its content.
// A path as the user typed it, for error messages ("-" is standard input or output).
std::string typed_path(std::string_view path);

// open(2) of a file the user named failed with `err`: exit 5 if it is
// absent, else 6; the message names the path.
Failure open_failure(std::string_view path, int err);

Failure to_failure(base::FileError e, std::string_view what);
Failure to_failure(base::IoError e, std::string_view what);
Failure to_failure(const schema::ValidationError& e, std::string_view what);

// expected<T, StorageError> -> expected<T, Failure>.
template <class T>
expected<T, Failure> lift(expected<T, storage::StorageError>&& r) {
  if (!r) return unexpected<Failure>(to_failure(r.error()));
  if constexpr (std::is_void_v<T>) {
    return {};
  } else {
    return std::move(*r);
  }
}

// Success or failure only, the value dropped.
template <class T>
Outcome lift_outcome(expected<T, storage::StorageError>&& r) {
  if (!r) return unexpected<Failure>(to_failure(r.error()));
  return {};
}

}  // namespace safehold::cli
