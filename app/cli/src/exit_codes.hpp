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
