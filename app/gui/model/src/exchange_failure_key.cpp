// Plain-words messages for the exchange core's failures: each refusal has its
// own i18n key, so the user reads a translated sentence, not an error code.
#include "safehold/appmodel/contacts_model.hpp"

namespace safehold::appmodel {

namespace {

using core::bundle::BundleError;
using core::exchange::ExchangeError;

const char* bundle_key(BundleError e) noexcept {
  switch (e) {
    case BundleError::not_addressed_to_us: return "bundle.error.not_addressed_to_us";
    case BundleError::malformed_age: return "bundle.error.malformed_age";
    case BundleError::malformed_tar:
    case BundleError::malformed_manifest:
    case BundleError::malformed_sums:
    case BundleError::malformed_signature:
    case BundleError::manifest_sums_mismatch:
    case BundleError::file_missing:
    case BundleError::file_not_listed:
    case BundleError::unsafe_path:
    case BundleError::duplicate_entry:
    case BundleError::wrong_order: return "bundle.error.malformed";
    case BundleError::unsupported_version: return "bundle.error.unsupported_version";
    case BundleError::tampered: return "bundle.error.tampered";
    case BundleError::truncated: return "bundle.error.truncated";
    case BundleError::unknown_signer: return "bundle.error.unknown_signer";
    case BundleError::unverified_signer: return "bundle.error.unverified_signer";
    case BundleError::forwarded: return "bundle.error.forwarded";
    case BundleError::too_large: return "bundle.error.too_large";
    case BundleError::already_imported: return "bundle.error.already_imported";
    case BundleError::bundle_id_reused: return "bundle.error.bundle_id_reused";
    case BundleError::sender_mismatch: return "bundle.error.sender_mismatch";
    case BundleError::invalid_input:
    case BundleError::source_mismatch: return "bundle.error.source_mismatch";
    case BundleError::cancelled: return "exchange.error.cancelled";
    case BundleError::read_failed: return "bundle.error.read_failed";
    case BundleError::write_failed: return "bundle.error.write_failed";
    case BundleError::disk_full: return "bundle.error.disk_full";
  }
  return "exchange.error.bundle_refused";
}

}  // namespace

const char* failure_key(const core::exchange::ExchangeFailure& f) noexcept {
  switch (f.code) {
    case ExchangeError::bundle_refused:
      return f.bundle ? bundle_key(*f.bundle) : "exchange.error.bundle_refused";
    case ExchangeError::consent_refused: return "exchange.error.consent_refused";
    case ExchangeError::not_found: return "exchange.error.not_found";
    case ExchangeError::not_allowed: return "exchange.error.not_allowed";
    case ExchangeError::conflict: return "exchange.error.conflict";
    case ExchangeError::record_conflict: return "exchange.error.record_conflict";
    case ExchangeError::content_refused: return "exchange.error.content_refused";
    case ExchangeError::invalid_input: return "exchange.error.invalid_input";
    case ExchangeError::vault_failed:
      return f.vault && *f.vault == storage::VaultError::disk_full ? "bundle.error.disk_full"
                                                                   : "exchange.error.vault_failed";
    case ExchangeError::file_failed:
      if (f.file && *f.file == base::FileError::exists) return "exchange.error.file_exists";
      if (f.file && *f.file == base::FileError::not_found) return "exchange.error.file_not_found";
      if (f.file && *f.file == base::FileError::permission_denied) return "exchange.error.file_permission";
      if (f.file && *f.file == base::FileError::disk_full) return "bundle.error.disk_full";
      return "exchange.error.file_failed";
    case ExchangeError::cancelled: return "exchange.error.cancelled";
  }
  return "exchange.error.vault_failed";
}

}  // namespace safehold::appmodel
