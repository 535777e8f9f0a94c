#pragma once
// What every command shares: the global options, the vault (unlocked at most
// once per run, with the passphrase from --passphrase-file or a terminal
// prompt), and the binding of a CLI11 subcommand to the action run after
// parsing. Command groups (cmd_*.cpp) only see this.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "exit_codes.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::cli {

struct GlobalOptions {
  std::string vault_dir;            // --vault / SAFEHOLD_VAULT; "" = default location
  std::string passphrase_file;      // --passphrase-file; "" = prompt
  std::string new_passphrase_file;  // --new-passphrase-file (init, passwd)
};

using Action = std::function<Outcome()>;

class Context {
 public:
  GlobalOptions options;

  // Runs `action` after parsing if `sub` was chosen on the command line.
  void bind(CLI::App* sub, Action action);
  bool has_action() const noexcept { return static_cast<bool>(action_); }
  Outcome run() const { return action_(); }

  // --vault, else the shared default (core/policy/vault_folder.hpp:
  // $SAFEHOLD_VAULT, else $XDG_DATA_HOME/safehold/vault, else
  // ~/.local/share/safehold/vault, or the old CLI default if a vault is there).
  std::filesystem::path vault_folder() const;

  [[nodiscard]] expected<crypto::SecretBuffer, Failure> passphrase() const;
  // For init and passwd: --new-passphrase-file, else asked twice.
  [[nodiscard]] expected<crypto::SecretBuffer, Failure> new_passphrase() const;

  // The unlocked vault (unlocked on first use, locked when the Context dies).
  [[nodiscard]] expected<storage::Vault*, Failure> vault();
  // The same with a passphrase the command already holds (passwd).
  [[nodiscard]] expected<storage::Vault*, Failure> unlock(const crypto::SecretBuffer& passphrase);

 private:
  Action action_;
  std::optional<storage::Vault> vault_;
};

// Refuses (exit 2) a new passphrase that is empty, too long or too weak, by
// the rule the desktop app uses too (core/policy/passphrase.hpp).
[[nodiscard]] expected<crypto::SecretBuffer, Failure> acceptable_new_passphrase(
    expected<crypto::SecretBuffer, Failure> pass);

}  // namespace safehold::cli
