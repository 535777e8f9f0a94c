#include "safehold/appmodel/backup_model.hpp"
#include "safehold/appmodel/ui_wake.hpp"

#include "safehold/appmodel/record_fields.hpp"

namespace safehold::appmodel {

namespace {

// "safehold-2026-12-06.shbackup": today's date (UTC), nothing else.
std::string default_file_name() { return "safehold-" + utc_now().substr(0, 10) + ".shbackup"; }

}  // namespace

const char* backup_error_key(storage::BackupError e) noexcept {
  using storage::BackupError;
  switch (e) {
    case BackupError::not_found: return "backup.error.not_found";
    case BackupError::not_a_backup: return "backup.error.not_a_backup";
    case BackupError::unsupported_version:
    case BackupError::schema_too_new: return "backup.error.too_new";
    case BackupError::truncated: return "backup.error.truncated";
    case BackupError::damaged: return "backup.error.damaged";
    case BackupError::wrong_passphrase: return "backup.error.wrong_passphrase";
    case BackupError::vault_damaged: return "backup.error.vault_damaged";
    case BackupError::vault_changed: return "backup.error.vault_changed";
    case BackupError::destination_exists: return "backup.error.exists";
    case BackupError::disk_full: return "backup.error.disk_full";
    case BackupError::permission_denied: return "backup.error.permission";
    case BackupError::io_failed: return "backup.error.io";
    case BackupError::out_of_memory: return "backup.error.memory";
    case BackupError::cancelled: return "backup.cancelled";
  }
  return "backup.error.io";
}

BackupModel::BackupModel(Session& session) : file_name(default_file_name()), session_(&session) {}

storage::BackupHooks BackupModel::hooks() {
  storage::BackupHooks h;
  h.progress = [this](const storage::BackupProgress& p) {
    bytes_done_ = p.bytes_done;
    bytes_total_ = p.bytes_total;
    entries_done_ = p.entries_done;
    entries_total_ = p.entries_total;
    wake_ui_for_progress();
  };
  h.cancel_requested = [this] { return cancel_.load(); };
  return h;
}

bool BackupModel::start_backup() {
  if (file_name.empty() || file_name.find('/') != std::string::npos || folder.empty()) {
    error_key_ = "backup.error.file_name";
    return false;
  }
  return start(session_->vault().folder(), folder / file_name, true);
}

bool BackupModel::start_verify(const std::filesystem::path& file) { return start({}, file, false); }

bool BackupModel::start(const std::filesystem::path& vault_folder, const std::filesystem::path& file, bool write) {
  if (running()) return false;
  if (passphrase.empty()) {
    error_key_ = "backup.error.no_passphrase";
    return false;
  }
  error_key_ = nullptr;
  error_detail_.clear();
  written_ = verified_ = cancelled_ = false;
  file_ = file;
  cancel_ = false;
  bytes_done_ = bytes_total_ = entries_done_ = entries_total_ = 0;
  phase_ = write ? Phase::writing : Phase::verifying;
  const bool verify = !write || verify_after;
  auto pass = passphrase.take_copy();
  passphrase.clear();
  return work_.start([this, vault_folder, file, write, verify, pass = std::move(pass)]() -> Outcome {
    Outcome out;
    const auto h = hooks();
    if (write) {
      auto made = storage::write_backup(vault_folder, pass, file, base::Publish::no_replace, h);
      if (!made) {
        out.failure = made.error();
        return out;
      }
      out.written = true;
      out.summary = *made;
      if (!verify) return out;
      bytes_done_ = bytes_total_ = entries_done_ = entries_total_ = 0;
      phase_ = Phase::verifying;
    }
    auto checked = storage::verify_backup(file, pass, h);
    if (!checked) {
      out.failure = checked.error();
      return out;
    }
    out.verified = true;
    out.summary = *checked;
    return out;
  });
}

float BackupModel::progress() const {
  const std::uint64_t total = bytes_total_;
  if (total == 0) return -1.0f;
  return static_cast<float>(static_cast<double>(bytes_done_.load()) / static_cast<double>(total));
}

void BackupModel::poll() {
  storage::Vault& vault = session_->vault();
  auto r = work_.poll();
  if (!r) return;
  phase_ = Phase::idle;
  written_ = r->written;
  verified_ = r->verified;
  if (r->failure) {
    cancelled_ = r->failure->code == storage::BackupError::cancelled;
    error_key_ = backup_error_key(r->failure->code);
    error_detail_ = cancelled_ ? std::string() : r->failure->describe();
  }
  if (r->verified && r->summary) {
    // As the CLI: recorded only in the vault the backup is of.
    if (r->summary->vault_id != vault.vault_id()) {
      error_key_ = "backup.verified.other_vault";
    } else if (auto rec = storage::record_verified_backup(vault, *r->summary); !rec) {
      error_key_ = "backup.error.not_recorded";
      error_detail_ = rec.error().describe();
    }
  }
  refresh();
}

void BackupModel::refresh() {
  storage::Vault& vault = session_->vault();
  auto last = storage::last_verified_backup(vault);
  last_verified_ = last ? *last : std::nullopt;
  auto current = storage::verified_backup_is_current(vault);
  current_ = current && *current;
}

void BackupModel::reset() {
  cancel_ = true;
  work_.wait();
  (void)work_.poll();
  passphrase.clear();
  phase_ = Phase::idle;
  file_.clear();
  folder.clear();
  file_name = default_file_name();
  verify_after = true;
  written_ = verified_ = cancelled_ = false;
  error_key_ = nullptr;
  error_detail_.clear();
  last_verified_.reset();
  current_ = false;
  cancel_ = false;
}

}  // namespace safehold::appmodel
