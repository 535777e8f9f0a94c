#pragma once
// Exchange failures (contacts, export, verify, import) as exit codes: each
// kind of bundle refusal has its own code (exit_codes.hpp).
#include "exit_codes.hpp"
#include "safehold/core/exchange/exchange_error.hpp"

namespace safehold::cli {

ExitCode exit_code_for(core::bundle::BundleError e) noexcept;
Failure to_failure(const core::exchange::ExchangeFailure& f);

template <class T>
expected<T, Failure> lift(core::exchange::ExchangeResult<T>&& r) {
  if (!r) return unexpected<Failure>(to_failure(r.error()));
  if constexpr (std::is_void_v<T>) {
    return {};
  } else {
    return std::move(*r);
  }
}

}  // namespace safehold::cli
