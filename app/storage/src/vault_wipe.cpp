// wipe_vault: destroy the key material first, so the vault is unreadable the
// moment the key file's overwrite is on disk; removing the (encrypted) rest
// only tidies up. See SECURITY.md "Emergency wipe" for what this cannot
// promise on SSDs and journaling file systems.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <vector>

#include "backup_internal.hpp"
#include "vault_folder.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
using detail::backup_fail;

namespace {

// Overwrites the whole file in place with random bytes and fsyncs it, so that
// every name the inode has (hard links, an open descriptor) now holds noise.
expected<void, BackupFailure> overwrite_in_place(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return unexpected(detail::from_storage(detail::from_file_error(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return backup_fail(BackupError::io_failed, "stat key file");
  }
  std::vector<std::uint8_t> noise(static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)));
  crypto::fill_random(noise);
  std::size_t done = 0;
  while (done < noise.size()) {
    const ssize_t n = ::pwrite(fd, noise.data() + done, noise.size() - done, static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return backup_fail(BackupError::io_failed, "overwrite key file");
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return backup_fail(BackupError::io_failed, "fsync key file");
  return {};
}

bool is_key_material(std::string_view name) {
  // vault.key and the temporaries AtomicFileWriter makes while replacing it.
  return name == detail::kKeyFileName || (name.starts_with(".vault.key.tmp-"));
}

bool is_vault_file(std::string_view name) {
  return name == detail::kDatabaseName || name == "vault.db-wal" || name == "vault.db-shm" ||
         name == "vault.db-journal";
}

bool is_attachment_entry(std::string_view name) {
  if (detail::is_attachment_file_name(name)) return true;
  // ".<32 hex>.tmp-<16 hex>": an attachment being written.
  return name.size() == 1 + 32 + 5 + 16 && name[0] == '.' && detail::is_attachment_file_name(name.substr(1, 32)) &&
         name.substr(33, 5) == ".tmp-";
}

}  // namespace

expected<WipeReport, BackupFailure> wipe_vault(const fs::path& folder) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  if (!Vault::exists_at(folder)) return backup_fail(BackupError::not_found, "no vault in that folder");
  WipeReport report;
  std::error_code ec;

  // 1. Key material: overwrite, fsync, unlink, fsync the folder.
  std::vector<fs::path> keys;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (is_key_material(entry.path().filename().string()) && entry.is_regular_file(ec)) keys.push_back(entry.path());
  }
  for (const auto& key : keys) {
    if (auto o = overwrite_in_place(key); !o) return unexpected(o.error());
    if (::unlink(key.c_str()) != 0) return unexpected(detail::from_storage(detail::from_file_error(errno)));
    ++report.files_removed;
  }
  if (auto s = base::sync_directory(folder); !s) return unexpected(detail::from_file(s.error()));
  report.key_destroyed_after = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);

  // 2. The rest: ciphertext that no key opens any more.
  const fs::path attachments = folder / detail::kAttachmentsDir;
  for (const auto& entry : fs::directory_iterator(attachments, ec)) {
    const std::string name = entry.path().filename().string();
    if (is_attachment_entry(name) && ::unlink(entry.path().c_str()) == 0) {
      ++report.files_removed;
    } else {
      report.left_behind.push_back(std::string(detail::kAttachmentsDir) + "/" + name);
    }
  }
  if (fs::is_directory(attachments, ec)) {
    (void)base::sync_directory(attachments);
    ::rmdir(attachments.c_str());
  }
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (is_vault_file(name) && ::unlink(entry.path().c_str()) == 0) {
      ++report.files_removed;
    } else if (name != detail::kAttachmentsDir || fs::exists(entry.path(), ec)) {
      report.left_behind.push_back(name);
    }
  }
  (void)base::sync_directory(folder);
  if (report.left_behind.empty() && ::rmdir(folder.c_str()) == 0) {
    const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
    (void)base::sync_directory(parent);
  }
  report.total = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
  return report;
}

}  // namespace safehold::storage
