#pragma once
// The exit codes of safehold-cli (docs/cli.md "Exit codes"). Scripts and the
// acceptance checks rely on them: never renumber, only add.
#include <string>

#include "safehold/expected.hpp"

namespace safehold::cli {

enum class ExitCode : int {
  ok = 0,
  integrity = 1,    // corrupt vault or key file, broken audit chain, failed check
  usage = 2,        // bad flags or arguments, malformed ids, invalid input data
  wrong_passphrase = 3,
  refused = 4,      // refused by policy: consent missing or not allowing it, not allowed, has dependents
  not_found = 5,    // no such vault, record, attachment or input file
  io = 6,           // input/output error, disk full, permission denied, out of memory
  conflict = 7,     // vault in use by another process, destination already exists
  // Sealed bundles refused by verify or import (docs/cli.md "Exit codes"):
  // one code per kind of refusal, so a headless import hub can sort them.
  not_addressed = 10,        // no age stanza opens with this vault's identity
  malformed_bundle = 11,     // not a bundle: malformed age, tar, manifest, SHA256SUMS or signature; wrong order; duplicate entry; too large
  unsupported_version = 12,  // made by a newer Safehold
  tampered = 13,             // altered or damaged anywhere (age, signature, hash, size)
  truncated = 14,            // cut off
  unknown_signer = 15,       // signed by a key no contact holds
  unverified_signer = 16,    // signed by a contact not yet verified (see --allow-unverified)
  forwarded = 17,            // this vault's recipient is not in the signed list
  sums_mismatch = 18,        // manifest and SHA256SUMS disagree
  file_missing = 19,         // a listed file is absent, or a file present is not listed
  unsafe_path = 20,          // an entry that escapes (.., absolute, links) or is not a regular file
  record_conflict = 21,      // the vault holds different copies of the bundle's records (its own or another sender's)
  content_refused = 22,      // the bundle's records do not fit the model or each other
  // Backups refused by backup verify or restore (schema/backup-v1.md).
  backup_damaged = 40,    // a byte was changed or damaged anywhere in the file
  backup_truncated = 41,  // the file is cut off
  not_a_backup = 42,      // the file is not a Safehold backup
  // 30 onwards: refusals added by the import hardening of issue 10.
  bundle_id_reused = 30,     // the bundle id was imported before from another signer or with other files
  sender_mismatch = 31,      // the manifest's sender age key is not the signing contact's
  ambiguous_reference = 32,  // a case reference that several cases hold (own and imported): use the id
  interrupted = 130,  // Ctrl-C: the operation was cancelled and nothing was kept
};

// What a command failed with: an exit code and one line for stderr. The
// message never holds record content, names of people or passphrases: only
// ids, entity/field/scope names, codes, counts and paths the user typed.
struct Failure {
  ExitCode code = ExitCode::integrity;
  std::string message;
};

using Outcome = expected<void, Failure>;

inline unexpected<Failure> fail(ExitCode code, std::string message) {
  return unexpected<Failure>(Failure{code, std::move(message)});
}

}  // namespace safehold::cli
