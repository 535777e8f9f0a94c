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

  // --vault, else $SAFEHOLD_VAULT (through CLI11), else
  // $XDG_DATA_HOME/safehold, else ~/.local/share/safehold.
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

}  // namespace safehold::cli
