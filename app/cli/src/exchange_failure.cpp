#include "exchange_failure.hpp"

#include "failure.hpp"

namespace safehold::cli {

using core::bundle::BundleError;
using core::exchange::ExchangeError;

ExitCode exit_code_for(BundleError e) noexcept {
  switch (e) {
    case BundleError::not_addressed_to_us: return ExitCode::not_addressed;
    case BundleError::malformed_age:
    case BundleError::malformed_tar:
    case BundleError::malformed_manifest:
    case BundleError::malformed_sums:
    case BundleError::malformed_signature:
    case BundleError::wrong_order:
    case BundleError::duplicate_entry:
    case BundleError::too_large: return ExitCode::malformed_bundle;
    case BundleError::unsupported_version: return ExitCode::unsupported_version;
    case BundleError::tampered: return ExitCode::tampered;
    case BundleError::truncated: return ExitCode::truncated;
    case BundleError::unknown_signer: return ExitCode::unknown_signer;
    case BundleError::unverified_signer: return ExitCode::unverified_signer;
    case BundleError::forwarded: return ExitCode::forwarded;
    case BundleError::manifest_sums_mismatch: return ExitCode::sums_mismatch;
    case BundleError::file_missing:
    case BundleError::file_not_listed: return ExitCode::file_missing;
    case BundleError::unsafe_path: return ExitCode::unsafe_path;
    case BundleError::already_imported: return ExitCode::ok;
    case BundleError::bundle_id_reused: return ExitCode::bundle_id_reused;
    case BundleError::sender_mismatch: return ExitCode::sender_mismatch;
    case BundleError::invalid_input:
    case BundleError::source_mismatch: return ExitCode::integrity;
    case BundleError::cancelled: return ExitCode::interrupted;
    case BundleError::read_failed:
    case BundleError::write_failed:
    case BundleError::disk_full: return ExitCode::io;
  }
  return ExitCode::integrity;
}

Failure to_failure(const core::exchange::ExchangeFailure& f) {
  const std::string message = f.describe();
  switch (f.code) {
    case ExchangeError::bundle_refused:
      return {f.bundle ? exit_code_for(*f.bundle) : ExitCode::malformed_bundle, message};
    case ExchangeError::consent_refused:
    case ExchangeError::not_allowed: return {ExitCode::refused, message};
    case ExchangeError::not_found: return {ExitCode::not_found, message};
    case ExchangeError::conflict: return {ExitCode::conflict, message};
    case ExchangeError::record_conflict: return {ExitCode::record_conflict, message};
    case ExchangeError::content_refused: return {ExitCode::content_refused, message};
    case ExchangeError::invalid_input: return {ExitCode::usage, message};
    case ExchangeError::vault_failed:
      return {f.vault ? exit_code_for(*f.vault) : ExitCode::integrity, message};
    case ExchangeError::file_failed: return {f.file ? exit_code_for(*f.file) : ExitCode::io, message};
    case ExchangeError::cancelled: return {ExitCode::interrupted, "interrupted; nothing was kept"};
  }
  return {ExitCode::integrity, message};
}

}  // namespace safehold::cli
