#include "context.hpp"

#include <cstdlib>

#include "failure.hpp"
#include "passphrase_input.hpp"

namespace safehold::cli {

void Context::bind(CLI::App* sub, Action action) {
  sub->callback([this, action = std::move(action)] { action_ = action; });
}

std::filesystem::path Context::vault_folder() const {
  if (!options.vault_dir.empty()) return options.vault_dir;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::filesystem::path(xdg) / "safehold";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') {
    return std::filesystem::path(home) / ".local" / "share" / "safehold";
  }
  return {};
}

expected<crypto::SecretBuffer, Failure> Context::passphrase() const {
  if (!options.passphrase_file.empty()) return read_passphrase_file(options.passphrase_file);
  return prompt_passphrase("Passphrase: ");
}

expected<crypto::SecretBuffer, Failure> Context::new_passphrase() const {
  if (!options.new_passphrase_file.empty()) {
    if (options.new_passphrase_file == "-" && options.passphrase_file == "-") {
      return fail(ExitCode::usage, "only one of the passphrase files can be standard input");
    }
    return read_passphrase_file(options.new_passphrase_file);
  }
  return prompt_new_passphrase();
}

namespace {

expected<std::filesystem::path, Failure> existing_vault(const Context& ctx) {
  const auto folder = ctx.vault_folder();
  if (folder.empty()) return fail(ExitCode::usage, "no vault folder: use --vault DIR or SAFEHOLD_VAULT");
  if (!storage::Vault::exists_at(folder)) {
    return fail(ExitCode::not_found, "no vault in " + folder.string() + " (create one with init)");
  }
  return folder;
}

}  // namespace

expected<storage::Vault*, Failure> Context::vault() {
  if (vault_) return &*vault_;
  auto folder = existing_vault(*this);
  if (!folder) return unexpected(folder.error());
  auto pass = passphrase();
  if (!pass) return unexpected(pass.error());
  return unlock(*pass);
}

expected<storage::Vault*, Failure> Context::unlock(const crypto::SecretBuffer& passphrase) {
  if (vault_) return &*vault_;
  auto folder = existing_vault(*this);
  if (!folder) return unexpected(folder.error());
  auto v = storage::Vault::unlock(*folder, passphrase);
  if (!v) return unexpected(to_failure(v.error()));
  vault_.emplace(std::move(*v));
  return &*vault_;
}

}  // namespace safehold::cli
