// backup, backup verify, restore, wipe: surviving loss and seizure
// (schema/backup-v1.md, docs/cli.md "Before you travel"). The work is done by
// safehold_storage (backup.hpp); this file parses options, asks for the
// passphrase, prints results and maps refusals to exit codes.
#include <memory>

#include "commands.hpp"
#include "failure.hpp"
#include "interrupt.hpp"
#include "output.hpp"
#include "safehold/core/policy/vault_folder.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/storage/backup.hpp"
#include "safehold/storage/key_file.hpp"

namespace safehold::cli {
namespace {

namespace fs = std::filesystem;
using storage::BackupError;

ExitCode backup_exit_code_for(BackupError e) noexcept {
  switch (e) {
    case BackupError::not_found: return ExitCode::not_found;
    case BackupError::not_a_backup: return ExitCode::not_a_backup;
    case BackupError::unsupported_version:
    case BackupError::schema_too_new: return ExitCode::unsupported_version;
    case BackupError::truncated: return ExitCode::backup_truncated;
    case BackupError::damaged: return ExitCode::backup_damaged;
    case BackupError::wrong_passphrase: return ExitCode::wrong_passphrase;
    case BackupError::vault_damaged: return ExitCode::integrity;
    case BackupError::vault_changed:
    case BackupError::destination_exists: return ExitCode::conflict;
    case BackupError::disk_full:
    case BackupError::permission_denied:
    case BackupError::io_failed:
    case BackupError::out_of_memory: return ExitCode::io;
    case BackupError::cancelled: return ExitCode::interrupted;
  }
  return ExitCode::io;
}

unexpected<Failure> backup_failure(const storage::BackupFailure& f) { return fail(backup_exit_code_for(f.code), f.describe()); }

nlohmann::json backup_summary_json(const storage::BackupSummary& s) {
  return {{"created_at", s.created_at},     {"vault_id", s.vault_id},
          {"audit_seq", s.audit_seq},       {"attachments", s.attachments},
          {"attachment_bytes", s.attachment_bytes}, {"database_bytes", s.database_bytes}};
}

void print_summary(const storage::BackupSummary& s, bool json) {
  if (json) return print_json(backup_summary_json(s));
  print_line("vault " + s.vault_id + "\tsnapshot " + s.created_at + "\taudit entries " + std::to_string(s.audit_seq) +
             "\t" + count_of(s.attachments, "attachment") + " (" + count_of(s.attachment_bytes, "byte") + ")");
}

struct BackupOptions {
  std::string output;
  std::string verify_file;
  bool force = false;
  bool json = false;
};

Outcome run_backup(Context& ctx, const BackupOptions& o) {
  if (o.output.empty()) return fail(ExitCode::usage, "backup needs -o FILE (or: backup verify FILE)");
  const auto folder = ctx.vault_folder();
  if (folder.empty()) return fail(ExitCode::usage, "no vault folder: use --vault DIR or SAFEHOLD_VAULT");
  if (!storage::Vault::exists_at(folder)) return fail(ExitCode::not_found, "no vault in " + folder.string());
  auto pass = ctx.passphrase();
  if (!pass) return unexpected(pass.error());
  InterruptScope interrupts;  // Ctrl-C cancels: no file under the final name
  ProgressLine progress("writing backup");
  auto s = storage::write_backup(folder, *pass, o.output, o.force ? base::Publish::replace : base::Publish::no_replace,
                                 backup_hooks_for(progress));
  progress.finish();
  if (!s) return backup_failure(s.error());
  print_summary(*s, o.json);
  print_note("backup written to " + o.output + "; check it with: safehold-cli backup verify " + o.output);
  print_note("it opens with the current passphrase, also after a later passwd");
  return {};
}

// The vault id a key file names, without the passphrase ("" if none).
std::string vault_id_at(const fs::path& folder) {
  auto raw = base::read_small_file(folder / "vault.key", storage::kKeyFileSize + 1);
  if (!raw) return {};
  auto kf = storage::parse_key_file(*raw);
  return kf ? crypto::to_hex(kf->vault_id) : std::string();
}

// Remembers the verified backup in the vault it came from, when that vault
// is the CLI's vault and can be opened now (the desktop app may hold it).
void remember_verified(Context& ctx, const crypto::SecretBuffer& pass, const storage::BackupSummary& s) {
  const auto folder = ctx.vault_folder();
  if (folder.empty() || vault_id_at(folder) != s.vault_id) {
    print_note("verified; not recorded: the vault folder holds another vault (or none)");
    return;
  }
  auto vault = ctx.unlock(pass);
  if (!vault) {
    print_note("verified; not recorded in the vault: " + vault.error().message);
    return;
  }
  auto r = storage::record_verified_backup(**vault, s);
  print_note(r ? "verified; recorded in the vault as the last verified backup"
               : "verified; not recorded in the vault: " + r.error().describe());
}

Outcome run_backup_verify(Context& ctx, const BackupOptions& o) {
  auto pass = ctx.passphrase();
  if (!pass) return unexpected(pass.error());
  InterruptScope interrupts;
  ProgressLine progress("verifying");
  auto s = storage::verify_backup(o.verify_file, *pass, backup_hooks_for(progress));
  progress.finish();
  if (!s) return backup_failure(s.error());
  print_summary(*s, o.json);
  remember_verified(ctx, *pass, *s);
  return {};
}

Outcome run_restore(Context& ctx, const std::string& file, bool json) {
  const auto target = ctx.vault_folder();
  if (target.empty()) return fail(ExitCode::usage, "restore needs --vault NEWDIR (the folder to restore into)");
  auto pass = ctx.passphrase();
  if (!pass) return unexpected(pass.error());
  // As `init`: on a fresh machine the default folder's parents do not exist.
  if (auto parents = core::prepare_vault_parents(target); !parents) return unexpected(to_failure(parents.error()));
  InterruptScope interrupts;  // Ctrl-C cancels: no vault, no staging folder
  ProgressLine progress("restoring");
  auto s = storage::restore_backup(file, *pass, target, backup_hooks_for(progress));
  progress.finish();
  if (!s) return backup_failure(s.error());
  print_summary(*s, json);
  print_note("vault restored to " + target.string() + "; it opens with the passphrase of the backup");
  return {};
}

constexpr const char* kWipeLimits =
    "the key file was overwritten before removal, which makes the vault unreadable on ordinary disks; on SSDs, "
    "flash and copy-on-write or journaling file systems old copies of its blocks may survive until the device "
    "reuses them, and backups, copies or a disk image taken earlier are not touched (see SECURITY.md)";

struct WipeOptions {
  bool yes = false;
  bool accept_loss = false;
  bool json = false;
};

Outcome run_wipe(Context& ctx, const WipeOptions& o) {
  const auto folder = ctx.vault_folder();
  if (folder.empty()) return fail(ExitCode::usage, "no vault folder: use --vault DIR or SAFEHOLD_VAULT");
  if (!o.yes) {
    return fail(ExitCode::usage, "wipe destroys the vault in " + folder.string() +
                                     " for good; nothing can bring it back except a backup. Run again with --yes");
  }
  if (!storage::Vault::exists_at(folder)) return fail(ExitCode::not_found, "no vault in " + folder.string());
  if (!o.accept_loss) {
    auto vault = ctx.vault();
    if (!vault) return unexpected(vault.error());
    auto current = lift(storage::verified_backup_is_current(**vault));
    if (!current) return unexpected(current.error());
    if (!*current) {
      return fail(ExitCode::refused,
                  "no verified backup is newer than the vault's last change: run backup and backup verify "
                  "first, or wipe with --i-accept-data-loss");
    }
    (*vault)->lock();
  }
  auto r = storage::wipe_vault(folder);
  if (!r) return backup_failure(r.error());
  if (o.json) {
    print_json({{"key_destroyed_after_ms", r->key_destroyed_after.count() / 1000},
                {"total_ms", r->total.count() / 1000},
                {"files_removed", r->files_removed},
                {"left_behind", r->left_behind}});
  } else {
    print_line("key destroyed after " + std::to_string(r->key_destroyed_after.count() / 1000) + " ms; wiped in " +
               std::to_string(r->total.count() / 1000) + " ms; " + count_of(r->files_removed, "file") + " removed");
    for (const auto& name : r->left_behind) print_line("left in place (not a Safehold file): " + name);
  }
  print_note(kWipeLimits);
  return {};
}

}  // namespace

void add_backup_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BackupOptions>();
  auto* backup = app.add_subcommand(
      "backup", "Write the whole vault to one encrypted file (opens with the current passphrase)");
  backup->add_option("-o,--output", o->output, "The backup file to write")->type_name("FILE");
  backup->add_flag("--force", o->force, "Replace an existing file");
  backup->add_flag("--json", o->json, "Print the summary as JSON");
  auto* verify = backup->add_subcommand("verify", "Check every byte of a backup without restoring it");
  verify->add_option("file", o->verify_file, "The backup file")->required()->type_name("FILE");
  verify->add_flag("--json", o->json, "Print the summary as JSON");
  ctx.bind(backup, [&ctx, o, verify] { return verify->parsed() ? run_backup_verify(ctx, *o) : run_backup(ctx, *o); });

  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* restore = app.add_subcommand("restore", "Recreate a vault from a backup in --vault NEWDIR (absent or empty)");
  restore->add_option("file", *file, "The backup file")->required()->type_name("FILE");
  restore->add_flag("--json", *json, "Print the summary as JSON");
  ctx.bind(restore, [&ctx, file, json] { return run_restore(ctx, *file, *json); });

  auto w = std::make_shared<WipeOptions>();
  auto* wipe = app.add_subcommand("wipe", "Emergency wipe: destroy the vault's key, then its files");
  wipe->add_flag("--yes", w->yes, "Really wipe");
  wipe->add_flag("--i-accept-data-loss", w->accept_loss,
                 "Wipe even without a verified backup newer than the last change (no passphrase asked)");
  wipe->add_flag("--json", w->json, "Print the timings and files removed as JSON");
  ctx.bind(wipe, [&ctx, w] { return run_wipe(ctx, *w); });
}

}  // namespace safehold::cli
