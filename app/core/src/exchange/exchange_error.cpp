#include "safehold/core/exchange/exchange_error.hpp"

namespace safehold::core::exchange {

const char* describe(ExchangeError e) noexcept {
  switch (e) {
    case ExchangeError::bundle_refused: return "bundle refused";
    case ExchangeError::consent_refused: return "consent does not allow this export";
    case ExchangeError::not_found: return "not found";
    case ExchangeError::not_allowed: return "not allowed";
    case ExchangeError::conflict: return "conflict";
    case ExchangeError::record_conflict: return "the bundle conflicts with records in this vault";
    case ExchangeError::content_refused: return "the bundle's content cannot be imported";
    case ExchangeError::invalid_input: return "invalid input";
    case ExchangeError::vault_failed: return "vault error";
    case ExchangeError::file_failed: return "file error";
    case ExchangeError::cancelled: return "cancelled; nothing was kept";
  }
  return "exchange error";
}

std::string ExchangeFailure::describe() const {
  // Errors of the lower modules carry their own one-line wording.
  if (code == ExchangeError::bundle_refused || code == ExchangeError::vault_failed ||
      code == ExchangeError::file_failed || detail.empty()) {
    if (!detail.empty()) return detail;
    return exchange::describe(code);
  }
  return std::string(exchange::describe(code)) + ": " + detail;
}

unexpected<ExchangeFailure> from_storage(const storage::StorageError& e) {
  if (e.code == storage::VaultError::cancelled) return exchange_fail(ExchangeError::cancelled);
  ExchangeFailure f{ExchangeError::vault_failed, e.describe(), {}, e.code, {}, {}};
  return unexpected(std::move(f));
}

unexpected<ExchangeFailure> from_bundle(const bundle::BundleFailure& b) {
  if (b.code == bundle::BundleError::cancelled) return exchange_fail(ExchangeError::cancelled);
  ExchangeFailure f{ExchangeError::bundle_refused, bundle::describe(b), b.code, {}, {}, {}};
  return unexpected(std::move(f));
}

unexpected<ExchangeFailure> from_file(base::FileError e, std::string_view what) {
  ExchangeFailure f{ExchangeError::file_failed, std::string(what) + ": " + base::describe(e), {}, {}, e, {}};
  return unexpected(std::move(f));
}

}  // namespace safehold::core::exchange
