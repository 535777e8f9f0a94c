#include "safehold/crypto/no_replace.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>  // renameat2, RENAME_NOREPLACE

#include "safehold/crypto/secret.hpp"

namespace safehold::io {
namespace fs = std::filesystem;

namespace {

// Closes fd, keeping the first error seen.
int close_keeping(int fd, int err) noexcept {
  if (::close(fd) != 0 && err == 0) return errno;
  return err;
}

int copy_bytes(int in, int out, crypto::SecretBuffer& buf) noexcept {
  for (;;) {
    const ssize_t n = ::read(in, buf.data(), buf.size());
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = ::write(out, buf.data() + done, static_cast<std::size_t>(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        return errno;
      }
      done += w;
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
  // The bytes may be a plaintext export or a secret key: they pass through
  // guarded, wiped memory only (allocated before any descriptor is open).
  crypto::SecretBuffer buf(65536);
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno;
  struct stat st {};
  if (::fstat(in, &st) != 0) return close_keeping(in, errno);
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777);
  if (out < 0) return close_keeping(in, errno);
  int e = copy_bytes(in, out, buf);
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

}  // namespace safehold::io
