#pragma once
// Failure kinds of the sealed-bundle format (schema/bundle-v1.md section 8.2)
// plus the writer's own. One enum for the whole bundle module; a failure
// carries a detail that holds only ids, key ids, entry numbers or codes —
// never content, names of people, or paths taken from an unauthenticated
// archive.
#include <string>

#include "safehold/expected.hpp"

namespace safehold::core::bundle {

enum class BundleError {
  // Reader, in the order of the spec's checks.
  not_addressed_to_us,
  malformed_age,
  malformed_tar,
  malformed_manifest,
  unsupported_version,
  malformed_sums,
  malformed_signature,
  tampered,
  truncated,
  unknown_signer,
  unverified_signer,
  forwarded,
  manifest_sums_mismatch,
  file_missing,
  file_not_listed,
  unsafe_path,
  duplicate_entry,
  wrong_order,
  too_large,
  already_imported,  // reported by the importer's consumer, never by the format layer
  bundle_id_reused,  // importer: the id was imported before from another signer or with other files
  sender_mismatch,   // importer: the manifest's sender age key is not the signer contact's
  // Writer.
  invalid_input,    // the caller's contents break the spec (detail says which rule)
  source_mismatch,  // a file's bytes differ from its declared size or SHA-256
  // Either side.
  cancelled,
  read_failed,
  write_failed,
  disk_full,
};

// One line, no user data.
const char* describe(BundleError e) noexcept;

struct BundleFailure {
  BundleError code;
  std::string detail;  // ids / key ids / entry numbers only; may be empty
};

// "<describe(code)> (<detail>)" or just describe(code).
std::string describe(const BundleFailure& f);

inline unexpected<BundleFailure> fail(BundleError code, std::string detail = {}) {
  return unexpected(BundleFailure{code, std::move(detail)});
}

template <class T>
using Result = expected<T, BundleFailure>;

}  // namespace safehold::core::bundle
