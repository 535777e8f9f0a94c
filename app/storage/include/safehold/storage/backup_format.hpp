#pragma once
// The bytes of a backup file (schema/backup-v1.md): header, archive entries,
// manifest. Pure parsing and serialising, no keys beyond what is passed in;
// exposed for the fuzz target (fuzz_backup_reader) and the tests.
#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "safehold/base/byte_io.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/backup.hpp"
#include "safehold/storage/key_file.hpp"

namespace safehold::storage::backup_format {

inline constexpr std::size_t kHeaderSize = 248;
inline constexpr std::size_t kChecksummedSize = 184;  // bytes covered by the checksum
inline constexpr std::size_t kMacCoveredSize = 216;   // bytes covered by the MAC
inline constexpr std::size_t kSaltSize = 32;
inline constexpr std::size_t kManifestSize = 124;
inline constexpr std::uint64_t kMaxDatabaseSize = 64ULL << 30;
inline constexpr std::uint64_t kMaxAttachmentSize = 1ULL << 40;

struct Header {
  KeyFile key_file;
  std::array<std::uint8_t, kKeyFileSize> key_file_bytes{};
  std::array<std::uint8_t, kSaltSize> body_salt{};
  std::uint64_t body_size = 0;  // bytes after the header (the sealed STREAM)
  std::array<std::uint8_t, 32> mac{};
  std::array<std::uint8_t, kHeaderSize> raw{};
};

// Strict (see the spec's reading order): truncated, not_a_backup,
// unsupported_version, damaged. The MAC is checked later, with the key.
[[nodiscard]] expected<Header, BackupError> parse_header(std::span<const std::uint8_t> bytes);
// The header for `key_file_bytes`, `salt` and a body of `body_size` bytes,
// MACed under `header_key`.
std::array<std::uint8_t, kHeaderSize> serialize_header(std::span<const std::uint8_t, kKeyFileSize> key_file_bytes,
                                                       std::span<const std::uint8_t, kSaltSize> salt,
                                                       std::uint64_t body_size,
                                                       const crypto::SecretBuffer& header_key);
// Bytes an entry takes in the archive (its header and data).
std::uint64_t entry_archive_size(std::size_t name_length, std::uint64_t data_size) noexcept;
// Derived from the master key and the header's body salt.
[[nodiscard]] crypto::SecretBuffer body_key(const crypto::SecretBuffer& master,
                                            std::span<const std::uint8_t, kSaltSize> salt);
[[nodiscard]] crypto::SecretBuffer header_key(const crypto::SecretBuffer& master,
                                              std::span<const std::uint8_t, kSaltSize> salt);
// Constant-time check of the header MAC.
[[nodiscard]] bool header_mac_ok(const Header& header, const crypto::SecretBuffer& header_key);

enum class EntryKind : std::uint8_t { database = 1, attachment = 2, manifest = 3 };

struct EntryHeader {
  EntryKind kind = EntryKind::database;
  std::string name;
  std::uint64_t size = 0;
};
// kind, name length, name, size: the bytes that precede an entry's data.
std::vector<std::uint8_t> serialize_entry_header(const EntryHeader& entry);

struct Manifest {
  std::string created_at;  // 20 characters
  std::array<std::uint8_t, kVaultIdSize> vault_id{};
  std::int64_t audit_seq = 0;
  std::uint64_t attachments = 0;
  std::uint64_t attachment_bytes = 0;
  std::array<std::uint8_t, 32> database_sha256{};
  std::array<std::uint8_t, 32> attachment_list_sha256{};
};
[[nodiscard]] expected<Manifest, BackupError> parse_manifest(std::span<const std::uint8_t> bytes);
std::array<std::uint8_t, kManifestSize> serialize_manifest(const Manifest& m);

// Reads the archive in its only accepted order: the database, attachments in
// increasing name order, the manifest, then the end of input. Errors are
// damaged (anything out of order or malformed), truncated (the source said
// so) or io_failed.
class ArchiveReader {
 public:
  explicit ArchiveReader(base::ByteSource& in) noexcept : in_(in) {}
  // The next entry; the previous one's data must have been read to its end.
  [[nodiscard]] expected<EntryHeader, BackupError> next();
  // The current entry's data; 0 at its end.
  [[nodiscard]] expected<std::size_t, BackupError> read(std::span<std::uint8_t> out);
  // After the manifest's data: the input must end here.
  [[nodiscard]] expected<void, BackupError> finish();
  std::uint64_t remaining() const noexcept { return remaining_; }

 private:
  [[nodiscard]] BackupError from_io(base::IoError e) const noexcept;
  base::ByteSource& in_;
  enum class State { want_database, want_attachment_or_manifest, after_manifest, ended } state_ = State::want_database;
  std::string last_name_;
  std::uint64_t remaining_ = 0;
};

// An entry's data as a ByteSource (for the attachment decryptor).
class EntrySource final : public base::ByteSource {
 public:
  explicit EntrySource(ArchiveReader& archive) noexcept : archive_(archive) {}
  [[nodiscard]] expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override;
  std::optional<BackupError> error() const noexcept { return error_; }

 private:
  ArchiveReader& archive_;
  std::optional<BackupError> error_;
};

}  // namespace safehold::storage::backup_format
