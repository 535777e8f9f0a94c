// verify_backup and restore_backup: the same read, one keeping only an
// encrypted scratch database, the other staging a whole vault that is
// renamed into place last.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit_log.hpp"
#include "backup_reader.hpp"
#include "util.hpp"
#include "vault_folder.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
using detail::backup_fail;

namespace {

// Removes the staging folder unless dismissed (it holds only ciphertext).
struct StagingGuard {
  fs::path dir;
  ~StagingGuard() {
    if (!dir.empty()) detail::remove_staging(dir);
  }
};

expected<void, BackupFailure> make_private_dir(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0) {
    return unexpected(detail::from_storage(detail::from_file_error(errno)));
  }
  return {};
}

// The staged database's own checks: page HMACs, SQLite integrity, the audit
// chain and its MACed head. (Attachments were checked while they streamed.)
expected<void, BackupFailure> check_staged(Vault& vault, bool attachments_present) {
  auto report = vault.check_integrity();
  if (!report) return unexpected(detail::from_storage(report.error()));
  if (!report->database_ok) return backup_fail(BackupError::damaged, "database integrity check");
  if (!report->audit.intact) {
    return backup_fail(BackupError::damaged,
                       "audit chain broken at entry " + std::to_string(report->audit.first_broken_seq));
  }
  if (attachments_present && !report->missing_attachments.empty()) {
    return backup_fail(BackupError::damaged, "attachment files missing after restore");
  }
  return {};
}

expected<void, BackupFailure> append_restored_entry(detail::VaultState& s, const BackupSummary& summary) {
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(detail::from_storage(tx.error()));
  detail::AuditEvent ev{AuditAction::vault_restored, "vault", detail::to_hex(s.vault_id), "", "",
                        summary.created_at, {}};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(detail::from_storage(e.error()));
  if (auto c = tx->commit(); !c) return unexpected(detail::from_storage(c.error()));
  return {};
}

// `target` must not exist, or be an empty folder (removed just before the
// rename, which never replaces anything).
expected<void, BackupFailure> check_target(const fs::path& target) {
  std::error_code ec;
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec) || !fs::is_empty(target, ec)) {
      return backup_fail(BackupError::destination_exists, "the target folder is not empty");
    }
  } else if (target.has_parent_path() && !fs::is_directory(target.parent_path(), ec)) {
    return backup_fail(BackupError::not_found, "the target's parent folder does not exist");
  }
  return {};
}

expected<void, BackupFailure> publish(const fs::path& staging, const fs::path& target) {
  std::error_code ec;
  if (fs::is_directory(target, ec) && ::rmdir(target.c_str()) != 0) {
    return backup_fail(BackupError::destination_exists, "the target folder is not empty");
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno == EEXIST || errno == ENOTEMPTY) return backup_fail(BackupError::destination_exists);
    return unexpected(detail::from_storage(detail::from_file_error(errno)));
  }
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  (void)base::sync_directory(parent);
  return {};
}

}  // namespace

expected<BackupSummary, BackupFailure> verify_backup(const fs::path& file, const crypto::SecretBuffer& passphrase,
                                                     const BackupHooks& hooks) {
  detail::BackupMeter meter(hooks);
  auto opened = detail::open_backup(file, passphrase);
  if (!opened) return unexpected(opened.error());
  if (meter.stop()) return backup_fail(BackupError::cancelled);
  StagingGuard guard{detail::sibling_temp(file, "verify")};
  if (auto d = make_private_dir(guard.dir); !d) return unexpected(d.error());
  auto staged = detail::read_backup_into(*opened, guard.dir, false, meter);
  // Whatever error a cancel caused below, say it was a cancel (the guard
  // removes the scratch folder).
  if (!staged && meter.cancelled()) return backup_fail(BackupError::cancelled);
  if (!staged) return unexpected(staged.error());
  Vault vault = detail::VaultAdopter::adopt(std::move(staged->state));
  if (auto c = check_staged(vault, false); !c) return unexpected(c.error());
  vault.lock();
  return staged->summary;
}

expected<BackupSummary, BackupFailure> restore_backup(const fs::path& file, const crypto::SecretBuffer& passphrase,
                                                      const fs::path& target, const BackupHooks& hooks) {
  if (auto t = check_target(target); !t) return unexpected(t.error());
  detail::BackupMeter meter(hooks);
  auto opened = detail::open_backup(file, passphrase);
  if (!opened) return unexpected(opened.error());
  if (meter.stop()) return backup_fail(BackupError::cancelled);
  StagingGuard guard{detail::sibling_temp(target, "restore")};
  if (auto d = make_private_dir(guard.dir); !d) return unexpected(d.error());
  if (auto d = make_private_dir(guard.dir / detail::kAttachmentsDir); !d) return unexpected(d.error());
  auto staged = detail::read_backup_into(*opened, guard.dir, true, meter);
  // As verify: a cancel is reported as such (the guard removes the staging).
  if (!staged && meter.cancelled()) return backup_fail(BackupError::cancelled);
  if (!staged) return unexpected(staged.error());
  if (auto a = append_restored_entry(*staged->state, staged->summary); !a) return unexpected(a.error());
  staged->state->db.allow_checkpoint_on_close();
  Vault vault = detail::VaultAdopter::adopt(std::move(staged->state));
  if (auto c = check_staged(vault, true); !c) return unexpected(c.error());
  vault.lock();
  // The key file last: until it exists the staged folder is not a vault.
  const auto& key = opened->header.key_file_bytes;
  if (auto w = base::write_file_atomically(guard.dir / detail::kKeyFileName, key, 0600); !w) {
    return unexpected(detail::from_file(w.error()));
  }
  (void)base::sync_directory(guard.dir / detail::kAttachmentsDir);
  (void)base::sync_directory(guard.dir);
  // The last moment a cancel can be honoured: after it the vault exists.
  if (meter.stop()) return backup_fail(BackupError::cancelled);
  if (auto p = publish(guard.dir, target); !p) return unexpected(p.error());
  guard.dir.clear();
  return staged->summary;
}

}  // namespace safehold::storage
