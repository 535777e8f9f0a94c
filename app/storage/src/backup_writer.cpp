// write_backup: a consistent snapshot of a vault, possibly open in another
// process, as one encrypted file (schema/backup-v1.md).
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "backup_internal.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/crypto/stream.hpp"
#include "safehold/storage/backup_format.hpp"
#include "util.hpp"
#include "vault_folder.hpp"
#include "vault_keys.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
namespace bf = backup_format;
using detail::backup_fail;

namespace {

struct Snapshot {
  fs::path database;                        // temporary SQLCipher file, same key as vault.db
  std::vector<std::string> attachment_files;  // sorted
  std::vector<std::uint64_t> attachment_sizes;  // as listed; a file that then differs changed under us
  std::int64_t audit_seq = 0;
};

// Removes the temporary snapshot and its SQLite side files on every path out.
struct SnapshotFiles {
  fs::path file;
  ~SnapshotFiles() {
    if (file.empty()) return;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((file.string() + suffix).c_str());
  }
};

expected<void, BackupFailure> read_snapshot_rows(detail::Database& src, const std::string& vault_id_hex,
                                                 Snapshot& snap) {
  auto info = src.prepare("SELECT vault_id FROM vault_info WHERE id = 1");
  if (!info) return unexpected(detail::from_storage(info.error()));
  auto row = info->step();
  if (!row) return unexpected(detail::from_storage(row.error()));
  if (!*row || info->text(0) != vault_id_hex) return backup_fail(BackupError::vault_damaged, "vault id mismatch");
  info->reset();
  auto head = src.prepare("SELECT seq FROM audit_head WHERE id = 1");
  if (!head) return unexpected(detail::from_storage(head.error()));
  row = head->step();
  if (!row) return unexpected(detail::from_storage(row.error()));
  if (!*row) return backup_fail(BackupError::vault_damaged, "audit head missing");
  snap.audit_seq = head->integer(0);
  head->reset();
  auto files = src.prepare("SELECT file_name FROM attachments ORDER BY file_name");
  if (!files) return unexpected(detail::from_storage(files.error()));
  auto names = files->all_text(0);
  if (!names) return unexpected(detail::from_storage(names.error()));
  snap.attachment_files = std::move(*names);
  return {};
}

// One read transaction on a connection of our own: the online backup API
// copies the database as of that transaction's start (one step: no restart
// when the other process writes), and the attachment rows and audit head are
// read from the same snapshot.
expected<Snapshot, BackupFailure> take_snapshot(const fs::path& vault_folder, const crypto::SecretBuffer& db_key,
                                                const std::string& vault_id_hex, const fs::path& temp) {
  Snapshot snap;
  auto src = detail::Database::open(vault_folder / detail::kDatabaseName, db_key, false);
  if (!src) {
    return backup_fail(src.error().code == VaultError::database_missing ? BackupError::vault_damaged
                                                                         : detail::from_storage(src.error()).code,
                       src.error().detail);
  }
  if (auto r = src->exec("BEGIN"); !r) return unexpected(detail::from_storage(r.error()));
  if (auto r = read_snapshot_rows(*src, vault_id_hex, snap); !r) return unexpected(r.error());

  if (auto f = detail::create_private_file(temp); !f) return unexpected(detail::from_storage(f.error()));
  auto dst = detail::Database::open(temp, db_key, true);
  if (!dst) return unexpected(detail::from_storage(dst.error()));
  sqlite3_backup* b = sqlite3_backup_init(dst->handle(), "main", src->handle(), "main");
  if (b == nullptr) return backup_fail(BackupError::io_failed, "sqlite backup init");
  const int rc = sqlite3_backup_step(b, -1);
  const int fin = sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE || fin != SQLITE_OK) {
    return unexpected(detail::from_storage(detail::sqlite_error(rc != SQLITE_DONE ? rc : fin)));
  }
  (void)src->exec("COMMIT");
  src->close();
  // Fold the snapshot's WAL into its main file, so one file is the snapshot.
  if (auto r = dst->exec("PRAGMA wal_checkpoint(TRUNCATE)"); !r) return unexpected(detail::from_storage(r.error()));
  dst->allow_checkpoint_on_close();
  dst->close();
  snap.database = temp;
  return snap;
}

// Copies one file as an archive entry, hashing what it writes. The size is
// taken at open; a file that is then longer or shorter changed under us.
expected<crypto::Sha256Digest, BackupFailure> copy_entry(base::ByteSink& out, bf::EntryKind kind,
                                                         const std::string& name, const fs::path& file,
                                                         std::uint64_t size) {
  auto src = base::FileSource::open(file);
  if (!src) {
    if (src.error() == base::FileError::not_found && kind == bf::EntryKind::attachment) {
      return backup_fail(BackupError::vault_changed, "an attachment was deleted while the backup ran");
    }
    return unexpected(detail::from_file(src.error()));
  }
  if (src->size() != size) return backup_fail(BackupError::vault_changed, "a file changed while the backup ran");
  const auto head = bf::serialize_entry_header({kind, name, size});
  if (auto w = out.write(head); !w) return unexpected(detail::from_io(w.error()));
  crypto::Sha256 hash;
  std::vector<std::uint8_t> buf(crypto::kStreamChunkSize);
  std::uint64_t done = 0;
  for (;;) {
    auto n = src->read(buf);
    if (!n) return unexpected(detail::from_io(n.error()));
    if (*n == 0) break;
    if (done + *n > size) return backup_fail(BackupError::vault_changed, "a file grew while the backup ran");
    const auto chunk = std::span<const std::uint8_t>(buf).first(*n);
    hash.update(chunk);
    if (auto w = out.write(chunk); !w) return unexpected(detail::from_io(w.error()));
    done += *n;
  }
  if (done != size) return backup_fail(BackupError::vault_changed, "a file shrank while the backup ran");
  return hash.finish();
}

expected<BackupSummary, BackupFailure> write_metered(const fs::path& vault_folder,
                                                     const crypto::SecretBuffer& passphrase, const fs::path& output,
                                                     base::Publish publish, detail::BackupMeter& meter) {
  if (!Vault::exists_at(vault_folder)) return backup_fail(BackupError::not_found, "no vault in that folder");
  auto raw = base::read_small_file(vault_folder / detail::kKeyFileName, 4096);
  if (!raw) return unexpected(detail::from_file(raw.error()));
  auto key_file = parse_key_file(*raw);
  if (!key_file) return backup_fail(BackupError::vault_damaged, describe(key_file.error()));
  auto master = unwrap_master_key(*key_file, passphrase);
  if (!master) return unexpected(detail::from_storage(master.error()));
  if (meter.stop()) return backup_fail(BackupError::cancelled);
  const std::string vault_id_hex = detail::to_hex(key_file->vault_id);

  auto out = base::AtomicFileWriter::create(output, 0600, publish);
  if (!out) return unexpected(detail::from_file(out.error()));
  SnapshotFiles temp{detail::sibling_temp(output, "snapshot")};
  auto snap = take_snapshot(vault_folder, detail::database_key(*master, key_file->vault_id), vault_id_hex, temp.file);
  if (!snap) return unexpected(snap.error());

  // Every size is known now, so the header can state the body's: a reader
  // then tells a cut-off file from a damaged one.
  std::error_code ec;
  const std::uint64_t db_size = fs::file_size(snap->database, ec);
  if (ec) return backup_fail(BackupError::io_failed, "snapshot size");
  std::uint64_t plain = bf::entry_archive_size(8, db_size) + bf::entry_archive_size(8, bf::kManifestSize);
  for (std::size_t i = 0; i < snap->attachment_files.size(); ++i) {
    const auto size = fs::file_size(vault_folder / detail::kAttachmentsDir / snap->attachment_files[i], ec);
    if (ec) return backup_fail(BackupError::vault_changed, "an attachment was deleted while the backup ran");
    snap->attachment_sizes.push_back(size);
    plain += bf::entry_archive_size(32, size);
  }
  std::array<std::uint8_t, bf::kSaltSize> salt{};
  crypto::fill_random(salt);
  const auto header = bf::serialize_header(std::span<const std::uint8_t, kKeyFileSize>(raw->data(), kKeyFileSize),
                                           salt, crypto::stream_sealed_size(plain), bf::header_key(*master, salt));
  meter.set_bytes_total(header.size() + crypto::stream_sealed_size(plain));
  meter.set_entries_total(1 + snap->attachment_files.size());
  detail::MeteredSink sink(*out, meter);
  if (auto w = sink.write(header); !w) return unexpected(detail::from_io(w.error()));
  crypto::StreamWriter stream(bf::body_key(*master, salt).span(), sink);
  BackupSummary summary;
  bf::Manifest manifest;
  manifest.created_at = detail::utc_now();
  manifest.vault_id = key_file->vault_id;
  manifest.audit_seq = snap->audit_seq;
  auto db_hash = copy_entry(stream, bf::EntryKind::database, "vault.db", snap->database, db_size);
  if (!db_hash) return unexpected(db_hash.error());
  manifest.database_sha256 = *db_hash;
  summary.database_bytes = db_size;
  meter.entry_done();

  crypto::Sha256 list;
  for (std::size_t i = 0; i < snap->attachment_files.size(); ++i) {
    const auto& name = snap->attachment_files[i];
    const auto size = snap->attachment_sizes[i];
    auto h = copy_entry(stream, bf::EntryKind::attachment, name, vault_folder / detail::kAttachmentsDir / name, size);
    if (!h) return unexpected(h.error());
    detail::add_to_attachment_list(list, name, size, *h);
    meter.entry_done();
    ++manifest.attachments;
    manifest.attachment_bytes += size;
  }
  manifest.attachment_list_sha256 = list.finish();
  const auto m = bf::serialize_manifest(manifest);
  if (auto w = stream.write(bf::serialize_entry_header({bf::EntryKind::manifest, "manifest", m.size()})); !w) {
    return unexpected(detail::from_io(w.error()));
  }
  if (auto w = stream.write(m); !w) return unexpected(detail::from_io(w.error()));
  if (auto f = stream.finish(); !f) return unexpected(detail::from_io(f.error()));
  if (auto c = out->commit(); !c) return unexpected(detail::from_file(c.error()));

  summary.created_at = manifest.created_at;
  summary.vault_id = vault_id_hex;
  summary.audit_seq = manifest.audit_seq;
  summary.attachments = manifest.attachments;
  summary.attachment_bytes = manifest.attachment_bytes;
  return summary;
}

}  // namespace

expected<BackupSummary, BackupFailure> write_backup(const fs::path& vault_folder, const crypto::SecretBuffer& passphrase,
                                                    const fs::path& output, base::Publish publish,
                                                    const BackupHooks& hooks) {
  detail::BackupMeter meter(hooks);
  auto r = write_metered(vault_folder, passphrase, output, publish, meter);
  // The writer's temporary and the snapshot are gone by now (their owners'
  // destructors ran); whatever error the cancel caused, say it was a cancel.
  if (!r && meter.cancelled()) return backup_fail(BackupError::cancelled);
  return r;
}

}  // namespace safehold::storage
