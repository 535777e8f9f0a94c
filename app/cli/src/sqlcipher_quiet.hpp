#pragma once

namespace safehold::cli {

// Turns SQLCipher's process-wide log (stderr by default) off before the vault
// opens its database, so a damaged vault gives our one-line error and nothing
// else. Needed because SQLCipher 4.6 resets the log level when the codec first
// initialises, on the first sqlite3_key() of the process: a
// `PRAGMA cipher_log_level` sent before that key (as safehold_storage does)
// does not stick. Reported to storage; harmless once storage sets it after keying.
void silence_sqlcipher_log() noexcept;

}  // namespace safehold::cli
