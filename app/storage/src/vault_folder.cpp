#include "vault_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <set>
#include <string>

#include "safehold/base/file_io.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {
namespace fs = std::filesystem;

StorageError from_file_error(int e) {
  switch (e) {
    case ENOSPC:
    case EDQUOT: return make_error(VaultError::disk_full);
    case EACCES:
    case EPERM: return make_error(VaultError::permission_denied);
    case ENOENT: return make_error(VaultError::not_a_vault);
    default: return make_error(VaultError::io_failed);
  }
}

expected<int, StorageError> lock_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return unexpected(from_file_error(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int e = errno;
    ::close(fd);
    if (e == EWOULDBLOCK) return unexpected(make_error(VaultError::in_use));
    return unexpected(from_file_error(e));
  }
  return fd;
}

expected<bool, StorageError> prepare_new_folder(const fs::path& folder) {
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec) || !fs::is_empty(folder, ec)) {
      return unexpected(make_error(VaultError::already_exists));
    }
    if (::chmod(folder.c_str(), 0700) != 0) return unexpected(from_file_error(errno));
    return false;
  }
  if (::mkdir(folder.c_str(), 0700) != 0) {
    const int e = errno;
    return unexpected(e == ENOENT ? make_error(VaultError::io_failed, "parent folder missing")
                                  : from_file_error(e));
  }
  return true;
}

expected<void, StorageError> create_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return unexpected(errno == EEXIST ? make_error(VaultError::already_exists) : from_file_error(errno));
  ::close(fd);
  return {};
}

bool is_attachment_file_name(std::string_view name) noexcept {
  if (name.size() != 32) return false;
  for (char c : name) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

namespace {

// AtomicFileWriter names its temporaries ".<final name>.tmp-<16 hex>".
bool is_stale_temporary(std::string_view name, bool in_attachments) {
  const auto pos = name.rfind(".tmp-");
  if (name.empty() || name[0] != '.' || pos == std::string_view::npos) return false;
  const std::string_view final_name = name.substr(1, pos - 1);
  const std::string_view suffix = name.substr(pos + 5);
  if (suffix.size() != 16) return false;
  return in_attachments ? is_attachment_file_name(final_name) : final_name == kKeyFileName;
}

}  // namespace

expected<void, StorageError> remove_stale_files(const fs::path& folder, Database& db) {
  std::error_code ec;
  bool removed = false;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (is_stale_temporary(entry.path().filename().string(), false)) removed |= fs::remove(entry.path(), ec);
  }
  if (removed) (void)base::sync_directory(folder);

  auto st = db.prepare("SELECT file_name FROM attachments");
  if (!st) return unexpected(st.error());
  auto names = st->all_text(0);
  if (!names) return unexpected(names.error());
  const std::set<std::string> known(names->begin(), names->end());
  const fs::path dir = folder / kAttachmentsDir;
  removed = false;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (is_stale_temporary(name, true) || (is_attachment_file_name(name) && !known.contains(name))) {
      removed |= fs::remove(entry.path(), ec);
    }
  }
  if (removed) (void)base::sync_directory(dir);
  return {};
}

}  // namespace safehold::storage::detail
