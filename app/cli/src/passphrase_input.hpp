#pragma once
// Reading passphrases straight into a crypto::SecretBuffer, never through a
// std::string: from a no-echo prompt on the controlling terminal, or from a
// file (`-` = standard input) holding the passphrase and at most one
// trailing LF or CRLF, which is stripped. Empty passphrases are refused.
#include <string>
#include <string_view>

#include "exit_codes.hpp"
#include "safehold/core/policy/passphrase.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::cli {

// The one limit of both programs (core/policy/passphrase.hpp).
using core::kMaxPassphraseBytes;

[[nodiscard]] expected<crypto::SecretBuffer, Failure> read_passphrase_file(const std::string& file);

// Prompts on /dev/tty with echo off. Fails with ExitCode::usage when there is
// no terminal (scripts must pass --passphrase-file).
[[nodiscard]] expected<crypto::SecretBuffer, Failure> prompt_passphrase(std::string_view prompt);

// A new passphrase: asked twice on the terminal, both must match.
[[nodiscard]] expected<crypto::SecretBuffer, Failure> prompt_new_passphrase();

}  // namespace safehold::cli
