#include "safehold/base/no_replace.hpp"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>  // renameat2, RENAME_NOREPLACE

namespace safehold::base {
namespace fs = std::filesystem;

namespace {

// Closes fd, keeping the first error seen.
int close_keeping(int fd, int err) noexcept {
  if (::close(fd) != 0 && err == 0) return errno;
  return err;
}

// sendfile(2) copies inside the kernel: the bytes (a plaintext export, a
// secret key) never pass through this process's memory, so no buffer of ours
// can leak them (swap, a core dump) and none needs wiping.
int copy_bytes(int in, int out) noexcept {
  for (;;) {
    const ssize_t n = ::sendfile(out, in, nullptr, 1 << 20);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
  }
}

}  // namespace

int move_by_link(const fs::path& from, const fs::path& to) {
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  if (::unlink(from.c_str()) != 0) {
    // Two names for one file would leave a hidden copy behind: undo.
    const int e = errno;
    ::unlink(to.c_str());
    return e;
  }
  return 0;
}

int move_by_copy(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno;
  struct stat st {};
  if (::fstat(in, &st) != 0) return close_keeping(in, errno);
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777);
  if (out < 0) return close_keeping(in, errno);
  int e = copy_bytes(in, out);
  if (e == 0 && ::fsync(out) != 0) e = errno;
  e = close_keeping(out, close_keeping(in, e));
  if (e != 0) {
    ::unlink(to.c_str());  // ours: created with O_EXCL above
    return e;
  }
  if (::unlink(from.c_str()) != 0) {
    e = errno;
    ::unlink(to.c_str());
    return e;
  }
  return 0;
}

int move_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return errno;
  const int e = move_by_link(from, to);
  if (e == 0 || e == EEXIST) return e;
  if (e != EPERM && e != ENOSYS && e != ENOTSUP && e != EOPNOTSUPP && e != EMLINK) return e;
  return move_by_copy(from, to);
}

}  // namespace safehold::base
