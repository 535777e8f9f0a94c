#pragma once
// The vault: a folder holding vault.key (the wrapped master key), vault.db (an
// SQLCipher database keyed with a subkey of the master key) and attachments/
// (encrypted files). See docs/storage.md for the layout and formats.
//
//   auto v = Vault::create(dir, passphrase, {.owner_name = "A. Worker"});
//   auto v = Vault::unlock(dir, passphrase);
//   v->records().create("case", "", fields);  v->cases().list(query);
//   v->lock();
//
// Thread safety: one operation at a time; the Vault serialises calls from
// several threads with an internal mutex. A Batch belongs to the thread that
// began it. Views (records(), cases()...) must not outlive their Vault.
// Only one process may have a vault open (an exclusive lock on the folder).
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"
#include "safehold/storage/attachments.hpp"
#include "safehold/storage/audit.hpp"
#include "safehold/storage/bundle_ledger.hpp"
#include "safehold/storage/cases.hpp"
#include "safehold/storage/consent.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/identity.hpp"
#include "safehold/storage/kdf_params.hpp"
#include "safehold/storage/key_value.hpp"
#include "safehold/storage/notices.hpp"
#include "safehold/storage/records.hpp"
#include "safehold/storage/search.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; class WriteTransaction; struct VaultAdopter; }

struct CreateOptions {
  std::string owner_name;  // the actor in the audit trail (the caseworker, not an interviewee)
  KdfParams kdf = KdfParams::interactive();
};

// Where unlock spent its time: Argon2id, and everything else (reading the key
// file, opening and checking the database, migrations, clean-up).
struct UnlockTimings {
  std::chrono::microseconds kdf{0};
  std::chrono::microseconds open{0};
};

struct IntegrityReport {
  bool database_ok = false;          // PRAGMA cipher_integrity_check and integrity_check clean
  std::size_t database_problems = 0; // lines reported (page numbers only; not returned)
  AuditVerification audit;
  std::vector<std::string> missing_attachments;  // attachment ids whose file is absent
  bool ok() const noexcept { return database_ok && audit.intact && missing_attachments.empty(); }
};

// Several writes that commit together (bundle import), or not at all. Every
// vault operation made on this thread while the Batch is open joins it.
// Destroying an uncommitted Batch rolls everything back, including the files
// of attachments imported inside it.
class Batch {
 public:
  Batch(Batch&&) noexcept;
  Batch& operator=(Batch&&) noexcept;
  ~Batch();
  [[nodiscard]] expected<void, StorageError> commit();
  void rollback() noexcept;

 private:
  friend class Vault;
  struct Impl;
  explicit Batch(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

class Vault {
 public:
  // Creates a new vault in `folder`, which must not exist or be empty (its
  // parent must exist). Errors: already_exists, kdf_params_invalid,
  // out_of_memory, io_failed, disk_full, permission_denied.
  [[nodiscard]] static expected<Vault, StorageError> create(const std::filesystem::path& folder,
                                                            const crypto::SecretBuffer& passphrase,
                                                            const CreateOptions& options);
  // Opens a vault with the Argon2id parameters its key file records. Errors:
  // not_a_vault, in_use, key_file_malformed, wrong_passphrase,
  // database_missing, database_corrupt, schema_too_new, io_failed... A failed
  // unlock changes nothing on disk.
  [[nodiscard]] static expected<Vault, StorageError> unlock(const std::filesystem::path& folder,
                                                            const crypto::SecretBuffer& passphrase);
  // True if `folder` has a vault.key (says nothing about whether it is valid).
  static bool exists_at(const std::filesystem::path& folder);

  Vault(Vault&&) noexcept;
  Vault& operator=(Vault&&) noexcept;
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;
  ~Vault();  // locks

  // Closes the database, wipes every key from memory, releases the folder.
  void lock() noexcept;
  bool is_unlocked() const noexcept;

  // Rewraps the master key under `next` (fresh salt and nonce) after checking
  // `current`; vault.key is replaced atomically and nothing else is
  // re-encrypted. The Argon2id cost is `kdf` raised to what vault.key already
  // records (passes and memory each): it is never lowered.
  // Errors: wrong_passphrase, kdf_params_invalid, io...
  [[nodiscard]] expected<void, StorageError> change_passphrase(const crypto::SecretBuffer& current,
                                                               const crypto::SecretBuffer& next,
                                                               const KdfParams& kdf);

  const std::filesystem::path& folder() const noexcept;
  std::string vault_id() const;  // 32 hex digits
  [[nodiscard]] expected<int, StorageError> schema_version();
  static int supported_schema_version();
  std::string owner_name() const;
  [[nodiscard]] expected<void, StorageError> set_owner_name(const std::string& name);
  const UnlockTimings& unlock_timings() const noexcept { return timings_; }

  RecordStore records() noexcept;
  CaseList cases() noexcept;
  ConsentService consent() noexcept;
  SearchIndex search() noexcept;
  AttachmentStore attachments() noexcept;
  AuditTrail audit() noexcept;
  KeyValueStore drafts() noexcept;    // intake drafts (GUI); not audited
  KeyValueStore settings() noexcept;  // vault settings
  IdentityStore identity() noexcept;  // the vault's age and minisign keys
  BundleLedger bundles() noexcept;    // bundles received: provenance, import steps
  NoticeStore notices() noexcept;     // withdrawal and deletion notices, issued and applied

  [[nodiscard]] expected<Batch, StorageError> begin_batch();
  // Full check: page HMACs, SQLite integrity, the audit chain, attachment
  // files present. Reads the whole database (slow on big vaults).
  [[nodiscard]] expected<IntegrityReport, StorageError> check_integrity();

 private:
  friend struct detail::VaultAdopter;  // restore and verify open a staged vault with the key they hold
  explicit Vault(std::unique_ptr<detail::VaultState> state) noexcept;
  std::unique_ptr<detail::VaultState> state_;
  UnlockTimings timings_;
};

}  // namespace safehold::storage
