#pragma once
// Files as byte sources and sinks, and atomic replacement of a file
// (write a temporary beside it, fsync, rename over, fsync the folder), so a
// crash or full disk never leaves a half-written key file, bundle or export.
#include <filesystem>
#include <string>

#include "safehold/base/byte_io.hpp"

namespace safehold::base {

enum class FileError { not_found, permission_denied, exists, disk_full, io_failed };
const char* describe(FileError e) noexcept;

class FileSource final : public ByteSource {
 public:
  [[nodiscard]] static expected<FileSource, FileError> open(const std::filesystem::path& path);
  FileSource(FileSource&& other) noexcept;
  FileSource& operator=(FileSource&& other) noexcept;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  ~FileSource() override;

  [[nodiscard]] expected<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
  // Size at open time (for progress reporting).
  std::uint64_t size() const noexcept { return size_; }

 private:
  explicit FileSource(int fd, std::uint64_t size) noexcept : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// What commit() does when the destination already exists.
enum class Publish {
  replace,     // vault-internal files (key file, attachments): rename over it
  no_replace,  // files handed to the user (bundles, exports): refuse with
               // FileError::exists, even if the file appeared while writing
};

// Writes a new file under a temporary name in the destination's folder and
// publishes it with commit(). Destroying it without commit() removes the
// temporary, so cancelled or failed writes leave nothing behind.
//
// A no_replace writer (files handed to the user: reports, exports, bundles,
// plaintext copies) writes an unnamed file (O_TMPFILE) and links it to its
// name on commit, so even a killed process leaves nothing beside the
// destination; only where the file system refuses O_TMPFILE (or /proc is
// missing) does it fall back to a named temporary ".<name>.tmp-<hex>".
class AtomicFileWriter final : public ByteSink {
 public:
  // mode: permission bits of the final file (0600 by default: vault files are
  // private to the user).
  [[nodiscard]] static expected<AtomicFileWriter, FileError> create(
      const std::filesystem::path& destination, unsigned mode = 0600,
      Publish publish = Publish::replace);
  AtomicFileWriter(AtomicFileWriter&& other) noexcept;
  AtomicFileWriter& operator=(AtomicFileWriter&& other) noexcept;
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter() override;

  [[nodiscard]] expected<void, IoError> write(std::span<const std::uint8_t> data) override;
  // fsync the data, rename to the destination (as create()'s Publish says),
  // fsync the folder.
  [[nodiscard]] expected<void, FileError> commit();
  // Removes the temporary now (also done by the destructor).
  void abandon() noexcept;

  // The named temporary; empty for an unnamed one (O_TMPFILE).
  const std::filesystem::path& temp_path() const noexcept { return temp_; }
  bool unnamed() const noexcept { return unnamed_; }

 private:
  AtomicFileWriter(int fd, std::filesystem::path temp, std::filesystem::path dest, Publish publish,
                   bool unnamed = false) noexcept
      : fd_(fd), temp_(std::move(temp)), dest_(std::move(dest)), publish_(publish), unnamed_(unnamed) {}
  [[nodiscard]] expected<void, FileError> link_unnamed();
  int fd_ = -1;
  std::filesystem::path temp_;
  std::filesystem::path dest_;
  Publish publish_ = Publish::replace;
  bool unnamed_ = false;  // O_TMPFILE: no name until commit() links it
};

// Whole-file helpers for small files (key files, cards).
[[nodiscard]] expected<void, FileError> write_file_atomically(
    const std::filesystem::path& destination, std::span<const std::uint8_t> data,
    unsigned mode = 0600);
[[nodiscard]] expected<std::vector<std::uint8_t>, FileError> read_small_file(
    const std::filesystem::path& path, std::size_t max_size);

// fsync a folder so that a rename or unlink inside it is durable.
[[nodiscard]] expected<void, FileError> sync_directory(const std::filesystem::path& dir);

}  // namespace safehold::base
