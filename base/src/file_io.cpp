#include "safehold/base/file_io.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "safehold/base/no_replace.hpp"

namespace safehold::base {
namespace fs = std::filesystem;

namespace {

FileError from_errno(int e) noexcept {
  switch (e) {
    case ENOENT: return FileError::not_found;
    case EACCES:
    case EPERM: return FileError::permission_denied;
    case EEXIST: return FileError::exists;
    case ENOSPC:
    case EDQUOT: return FileError::disk_full;
    default: return FileError::io_failed;
  }
}

void close_fd(int& fd) noexcept {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// An unnamed file in `dir` (O_TMPFILE), or -1 where the file system refuses
// it. It is linked by its /proc/self/fd name (linkat with AT_EMPTY_PATH needs
// a capability the app does not have), so /proc must be there too.
int open_unnamed(const fs::path& dir, unsigned mode) noexcept {
#ifdef O_TMPFILE
  if (::access("/proc/self/fd", X_OK) != 0) return -1;
  return ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, static_cast<mode_t>(mode));
#else
  (void)dir;
  (void)mode;
  return -1;
#endif
}

}  // namespace

const char* describe(FileError e) noexcept {
  switch (e) {
    case FileError::not_found: return "file not found";
    case FileError::permission_denied: return "permission denied";
    case FileError::exists: return "file already exists";
    case FileError::disk_full: return "the disk is full";
    case FileError::io_failed: return "input/output error";
  }
  return "input/output error";
}

expected<FileSource, FileError> FileSource::open(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return unexpected(from_errno(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    return unexpected(from_errno(e));
  }
  return FileSource(fd, static_cast<std::uint64_t>(st.st_size));
}

FileSource::FileSource(FileSource&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

FileSource& FileSource::operator=(FileSource&& other) noexcept {
  if (this != &other) {
    close_fd(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
  }
  return *this;
}

FileSource::~FileSource() { close_fd(fd_); }

expected<std::size_t, IoError> FileSource::read(std::span<std::uint8_t> out) {
  if (out.empty()) return std::size_t{0};
  for (;;) {
    const ssize_t n = ::read(fd_, out.data(), out.size());
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) return unexpected(IoError::read_failed);
  }
}

expected<AtomicFileWriter, FileError> AtomicFileWriter::create(const fs::path& destination,
                                                               unsigned mode, Publish publish) {
  fs::path dir = destination.parent_path();
  if (dir.empty()) dir = ".";
  if (publish == Publish::no_replace) {
    if (const int fd = open_unnamed(dir, mode); fd >= 0) {
      return AtomicFileWriter(fd, {}, destination, publish, true);
    }
    // Refused (or an error the named way reports just the same): named.
  }
  // A random suffix keeps concurrent writers (and stale temporaries from a
  // killed process) from colliding; the name carries nothing about content.
  // It needs to be unlikely, not secret (O_EXCL refuses a collision).
  std::uint8_t rnd[8];
  if (::getrandom(rnd, sizeof rnd, 0) != static_cast<ssize_t>(sizeof rnd)) {
    return unexpected(FileError::io_failed);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string suffix;
  for (const std::uint8_t b : rnd) {
    suffix += kHex[b >> 4];
    suffix += kHex[b & 15];
  }
  fs::path temp = dir / ("." + destination.filename().string() + ".tmp-" + suffix);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                        static_cast<mode_t>(mode));
  if (fd < 0) return unexpected(from_errno(errno));
  return AtomicFileWriter(fd, std::move(temp), destination, publish);
}

AtomicFileWriter::AtomicFileWriter(AtomicFileWriter&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      temp_(std::exchange(other.temp_, {})),
      dest_(std::exchange(other.dest_, {})),
      publish_(other.publish_),
      unnamed_(std::exchange(other.unnamed_, false)) {}

AtomicFileWriter& AtomicFileWriter::operator=(AtomicFileWriter&& other) noexcept {
  if (this != &other) {
    abandon();
    fd_ = std::exchange(other.fd_, -1);
    temp_ = std::exchange(other.temp_, {});
    dest_ = std::exchange(other.dest_, {});
    publish_ = other.publish_;
    unnamed_ = std::exchange(other.unnamed_, false);
  }
  return *this;
}

AtomicFileWriter::~AtomicFileWriter() { abandon(); }

void AtomicFileWriter::abandon() noexcept {
  close_fd(fd_);
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    temp_.clear();
  }
}

expected<void, IoError> AtomicFileWriter::write(std::span<const std::uint8_t> data) {
  if (fd_ < 0) return unexpected(IoError::write_failed);
  while (!data.empty()) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return unexpected(errno == ENOSPC || errno == EDQUOT ? IoError::disk_full
                                                            : IoError::write_failed);
    }
    data = data.subspan(static_cast<std::size_t>(n));
  }
  return {};
}

expected<void, FileError> AtomicFileWriter::link_unnamed() {
  if (::fsync(fd_) != 0) {
    const int e = errno;
    abandon();
    return unexpected(from_errno(e));
  }
  // linkat never replaces: EEXIST when the name was taken meanwhile.
  const std::string self = "/proc/self/fd/" + std::to_string(fd_);
  const int e = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, dest_.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
  abandon();  // closing the descriptor: the file now lives by its name, or is gone
  if (e != 0) return unexpected(from_errno(e));
  fs::path dir = dest_.parent_path();
  return sync_directory(dir.empty() ? fs::path(".") : dir);
}

expected<void, FileError> AtomicFileWriter::commit() {
  if (fd_ >= 0 && unnamed_) return link_unnamed();
  if (fd_ < 0 || temp_.empty()) return unexpected(FileError::io_failed);
  if (::fsync(fd_) != 0) {
    const int e = errno;
    abandon();
    return unexpected(from_errno(e));
  }
  close_fd(fd_);
  const int e = publish_ == Publish::no_replace ? move_no_replace(temp_, dest_)
                : ::rename(temp_.c_str(), dest_.c_str()) == 0 ? 0
                                                              : errno;
  if (e != 0) {
    abandon();
    return unexpected(from_errno(e));
  }
  temp_.clear();
  fs::path dir = dest_.parent_path();
  return sync_directory(dir.empty() ? fs::path(".") : dir);
}

expected<void, FileError> write_file_atomically(const fs::path& destination,
                                                std::span<const std::uint8_t> data,
                                                unsigned mode) {
  auto w = AtomicFileWriter::create(destination, mode);
  if (!w) return unexpected(w.error());
  if (auto r = w->write(data); !r) {
    return unexpected(r.error() == IoError::disk_full ? FileError::disk_full
                                                      : FileError::io_failed);
  }
  return w->commit();
}

expected<std::vector<std::uint8_t>, FileError> read_small_file(const fs::path& path,
                                                               std::size_t max_size) {
  auto src = FileSource::open(path);
  if (!src) return unexpected(src.error());
  if (src->size() > max_size) return unexpected(FileError::io_failed);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(src->size()));
  auto n = src->read_full(out);
  if (!n || *n != out.size()) return unexpected(FileError::io_failed);
  std::uint8_t extra;
  auto more = src->read(std::span(&extra, 1));
  if (!more || *more != 0) return unexpected(FileError::io_failed);  // grew while reading
  return out;
}

expected<void, FileError> sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return unexpected(from_errno(errno));
  const int rc = ::fsync(fd);
  const int e = errno;
  ::close(fd);
  if (rc != 0) return unexpected(from_errno(e));
  return {};
}

}  // namespace safehold::base
