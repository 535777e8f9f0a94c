#pragma once
// Verifying and importing sealed bundles (schema/bundle-v1.md sections 8
// and 11) into the vault.
//
//   auto report = verify_bundle(vault, path, {}, hooks);  // changes nothing
//   show report->sender (name, fingerprint, trust), report->cases …
//   auto done = import_bundle(vault, path, {}, hooks);    // all or nothing
//
// Both run every check of the format (age, tar, manifest, SHA256SUMS,
// signature, signer trust, own recipient listed, every hash) and of the
// content (section 11: canonical, valid records whose ids and cases match
// their paths; attachments of evidence items in the bundle with matching
// hashes). The signer must be a verified contact; with allow_unverified a
// contact that is not yet verified is accepted too and the import is marked
// as unverified (an unknown key is always refused).
//
// Import stages into one vault Batch as the bundle streams (records written,
// attachments re-encrypted into the vault in constant memory) and commits
// only after the final age chunk and every check passed; any failure, a
// cancel or a crash leaves the vault as it was. Imported records keep their
// ids and timestamps and get provenance; each received evidence item gets a
// custody event "received"; each case a bundle_imported audit entry. A bundle
// imported before changes nothing (already_imported). Records that already
// exist follow the ownership rule of storage/bundle_ledger.hpp: identical
// copies are skipped, newer copies from the record's owner replace the
// vault's, a copy of a record the signer does not own is kept out (reported
// per case), a consent record not from the case owner refuses the bundle
// (content refused), an id that is another record here is a conflict.
//
// Callable from a worker thread; progress (bytes of the bundle's files) and
// cancel through the hooks. While an import runs it holds the vault's Batch,
// so other threads' vault calls wait for it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "safehold/core/exchange/exchange_error.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::core::exchange {

struct ImportOptions {
  bool allow_unverified = false;
};

struct IncomingEvidence {
  std::string evidence_id;
  std::uint64_t size = 0;
  std::string sha256;  // hex
};

struct IncomingCase {
  std::string case_id;
  std::string reference;  // as the sender's case record says
  std::string title;
  std::size_t records = 0;  // the case record included
  std::vector<IncomingEvidence> attachments;
  // What the import does (did) with each record, by record id
  // (schema/bundle-v1.md 12.2-12.3).
  std::vector<std::string> created;         // new in this vault
  std::vector<std::string> updated;         // a newer revision from the record's owner
  std::vector<std::string> upgraded;        // the same revision with fields ours lacked
  std::vector<std::string> stale;           // older than the vault's copy: kept
  std::vector<std::string> conflicts;       // set aside for `conflict settle` (the rest imported)
  std::vector<std::string> not_from_owner;  // the signer does not own the vault's copy: kept
  std::size_t unchanged = 0;                // identical copies
};

// What the import does (did) with a notice (schema/bundle-v1.md 12.4).
struct IncomingNotice {
  std::string notice_id;
  std::string kind;     // "withdrawal" or "deletion"
  std::string case_id;
  std::string outcome;  // "applied", "not_applied" or "already_applied"
  std::string reason;   // not applied: why (no content)
  std::vector<std::string> deleted;  // deletion: record ids removed (the case id: the whole case)
  std::vector<std::string> kept;     // deletion: listed records kept (another owner's, or still referred to)
  std::vector<std::string> absent;   // deletion: listed records this vault does not hold
};

struct BundleReport {
  std::string bundle_id;
  std::string created;  // UTC, RFC 3339
  std::string app_version;
  SignerInfo sender;
  bool unverified_sender = false;  // accepted only because of allow_unverified
  std::vector<std::string> recipients;
  std::vector<IncomingCase> cases;
  std::vector<IncomingNotice> notices;  // in the bundle's order
  std::size_t audit_excerpts = 0;
  std::uint64_t total_bytes = 0;  // sum of the files' sizes
  bool already_imported = false;
  std::string imported_at;  // when it was, if it was
};

// Every check, nothing kept, the vault untouched.
[[nodiscard]] ExchangeResult<BundleReport> verify_bundle(storage::Vault& vault, const std::filesystem::path& bundle,
                                                         const ImportOptions& options = {},
                                                         const storage::OperationHooks& hooks = {});

struct ImportResult {
  BundleReport report;
  bool already_imported = false;   // nothing changed
  std::size_t records_written = 0;   // new or replaced
  std::size_t records_unchanged = 0; // identical, or older than the vault's copy
  std::size_t attachments = 0;       // received content
};

[[nodiscard]] ExchangeResult<ImportResult> import_bundle(storage::Vault& vault, const std::filesystem::path& bundle,
                                                         const ImportOptions& options = {},
                                                         const storage::OperationHooks& hooks = {});

// The same on any byte source (tests, the mutation suite).
[[nodiscard]] ExchangeResult<ImportResult> import_bundle_from(storage::Vault& vault, base::ByteSource& bundle,
                                                              const ImportOptions& options = {},
                                                              const storage::OperationHooks& hooks = {});
[[nodiscard]] ExchangeResult<BundleReport> verify_bundle_from(storage::Vault& vault, base::ByteSource& bundle,
                                                              const ImportOptions& options = {},
                                                              const storage::OperationHooks& hooks = {});

}  // namespace safehold::core::exchange
