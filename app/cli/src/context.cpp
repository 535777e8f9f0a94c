#include "context.hpp"


#include "failure.hpp"
#include "passphrase_input.hpp"
#include "safehold/core/policy/vault_folder.hpp"

namespace safehold::cli {

void Context::bind(CLI::App* sub, Action action) {
  sub->callback([this, action = std::move(action)] { action_ = action; });
}

std::filesystem::path Context::vault_folder() const {
  if (!options.vault_dir.empty()) return options.vault_dir;
  return core::default_vault_folder();
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
    return acceptable_new_passphrase(read_passphrase_file(options.new_passphrase_file));
  }
  return acceptable_new_passphrase(prompt_new_passphrase());
}

expected<crypto::SecretBuffer, Failure> acceptable_new_passphrase(expected<crypto::SecretBuffer, Failure> pass) {
  if (!pass) return pass;
  const auto problem = core::check_new_passphrase(*pass);
  if (problem != core::NewPassphraseProblem::none) return fail(ExitCode::usage, core::describe(problem));
  return pass;
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
