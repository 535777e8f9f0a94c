// Reading a backup (schema/backup-v1.md "Verify and restore"): the header,
// then the archive front to back, checking every attachment against the
// snapshot's key rows as it streams by.
#include "backup_reader.hpp"

#include <sys/stat.h>

#include <map>
#include <vector>

#include "migrations.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/crypto/stream.hpp"
#include "safehold/storage/attachment_file.hpp"
#include "util.hpp"
#include "vault_folder.hpp"
#include "vault_keys.hpp"

namespace safehold::storage::detail {
namespace fs = std::filesystem;
namespace bf = backup_format;

namespace {

struct KeyRow {
  crypto::SecretBuffer key;
  std::uint64_t size = 0;
  Hash32 sha256{};
  bool seen = false;
};

// Passes an entry's stored bytes through, hashing them and, for restore,
// writing them to the staged attachment file.
class TeeSource final : public base::ByteSource {
 public:
  TeeSource(base::ByteSource& in, base::ByteSink* copy) noexcept : in_(in), copy_(copy) {}
  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    auto n = in_.read(out);
    if (!n || *n == 0) return n;
    hash.update(out.first(*n));
    if (copy_ != nullptr) {
      if (auto w = copy_->write(out.first(*n)); !w) {
        write_error = w.error();
        return unexpected(base::IoError::write_failed);
      }
    }
    return n;
  }
  crypto::Sha256 hash;
  std::optional<base::IoError> write_error;

 private:
  base::ByteSource& in_;
  base::ByteSink* copy_;
};

// Decrypts one stored attachment as it streams by and checks it against its
// row; returns the SHA-256 of the stored bytes (for the manifest's list).
expected<crypto::Sha256Digest, BackupFailure> check_attachment(bf::ArchiveReader& archive, const KeyRow& row,
                                                               base::ByteSink* copy) {
  bf::EntrySource entry(archive);
  TeeSource tee(entry, copy);
  auto why = [&](BackupError fallback) -> BackupFailure {
    if (entry.error()) return {*entry.error(), {}};
    if (tee.write_error) return from_io(*tee.write_error);
    return {fallback, "an attachment does not match its key or hash"};
  };
  std::array<std::uint8_t, kAttachmentHeaderSize> head{};
  auto n = tee.read_full(head);
  if (!n || *n != head.size() || !parse_attachment_header(head)) return unexpected(why(BackupError::damaged));
  crypto::StreamReader plain(row.key.span(), tee);
  crypto::Sha256 content;
  std::vector<std::uint8_t> buf(crypto::kStreamChunkSize);
  std::uint64_t count = 0;
  for (;;) {
    auto r = plain.read(buf);
    if (!r) return unexpected(why(BackupError::damaged));
    if (*r == 0) break;
    content.update(std::span<const std::uint8_t>(buf).first(*r));
    count += *r;
  }
  if (archive.remaining() != 0 || count != row.size || !crypto::equal_constant_time(content.finish(), row.sha256)) {
    return unexpected(why(BackupError::damaged));
  }
  return tee.hash.finish();
}

// Writes the database entry to `file`, durably, returning its SHA-256.
expected<crypto::Sha256Digest, BackupFailure> stage_database(bf::ArchiveReader& archive, const fs::path& file) {
  auto out = base::AtomicFileWriter::create(file, 0600, base::Publish::no_replace);
  if (!out) return unexpected(from_file(out.error()));
  crypto::Sha256 hash;
  std::vector<std::uint8_t> buf(crypto::kStreamChunkSize);
  for (;;) {
    auto n = archive.read(buf);
    if (!n) return backup_fail(n.error());
    if (*n == 0) break;
    const auto chunk = std::span<const std::uint8_t>(buf).first(*n);
    hash.update(chunk);
    if (auto w = out->write(chunk); !w) return unexpected(from_io(w.error()));
  }
  if (auto c = out->commit(); !c) return unexpected(from_file(c.error()));
  return hash.finish();
}

// Opens the staged snapshot with the key the backup's master key gives.
expected<std::unique_ptr<VaultState>, BackupFailure> open_staged(const OpenedBackup& ob, const fs::path& staging) {
  auto s = std::make_unique<VaultState>();
  s->folder = staging;
  auto fd = lock_folder(staging);
  if (!fd) return unexpected(from_storage(fd.error()));
  s->folder_fd = *fd;
  s->master_key = ob.master.clone();
  s->vault_id = ob.header.key_file.vault_id;
  s->audit_key = audit_head_key(s->master_key, s->vault_id);
  auto db = Database::open(staging / kDatabaseName, database_key(s->master_key, s->vault_id), false);
  if (!db) {
    // The bytes authenticated, so a database that does not open was damaged
    // before it was sealed (or sealed by something that is not Safehold).
    return backup_fail(db.error().code == VaultError::database_corrupt ? BackupError::damaged
                                                                       : from_storage(db.error()).code,
                       "database in the backup");
  }
  s->db = std::move(*db);
  if (auto v = check_schema_version(s->db, embedded_migrations()); !v) return unexpected(from_storage(v.error()));
  auto st = s->db.prepare("SELECT vault_id, owner_name FROM vault_info WHERE id = 1");
  if (!st) return unexpected(from_storage(st.error()));
  auto row = st->step();
  if (!row) return unexpected(from_storage(row.error()));
  if (!*row || st->text(0) != to_hex(s->vault_id)) return backup_fail(BackupError::damaged, "vault id mismatch");
  s->owner_name = st->text(1);
  st->reset();
  s->unlocked = true;
  return s;
}

expected<std::map<std::string, KeyRow>, BackupFailure> key_rows(VaultState& s) {
  std::map<std::string, KeyRow> rows;
  auto st = s.db.prepare("SELECT file_name, file_key, size, sha256 FROM attachments");
  if (!st) return unexpected(from_storage(st.error()));
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(from_storage(row.error()));
    if (!*row) break;
    const auto sha = st->blob_view(3);
    KeyRow k;
    k.key = crypto::SecretBuffer::copy_of(st->blob_view(1));
    if (k.key.size() != crypto::kStreamKeySize || sha.size() != 32 || st->integer(2) < 0) {
      return backup_fail(BackupError::damaged, "attachment row");
    }
    k.size = static_cast<std::uint64_t>(st->integer(2));
    std::copy(sha.begin(), sha.end(), k.sha256.begin());
    rows.emplace(st->text(0), std::move(k));
  }
  return rows;
}

}  // namespace

expected<OpenedBackup, BackupFailure> open_backup(const fs::path& file, const crypto::SecretBuffer& passphrase) {
  auto src = base::FileSource::open(file);
  if (!src) return unexpected(from_file(src.error()));
  std::array<std::uint8_t, bf::kHeaderSize> head{};
  auto n = src->read_full(head);
  if (!n) return unexpected(from_io(n.error()));
  auto header = bf::parse_header(std::span<const std::uint8_t>(head).first(*n));
  if (!header) return backup_fail(header.error());
  // The checksummed body size tells a cut-off file from a damaged one before
  // any key is derived (a cut inside a chunk would only fail to authenticate).
  const std::uint64_t expected_size = bf::kHeaderSize + header->body_size;
  if (header->body_size > UINT64_MAX - bf::kHeaderSize) return backup_fail(BackupError::damaged, "header");
  if (src->size() < expected_size) return backup_fail(BackupError::truncated);
  if (src->size() > expected_size) return backup_fail(BackupError::damaged, "bytes after the end");
  auto master = unwrap_master_key(header->key_file, passphrase);
  if (!master) return unexpected(from_storage(master.error()));
  if (!bf::header_mac_ok(*header, bf::header_key(*master, header->body_salt))) {
    return backup_fail(BackupError::damaged, "header");
  }
  return OpenedBackup{std::move(*header), std::move(*master), std::move(*src)};
}

expected<StagedBackup, BackupFailure> read_backup_into(OpenedBackup& ob, const fs::path& staging,
                                                       bool keep_attachments, BackupMeter& meter) {
  meter.set_bytes_total(ob.file.size());
  meter.add_bytes(bf::kHeaderSize);
  MeteredSource metered(ob.file, meter);
  crypto::StreamReader stream(bf::body_key(ob.master, ob.header.body_salt).span(), metered);
  bf::ArchiveReader archive(stream);
  auto first = archive.next();
  if (!first) return backup_fail(first.error());
  auto db_hash = stage_database(archive, staging / kDatabaseName);
  if (!db_hash) return unexpected(db_hash.error());
  auto state = open_staged(ob, staging);
  if (!state) return unexpected(state.error());
  auto rows = key_rows(**state);
  if (!rows) return unexpected(rows.error());
  meter.set_entries_total(1 + rows->size());
  meter.entry_done();

  crypto::Sha256 list;
  std::uint64_t count = 0, bytes = 0;
  for (;;) {
    auto e = archive.next();
    if (!e) return backup_fail(e.error());
    if (e->kind == bf::EntryKind::manifest) break;
    auto row = rows->find(e->name);
    if (row == rows->end()) return backup_fail(BackupError::damaged, "an attachment without a key row");
    std::optional<base::AtomicFileWriter> copy;
    if (keep_attachments) {
      auto w = base::AtomicFileWriter::create(staging / kAttachmentsDir / e->name, 0600, base::Publish::no_replace);
      if (!w) return unexpected(from_file(w.error()));
      copy.emplace(std::move(*w));
    }
    auto h = check_attachment(archive, row->second, copy ? &*copy : nullptr);
    if (!h) return unexpected(h.error());
    if (copy) {
      if (auto c = copy->commit(); !c) return unexpected(from_file(c.error()));
    }
    row->second.seen = true;
    meter.entry_done();
    add_to_attachment_list(list, e->name, e->size, *h);
    ++count;
    bytes += e->size;
  }
  std::array<std::uint8_t, bf::kManifestSize> raw{};
  bf::EntrySource manifest_source(archive);
  auto n = manifest_source.read_full(raw);
  if (!n) return backup_fail(manifest_source.error().value_or(BackupError::damaged));
  auto manifest = bf::parse_manifest(std::span<const std::uint8_t>(raw).first(*n));
  if (!manifest) return backup_fail(manifest.error(), "manifest");
  if (auto f = archive.finish(); !f) return backup_fail(f.error());

  for (const auto& [name, row] : *rows) {
    if (!row.seen) return backup_fail(BackupError::damaged, "an attachment is missing from the backup");
  }
  if (manifest->vault_id != ob.header.key_file.vault_id || manifest->attachments != count ||
      manifest->attachment_bytes != bytes || !crypto::digests_equal(manifest->database_sha256, *db_hash) ||
      !crypto::digests_equal(manifest->attachment_list_sha256, list.finish())) {
    return backup_fail(BackupError::damaged, "manifest does not match the content");
  }
  StagedBackup out;
  out.state = std::move(*state);
  out.summary.created_at = manifest->created_at;
  out.summary.vault_id = to_hex(manifest->vault_id);
  out.summary.audit_seq = manifest->audit_seq;
  out.summary.attachments = count;
  out.summary.attachment_bytes = bytes;
  std::error_code ec;
  out.summary.database_bytes = fs::file_size(staging / kDatabaseName, ec);
  return out;
}

}  // namespace safehold::storage::detail
