#pragma once
// The one error type of the exchange services (contacts, export, verify,
// import). A failure says what kind of thing went wrong and, where a lower
// module decided, which of its errors it was (so the CLI can give each bundle
// refusal its own exit code and the GUI its own message).
//
// Contract: `detail` holds only ids, case references, scope and vocabulary
// codes, contact display names, key ids, fingerprints, counts and entry
// numbers: never testimony, names of interviewees, file content or key
// material.
#include <optional>
#include <string>

#include "safehold/core/bundle/bundle_reader.hpp"
#include "safehold/core/bundle/error.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::core::exchange {

enum class ExchangeError {
  bundle_refused,   // the bundle failed a check of schema/bundle-v1.md: see `bundle`
  consent_refused,  // export: a case's consent does not allow it (detail names case and scope)
  not_found,        // no such case or contact (detail: what was asked for)
  not_allowed,      // e.g. a recipient that is not verified or has no kind
  conflict,         // a contact with these keys exists already
  record_conflict,  // import: the vault holds different copies of the bundle's records (its own or another sender's)
  content_refused,  // import: the bundle's records do not fit this vault (schema, references, evidence)
  invalid_input,    // a card, key or argument that is not valid
  vault_failed,     // the vault refused or failed: see `vault`
  file_failed,      // the bundle or output file: see `file`
  cancelled,        // the caller cancelled; nothing was kept
};

// Who signed a bundle, as far as is known (shown for unknown and unverified
// signers so the user can check and add them).
struct SignerInfo {
  std::string key_id;               // 16 upper-case hex digits
  std::string minisign_public_key;  // key line
  std::string age_recipient;        // as the signed manifest says
  std::string claimed_name;         // as the signed manifest says: a claim of that key
  std::string fingerprint;          // 30 digits (contact-card-v1.md section 3)
  std::string contact_id;           // "" when no contact holds the key
  std::string contact_name;
  bundle::SignerTrust trust = bundle::SignerTrust::unknown;
};

struct ExchangeFailure {
  ExchangeError code = ExchangeError::vault_failed;
  std::string detail;
  std::optional<bundle::BundleError> bundle;
  std::optional<storage::VaultError> vault;
  std::optional<base::FileError> file;
  std::optional<SignerInfo> signer;  // set for unknown_signer / unverified_signer

  // One line: what went wrong, with the detail.
  std::string describe() const;
};

const char* describe(ExchangeError e) noexcept;

template <class T>
using ExchangeResult = expected<T, ExchangeFailure>;

inline unexpected<ExchangeFailure> exchange_fail(ExchangeError code, std::string detail = {}) {
  return unexpected(ExchangeFailure{code, std::move(detail), {}, {}, {}, {}});
}
unexpected<ExchangeFailure> from_storage(const storage::StorageError& e);
unexpected<ExchangeFailure> from_bundle(const bundle::BundleFailure& f);
unexpected<ExchangeFailure> from_file(base::FileError e, std::string_view what);

}  // namespace safehold::core::exchange
