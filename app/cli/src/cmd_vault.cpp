// init, passwd, check: the vault as a whole.
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "output.hpp"
#include "safehold/core/policy/passphrase.hpp"
#include "safehold/core/policy/vault_folder.hpp"

namespace safehold::cli {
namespace {

storage::KdfParams preset(const std::string& name) {
  return core::kdf_params(name == "strong" ? core::KdfPreset::strong : core::KdfPreset::interactive);
}

struct InitOptions {
  std::string name;
  std::string kdf = "interactive";
  IdOutput printed;
};

Outcome run_init(Context& ctx, const InitOptions& o) {
  const auto folder = ctx.vault_folder();
  if (folder.empty()) return fail(ExitCode::usage, "no vault folder: use --vault DIR or SAFEHOLD_VAULT");
  if (storage::Vault::exists_at(folder)) return fail(ExitCode::conflict, "a vault already exists in " + folder.string());
  if (o.name.empty()) return fail(ExitCode::usage, "--name must not be empty");
  // init has no current passphrase, so --passphrase-file may carry the new one.
  auto pass = !ctx.options.new_passphrase_file.empty() || ctx.options.passphrase_file.empty()
                  ? ctx.new_passphrase()
                  : acceptable_new_passphrase(ctx.passphrase());
  if (!pass) return unexpected(pass.error());
  if (auto parents = core::prepare_vault_parents(folder); !parents) return unexpected(to_failure(parents.error()));
  auto vault = storage::Vault::create(folder, *pass, {o.name, preset(o.kdf)});
  if (!vault) {
    if (auto bad_folder = core::folder_error_of(vault.error(), folder)) return unexpected(to_failure(*bad_folder));
    return unexpected(to_failure(vault.error()));
  }
  o.printed.print(vault->vault_id());
  print_note("vault created in " + folder.string());
  return {};
}

Outcome run_passwd(Context& ctx, const std::string& kdf) {
  auto current = ctx.passphrase();
  if (!current) return unexpected(current.error());
  auto vault = ctx.unlock(*current);
  if (!vault) return unexpected(vault.error());
  auto next = ctx.new_passphrase();
  if (!next) return unexpected(next.error());
  // Storage never lowers the cost the vault already records.
  auto changed = lift((*vault)->change_passphrase(*current, *next, preset(kdf)));
  if (!changed) return changed;
  print_note("passphrase changed");
  return {};
}

Outcome run_vault_check(Context& ctx, bool json) {
  auto vault = ctx.vault();
  if (!vault) return unexpected(vault.error());
  auto report = lift((*vault)->check_integrity());
  if (!report) return unexpected(report.error());
  const auto& r = *report;
  if (json) {
    print_json({{"ok", r.ok()},
                {"database_ok", r.database_ok},
                {"database_problems", r.database_problems},
                {"audit_intact", r.audit.intact},
                {"audit_entries", r.audit.entries},
                {"audit_first_broken_seq", r.audit.first_broken_seq},
                {"missing_attachments", r.missing_attachments}});
  } else {
    print_line(r.database_ok ? "database: ok"
                             : "database: damaged (" + count_of(r.database_problems, "problem") + ")");
    print_line(r.audit.intact ? "audit trail: intact (" + count_of(static_cast<std::uint64_t>(r.audit.entries), "entry", "entries") + ")"
                              : "audit trail: broken at entry " + std::to_string(r.audit.first_broken_seq) +
                                    " (" + r.audit.reason + ")");
    print_line("attachments: " + (r.missing_attachments.empty()
                                      ? std::string("all present")
                                      : std::to_string(r.missing_attachments.size()) + " missing"));
    for (const auto& id : r.missing_attachments) print_line("  missing: " + id);
  }
  if (!r.ok()) return fail(ExitCode::integrity, "the integrity check failed");
  return {};
}

}  // namespace

void add_vault_commands(CLI::App& app, Context& ctx) {
  auto init_opts = std::make_shared<InitOptions>();
  auto* init = app.add_subcommand("init", "Create a new vault in the vault folder (asks for a new passphrase)");
  init->add_option("--name", init_opts->name, "Your name as it appears in the audit trail")->required();
  init->add_option("--kdf", init_opts->kdf, "Passphrase hashing cost: interactive (256 MiB) or strong (1 GiB)")
      ->check(CLI::IsMember({"interactive", "strong"}));
  init_opts->printed.add_flag(init);
  ctx.bind(init, [&ctx, init_opts] { return run_init(ctx, *init_opts); });

  auto kdf = std::make_shared<std::string>("interactive");
  auto* passwd = app.add_subcommand("passwd", "Change the vault passphrase (nothing else is re-encrypted)");
  passwd->add_option("--kdf", *kdf, "Cost for the new passphrase: interactive or strong (never lower than now)")
      ->check(CLI::IsMember({"interactive", "strong"}));
  ctx.bind(passwd, [&ctx, kdf] { return run_passwd(ctx, *kdf); });

  auto json = std::make_shared<bool>(false);
  auto* check = app.add_subcommand("check", "Full integrity check: database pages, audit chain, attachment files");
  check->add_flag("--json", *json, "Print the report as JSON");
  ctx.bind(check, [&ctx, json] { return run_vault_check(ctx, *json); });
}

}  // namespace safehold::cli
