#include "safehold/appmodel/start_model.hpp"

#include "safehold/appmodel/backup_model.hpp"

#include <chrono>

namespace safehold::appmodel {
namespace {

const char* key_for(OpenErrorKind kind) {
  switch (kind) {
    case OpenErrorKind::wrong_passphrase: return "start.error.wrong_passphrase";
    case OpenErrorKind::not_found: return "start.error.not_found";
    case OpenErrorKind::already_exists: return "start.error.already_exists";
    case OpenErrorKind::corrupt: return "start.error.corrupt";
    case OpenErrorKind::in_use: return "start.error.in_use";
    case OpenErrorKind::too_new: return "start.error.too_new";
    case OpenErrorKind::out_of_memory: return "start.error.out_of_memory";
    case OpenErrorKind::io: return "start.error.io";
    case OpenErrorKind::folder: return "start.error.folder";
  }
  return "start.error.io";
}

}  // namespace

const char* restore_error_key(storage::BackupError e) noexcept {
  using storage::BackupError;
  switch (e) {
    // The backup screen's wording speaks of a backup file being written;
    // these say what a refused restore left: nothing.
    case BackupError::destination_exists: return "restore.error.not_empty";
    case BackupError::disk_full: return "restore.error.disk_full";
    case BackupError::permission_denied: return "restore.error.permission";
    case BackupError::io_failed: return "restore.error.io";
    default: return backup_error_key(e);
  }
}

StartModel::~StartModel() {
  // The window is closing: a restore stops as Cancel stops it (nothing left
  // in the folder, no staging folder) instead of running to its end. A
  // running Argon2id cannot be interrupted; wait so the worker never
  // outlives the opener or this model (the restore's hooks point into it).
  // A vault it may return is destroyed (locked); a restore that had already
  // finished stays a complete vault on disk. A wipe runs to its end.
  cancel_restore_ = true;
  if (pending_.valid()) pending_.wait();
  if (restoring_.valid()) restoring_.wait();
  if (wiping_.valid()) wiping_.wait();
}

void StartModel::passphrase_edited() { strength_ = estimate_strength(passphrase.view()); }

bool StartModel::vault_exists() const {
  return !folder.empty() && opener_->exists(std::filesystem::path(folder));
}

const char* StartModel::blocked_reason() const {
  if (mode == Mode::restore && backup_file.empty()) return "start.block.no_backup_file";
  if (folder.empty()) return "start.block.no_folder";
  if (passphrase.empty()) return "start.block.no_passphrase";
  if (mode == Mode::create) {
    if (!strength_.acceptable()) return "start.block.too_weak";
    if (passphrase.view() != repeat.view()) return "start.block.mismatch";
    if (!loss_acknowledged) return "start.block.acknowledge";
  }
  return nullptr;
}

bool StartModel::submit() {
  if (busy() || blocked_reason() != nullptr) return false;
  error_key_ = nullptr;
  error_detail_.clear();
  restored_not_opened_ = false;
  auto path = std::filesystem::path(folder);
  auto secret = passphrase.take_copy();
  const auto* opener = opener_;
  if (mode == Mode::restore) {
    restore_done_ = 0;
    restore_total_ = 0;
    cancel_restore_ = false;
    // The hooks point into this model: the destructor waits for the worker.
    storage::BackupHooks hooks;
    hooks.progress = [this](const storage::BackupProgress& p) {
      restore_total_ = p.bytes_total;
      restore_done_ = p.bytes_done;
    };
    hooks.cancel_requested = [this] { return cancel_restore_.load(); };
    restoring_ = std::async(
        std::launch::async,
        [opener, path, hooks, file = std::filesystem::path(backup_file), s = std::move(secret)]() mutable
        -> RestoreResult {
          // As create: on a new laptop the default folder's parents do not
          // exist yet.
          if (auto parents = opener->prepare_parents(path); !parents) return unexpected(std::move(parents.error()));
          auto restored = storage::restore_backup(file, s, path, hooks);
          if (!restored) return unexpected(std::move(restored.error()));
          return opener->unlock(path, std::move(s));
        });
  } else if (mode == Mode::create) {
    auto kdf_choice = kdf;
    auto owner = owner_name;
    pending_ = std::async(std::launch::async,
                          [opener, path, s = std::move(secret), kdf_choice, owner]() mutable {
                            return opener->create(path, std::move(s), kdf_choice, owner);
                          });
  } else {
    pending_ = std::async(std::launch::async, [opener, path, s = std::move(secret)]() mutable {
      return opener->unlock(path, std::move(s));
    });
  }
  return true;
}

std::optional<storage::Vault> StartModel::poll() {
  const auto ready = [](const auto& f) {
    return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  };
  if (ready(restoring_)) {
    RestoreResult r = restoring_.get();
    if (!r) {
      if (auto* folder_error = std::get_if<OpenError>(&r.error())) return take(unexpected(std::move(*folder_error)));
      const auto& refused = std::get<storage::BackupFailure>(r.error());
      const bool cancelled = refused.code == storage::BackupError::cancelled;
      error_key_ = cancelled ? "restore.cancelled" : restore_error_key(refused.code);
      error_detail_ = cancelled ? std::string() : refused.describe();
      return std::nullopt;
    }
    if (!*r) {
      // The vault is complete in `folder`; only opening it failed (memory,
      // another window...): the Unlock tab takes it from here.
      mode = Mode::unlock;
      restored_not_opened_ = true;
    }
    return take(std::move(*r));
  }
  if (!ready(pending_)) return std::nullopt;
  return take(pending_.get());
}

std::optional<storage::Vault> StartModel::take(Result r) {
  if (!r) {
    error_key_ = key_for(r.error().kind);
    error_detail_ = r.error().detail;
    return std::nullopt;
  }
  clear_secrets();
  return std::move(*r);
}

void StartModel::start_wipe(const std::filesystem::path& vault_folder) {
  if (busy()) return;  // AppModel::wipe_vault locks first; nothing else runs here
  wiping_ = std::async(std::launch::async, [vault_folder] { return storage::wipe_vault(vault_folder); });
}

std::optional<StartModel::WipeResult> StartModel::poll_wipe() {
  if (!wiping_.valid() || wiping_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    return std::nullopt;
  }
  return wiping_.get();
}

void StartModel::folder_chosen(const std::filesystem::path& chosen) {
  std::error_code ec;
  if (mode != Mode::unlock && !std::filesystem::is_empty(chosen, ec)) {
    folder = (chosen / "safehold-vault").string();
  } else {
    folder = chosen.string();
  }
}

float StartModel::restore_progress() const {
  const auto total = restore_total_.load();
  if (total == 0) return -1.0f;
  return static_cast<float>(static_cast<double>(restore_done_.load()) / static_cast<double>(total));
}

void StartModel::backup_file_chosen(const std::filesystem::path& chosen) { backup_file = chosen.string(); }

void StartModel::clear_secrets() {
  passphrase.clear();
  repeat.clear();
  strength_ = {};
  loss_acknowledged = false;
  error_key_ = nullptr;
  error_detail_.clear();
}

}  // namespace safehold::appmodel
