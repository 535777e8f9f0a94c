#pragma once
// Internal: what the backup writer, reader and wipe share.
#include <filesystem>
#include <memory>

#include "safehold/base/file_io.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/storage/backup.hpp"
#include "safehold/storage/vault.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

inline unexpected<BackupFailure> backup_fail(BackupError code, std::string detail = {}) {
  return unexpected<BackupFailure>(BackupFailure{code, std::move(detail)});
}
BackupFailure from_storage(const StorageError& e);
BackupFailure from_file(base::FileError e);
BackupFailure from_io(base::IoError e);

// Adds one attachment to the manifest's list digest: name, size (8 bytes
// big-endian), SHA-256 of the stored bytes.
void add_to_attachment_list(crypto::Sha256& list, std::string_view name, std::uint64_t size,
                            const crypto::Sha256Digest& stored_sha256);

// A hidden name beside `path`: ".<file name>.<tag>-<16 hex>".
std::filesystem::path sibling_temp(const std::filesystem::path& path, std::string_view tag);
// Removes a staging folder this process made (it only ever holds ciphertext).
void remove_staging(const std::filesystem::path& dir) noexcept;

// Progress and cancel for one backup or verify (BackupHooks): counts the
// bytes of the backup file that pass through a MeteredSink/MeteredSource and
// fails the next read or write with IoError::cancelled once the caller asks
// to stop. The layers above turn that into whatever error they report, so
// the public function checks cancelled() and reports BackupError::cancelled.
class BackupMeter {
 public:
  explicit BackupMeter(const BackupHooks& hooks) noexcept : hooks_(hooks) {}
  void set_bytes_total(std::uint64_t total) { p_.bytes_total = total; report(); }
  void set_entries_total(std::uint64_t total) { p_.entries_total = total; report(); }
  void entry_done() { ++p_.entries_done; report(); }
  void add_bytes(std::uint64_t n) { p_.bytes_done += n; report(); }
  // True from the first time the caller asked to stop.
  [[nodiscard]] bool stop() {
    if (!cancelled_ && hooks_.cancel_requested && hooks_.cancel_requested()) cancelled_ = true;
    return cancelled_;
  }
  [[nodiscard]] bool cancelled() const noexcept { return cancelled_; }

 private:
  void report() {
    if (hooks_.progress) hooks_.progress(p_);
  }
  const BackupHooks& hooks_;
  BackupProgress p_;
  bool cancelled_ = false;
};

class MeteredSink final : public base::ByteSink {
 public:
  MeteredSink(base::ByteSink& out, BackupMeter& meter) noexcept : out_(out), meter_(meter) {}
  expected<void, base::IoError> write(std::span<const std::uint8_t> data) override {
    if (meter_.stop()) return unexpected(base::IoError::cancelled);
    auto w = out_.write(data);
    if (w) meter_.add_bytes(data.size());
    return w;
  }

 private:
  base::ByteSink& out_;
  BackupMeter& meter_;
};

class MeteredSource final : public base::ByteSource {
 public:
  MeteredSource(base::ByteSource& in, BackupMeter& meter) noexcept : in_(in), meter_(meter) {}
  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    if (meter_.stop()) return unexpected(base::IoError::cancelled);
    auto n = in_.read(out);
    if (n) meter_.add_bytes(*n);
    return n;
  }

 private:
  base::ByteSource& in_;
  BackupMeter& meter_;
};

// Makes a Vault of a state that the caller filled (restore and verify hold
// the master key already; a second Argon2id run would add nothing).
struct VaultAdopter {
  static Vault adopt(std::unique_ptr<VaultState> state) { return Vault(std::move(state)); }
};

}  // namespace safehold::storage::detail
