// Vault operations besides open/close: passphrase change, owner name,
// integrity check, batches.
#include <sys/stat.h>

#include <algorithm>

#include "audit_log.hpp"
#include "migrations.hpp"
#include "safehold/base/file_io.hpp"
#include "safehold/storage/vault.hpp"
#include "util.hpp"
#include "vault_folder.hpp"
#include "vault_state.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;

expected<void, StorageError> Vault::change_passphrase(const crypto::SecretBuffer& current,
                                                      const crypto::SecretBuffer& next, const KdfParams& kdf) {
  detail::VaultAccess a(state_.get());
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  const fs::path key_path = s.folder / detail::kKeyFileName;
  auto raw = base::read_small_file(key_path, 4096);
  if (!raw) return unexpected(make_error(VaultError::io_failed));
  auto key_file = parse_key_file(*raw);
  if (!key_file) return unexpected(make_error(VaultError::key_file_malformed, describe(key_file.error())));
  // Never lower the Argon2id cost: a copy of the old key file may already be
  // in an attacker's hands, and a cheaper new one would only help them.
  KdfParams cost = kdf;
  cost.opslimit = std::max(cost.opslimit, key_file->kdf.opslimit);
  cost.memlimit = std::max(cost.memlimit, key_file->kdf.memlimit);
  if (!cost.acceptable()) return unexpected(make_error(VaultError::kdf_params_invalid));
  auto master = unwrap_master_key(*key_file, current);
  if (!master) return unexpected(master.error());
  if (!crypto::equal_constant_time(master->span(), s.master_key.span())) {
    return unexpected(make_error(VaultError::key_file_malformed, "key file belongs to another vault"));
  }
  auto rewrapped = wrap_master_key(s.master_key, next, cost, s.vault_id);
  if (!rewrapped) return unexpected(rewrapped.error());

  // The audit entry commits only if the new key file was written.
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  detail::AuditEvent ev{AuditAction::passphrase_changed, "vault", detail::to_hex(s.vault_id), "", "", "", {}};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  const auto bytes = serialize_key_file(*rewrapped);
  if (auto w = base::write_file_atomically(key_path, bytes, 0600); !w) {
    return unexpected(make_error(w.error() == base::FileError::disk_full ? VaultError::disk_full : VaultError::io_failed));
  }
  return tx->commit();
}

expected<int, StorageError> Vault::schema_version() {
  detail::VaultAccess a(state_.get());
  if (!a.ok()) return unexpected(a.error());
  return detail::read_schema_version(a.state().db);
}

std::string Vault::owner_name() const {
  if (!state_) return {};
  std::lock_guard<std::recursive_mutex> g(state_->mutex);
  return state_->owner_name;
}

expected<void, StorageError> Vault::set_owner_name(const std::string& name) {
  detail::VaultAccess a(state_.get());
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto st = s.db.prepare("UPDATE vault_info SET owner_name = ?1 WHERE id = 1");
  if (!st) return unexpected(st.error());
  st->bind(1, name);
  if (auto r = st->run(); !r) return r;
  const std::string previous = s.owner_name;
  s.owner_name = name;  // the entry records the new actor
  detail::AuditEvent ev{AuditAction::owner_changed, "vault", detail::to_hex(s.vault_id), "", "", "",
                        detail::sha256(name)};
  auto e = detail::append_audit(s, ev);
  auto c = e ? tx->commit() : expected<void, StorageError>(unexpected(e.error()));
  if (!c) s.owner_name = previous;
  return c;
}

expected<IntegrityReport, StorageError> Vault::check_integrity() {
  detail::VaultAccess a(state_.get());
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  IntegrityReport report;
  // Page HMACs first: once a page fails, SQLCipher refuses further reads on
  // this connection, so the other checks only run on an authentic file.
  for (const char* pragma : {"PRAGMA cipher_integrity_check", "PRAGMA integrity_check"}) {
    auto st = s.db.prepare_uncached(pragma);
    if (!st) return unexpected(st.error());
    for (;;) {
      auto row = st->step();
      if (!row) {
        if (row.error().code != VaultError::database_corrupt) return unexpected(row.error());
        ++report.database_problems;
        break;
      }
      if (!*row) break;
      if (st->text(0) != "ok") ++report.database_problems;  // cipher_integrity_check is silent when clean
    }
    if (report.database_problems != 0) {
      report.audit.reason = "not checked: the database is damaged";
      return report;
    }
  }
  report.database_ok = true;
  auto audit = AuditTrail(state_.get()).verify();
  if (!audit) return unexpected(audit.error());
  report.audit = *audit;
  auto st = s.db.prepare("SELECT id, file_name FROM attachments ORDER BY id");
  if (!st) return unexpected(st.error());
  std::error_code ec;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    if (!fs::is_regular_file(s.attachments_dir() / st->text(1), ec)) report.missing_attachments.push_back(st->text(0));
  }
  return report;
}

// ---- Batch -------------------------------------------------------------------

struct Batch::Impl {
  std::unique_lock<std::recursive_mutex> lock;  // keeps other threads out until the batch ends
  detail::WriteTransaction tx;
};

Batch::Batch(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Batch::Batch(Batch&&) noexcept = default;
Batch& Batch::operator=(Batch&&) noexcept = default;
Batch::~Batch() { rollback(); }

expected<void, StorageError> Batch::commit() {
  if (!impl_) return unexpected(make_error(VaultError::internal, "batch already finished"));
  auto r = impl_->tx.commit();
  impl_.reset();
  return r;
}

void Batch::rollback() noexcept {
  if (!impl_) return;
  impl_->tx.rollback();
  impl_.reset();
}

expected<Batch, StorageError> Vault::begin_batch() {
  if (!state_) return unexpected(make_error(VaultError::locked));
  std::unique_lock<std::recursive_mutex> lock(state_->mutex);
  if (!state_->unlocked) return unexpected(make_error(VaultError::locked));
  auto tx = detail::WriteTransaction::begin(*state_);
  if (!tx) return unexpected(tx.error());
  return Batch(std::unique_ptr<Batch::Impl>(new Batch::Impl{std::move(lock), std::move(*tx)}));
}

}  // namespace safehold::storage
