// The bytes of a backup file (schema/backup-v1.md).
#include "safehold/storage/backup_format.hpp"

#include <algorithm>
#include <cstring>

#include "safehold/crypto/hkdf.hpp"
#include "safehold/crypto/sha256.hpp"
#include "vault_folder.hpp"

namespace safehold::storage::backup_format {
namespace {

constexpr std::uint8_t kMagic[8] = {'S', 'H', 'B', 'A', 'C', 'K', 'U', 'P'};
constexpr std::uint16_t kVersion = 1;
constexpr std::size_t kKeyFileOffset = 12;
constexpr std::size_t kSaltOffset = kKeyFileOffset + kKeyFileSize;  // 144
constexpr std::size_t kBodySizeOffset = kSaltOffset + kSaltSize;      // 176
constexpr std::size_t kMaxNameLength = 32;

std::uint64_t load_be(const std::uint8_t* p, std::size_t n) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

void store_be(std::uint8_t* p, std::size_t n, std::uint64_t v) noexcept {
  for (std::size_t i = n; i-- > 0;) {
    p[i] = static_cast<std::uint8_t>(v & 0xff);
    v >>= 8;
  }
}

bool name_fits(EntryKind kind, std::string_view name) {
  switch (kind) {
    case EntryKind::database: return name == "vault.db";
    case EntryKind::attachment: return detail::is_attachment_file_name(name);
    case EntryKind::manifest: return name == "manifest";
  }
  return false;
}

bool is_utc_timestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SSZ, digits where digits go.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (s.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (kShape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != kShape[i]) return false;
  }
  return true;
}

}  // namespace

expected<Header, BackupError> parse_header(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    // A file shorter than the magic that starts like one is a cut-off backup.
    const std::size_t n = std::min(bytes.size(), sizeof kMagic);
    const bool prefix = std::memcmp(bytes.data(), kMagic, n) == 0;
    return unexpected(bytes.size() < sizeof kMagic && prefix ? BackupError::truncated : BackupError::not_a_backup);
  }
  if (bytes.size() < kHeaderSize) return unexpected(BackupError::truncated);
  if (load_be(bytes.data() + 8, 2) != kVersion) return unexpected(BackupError::unsupported_version);
  if (load_be(bytes.data() + 10, 2) != 0) return unexpected(BackupError::damaged);
  const auto digest = crypto::sha256_of(bytes.first(kChecksummedSize));
  crypto::Sha256Digest stored{};
  std::memcpy(stored.data(), bytes.data() + kChecksummedSize, stored.size());
  if (!crypto::digests_equal(digest, stored)) return unexpected(BackupError::damaged);
  auto key_file = parse_key_file(bytes.subspan(kKeyFileOffset, kKeyFileSize));
  if (!key_file) return unexpected(BackupError::damaged);
  Header h;
  h.key_file = *key_file;
  std::copy_n(bytes.data() + kKeyFileOffset, kKeyFileSize, h.key_file_bytes.begin());
  std::copy_n(bytes.data() + kSaltOffset, kSaltSize, h.body_salt.begin());
  h.body_size = load_be(bytes.data() + kBodySizeOffset, 8);
  std::copy_n(bytes.data() + kMacCoveredSize, h.mac.size(), h.mac.begin());
  std::copy_n(bytes.data(), kHeaderSize, h.raw.begin());
  return h;
}

std::array<std::uint8_t, kHeaderSize> serialize_header(std::span<const std::uint8_t, kKeyFileSize> key_file_bytes,
                                                       std::span<const std::uint8_t, kSaltSize> salt,
                                                       std::uint64_t body_size,
                                                       const crypto::SecretBuffer& header_key) {
  std::array<std::uint8_t, kHeaderSize> out{};
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  store_be(out.data() + 8, 2, kVersion);
  std::copy(key_file_bytes.begin(), key_file_bytes.end(), out.begin() + kKeyFileOffset);
  std::copy(salt.begin(), salt.end(), out.begin() + kSaltOffset);
  store_be(out.data() + kBodySizeOffset, 8, body_size);
  const auto digest = crypto::sha256_of(std::span<const std::uint8_t>(out).first(kChecksummedSize));
  std::copy(digest.begin(), digest.end(), out.begin() + kChecksummedSize);
  crypto::hmac_sha256(header_key.span(), std::span<const std::uint8_t>(out).first(kMacCoveredSize),
                      std::span<std::uint8_t, 32>(out.data() + kMacCoveredSize, 32));
  return out;
}

crypto::SecretBuffer body_key(const crypto::SecretBuffer& master, std::span<const std::uint8_t, kSaltSize> salt) {
  return crypto::hkdf_sha256(master.span(), salt, "safehold/backup/v1/body", 32);
}

crypto::SecretBuffer header_key(const crypto::SecretBuffer& master, std::span<const std::uint8_t, kSaltSize> salt) {
  return crypto::hkdf_sha256(master.span(), salt, "safehold/backup/v1/header-mac", 32);
}

bool header_mac_ok(const Header& header, const crypto::SecretBuffer& key) {
  std::array<std::uint8_t, 32> want{};
  crypto::hmac_sha256(key.span(), std::span<const std::uint8_t>(header.raw).first(kMacCoveredSize), want);
  return crypto::equal_constant_time(want, header.mac);
}

std::uint64_t entry_archive_size(std::size_t name_length, std::uint64_t data_size) noexcept {
  return 2 + name_length + 8 + data_size;
}

std::vector<std::uint8_t> serialize_entry_header(const EntryHeader& entry) {
  std::vector<std::uint8_t> out(2 + entry.name.size() + 8);
  out[0] = static_cast<std::uint8_t>(entry.kind);
  out[1] = static_cast<std::uint8_t>(entry.name.size());
  std::memcpy(out.data() + 2, entry.name.data(), entry.name.size());
  store_be(out.data() + 2 + entry.name.size(), 8, entry.size);
  return out;
}

expected<Manifest, BackupError> parse_manifest(std::span<const std::uint8_t> b) {
  if (b.size() != kManifestSize) return unexpected(BackupError::damaged);
  Manifest m;
  m.created_at.assign(reinterpret_cast<const char*>(b.data()), 20);
  if (!is_utc_timestamp(m.created_at)) return unexpected(BackupError::damaged);
  std::copy_n(b.data() + 20, kVaultIdSize, m.vault_id.begin());
  const std::uint64_t seq = load_be(b.data() + 36, 8);
  if (seq > static_cast<std::uint64_t>(INT64_MAX)) return unexpected(BackupError::damaged);
  m.audit_seq = static_cast<std::int64_t>(seq);
  m.attachments = load_be(b.data() + 44, 8);
  m.attachment_bytes = load_be(b.data() + 52, 8);
  std::copy_n(b.data() + 60, 32, m.database_sha256.begin());
  std::copy_n(b.data() + 92, 32, m.attachment_list_sha256.begin());
  return m;
}

std::array<std::uint8_t, kManifestSize> serialize_manifest(const Manifest& m) {
  std::array<std::uint8_t, kManifestSize> out{};
  std::memcpy(out.data(), m.created_at.data(), std::min<std::size_t>(m.created_at.size(), 20));
  std::copy(m.vault_id.begin(), m.vault_id.end(), out.begin() + 20);
  store_be(out.data() + 36, 8, static_cast<std::uint64_t>(m.audit_seq));
  store_be(out.data() + 44, 8, m.attachments);
  store_be(out.data() + 52, 8, m.attachment_bytes);
  std::copy(m.database_sha256.begin(), m.database_sha256.end(), out.begin() + 60);
  std::copy(m.attachment_list_sha256.begin(), m.attachment_list_sha256.end(), out.begin() + 92);
  return out;
}

// ---- ArchiveReader ----------------------------------------------------------

BackupError ArchiveReader::from_io(base::IoError e) const noexcept {
  switch (e) {
    case base::IoError::truncated: return BackupError::truncated;
    case base::IoError::corrupt:
    case base::IoError::too_large: return BackupError::damaged;
    default: return BackupError::io_failed;
  }
}

expected<EntryHeader, BackupError> ArchiveReader::next() {
  if (remaining_ != 0 || state_ == State::after_manifest || state_ == State::ended) {
    return unexpected(BackupError::damaged);
  }
  std::uint8_t head[2];
  auto n = in_.read_full(head);
  if (!n) return unexpected(from_io(n.error()));
  // The STREAM ended cleanly but the archive is incomplete: not a cut-off
  // file (STREAM would say so) but a malformed archive.
  if (*n != sizeof head) return unexpected(BackupError::damaged);
  EntryHeader e;
  if (head[0] < 1 || head[0] > 3 || head[1] == 0 || head[1] > kMaxNameLength) return unexpected(BackupError::damaged);
  e.kind = static_cast<EntryKind>(head[0]);
  std::uint8_t rest[kMaxNameLength + 8];
  const std::size_t want = std::size_t{head[1]} + 8;
  n = in_.read_full(std::span<std::uint8_t>(rest, want));
  if (!n) return unexpected(from_io(n.error()));
  if (*n != want) return unexpected(BackupError::damaged);
  e.name.assign(reinterpret_cast<const char*>(rest), head[1]);
  e.size = load_be(rest + head[1], 8);
  if (!name_fits(e.kind, e.name)) return unexpected(BackupError::damaged);

  switch (e.kind) {
    case EntryKind::database:
      if (state_ != State::want_database || e.size > kMaxDatabaseSize) return unexpected(BackupError::damaged);
      state_ = State::want_attachment_or_manifest;
      break;
    case EntryKind::attachment:
      if (state_ != State::want_attachment_or_manifest || e.size > kMaxAttachmentSize ||
          (!last_name_.empty() && e.name <= last_name_)) {
        return unexpected(BackupError::damaged);
      }
      last_name_ = e.name;
      break;
    case EntryKind::manifest:
      if (state_ != State::want_attachment_or_manifest || e.size != kManifestSize) {
        return unexpected(BackupError::damaged);
      }
      state_ = State::after_manifest;
      break;
  }
  remaining_ = e.size;
  return e;
}

expected<std::size_t, BackupError> ArchiveReader::read(std::span<std::uint8_t> out) {
  if (remaining_ == 0 || out.empty()) return std::size_t{0};
  const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), remaining_));
  auto n = in_.read(out.first(want));
  if (!n) return unexpected(from_io(n.error()));
  if (*n == 0) return unexpected(BackupError::damaged);  // clean end inside an entry
  remaining_ -= *n;
  return *n;
}

expected<void, BackupError> ArchiveReader::finish() {
  if (state_ != State::after_manifest || remaining_ != 0) return unexpected(BackupError::damaged);
  std::uint8_t probe[1];
  auto n = in_.read(probe);
  if (!n) return unexpected(from_io(n.error()));
  if (*n != 0) return unexpected(BackupError::damaged);
  state_ = State::ended;
  return {};
}

expected<std::size_t, base::IoError> EntrySource::read(std::span<std::uint8_t> out) {
  auto n = archive_.read(out);
  if (!n) {
    error_ = n.error();
    return unexpected(n.error() == BackupError::truncated ? base::IoError::truncated
                      : n.error() == BackupError::damaged ? base::IoError::corrupt
                                                          : base::IoError::read_failed);
  }
  return *n;
}

}  // namespace safehold::storage::backup_format
