// IdentityStore: the vault's age and minisign keys (docs/storage.md "Identity").
#include "safehold/storage/identity.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "attachment_io.hpp"
#include "audit_log.hpp"
#include "identity_rows.hpp"
#include "safehold/base/file_io.hpp"
#include "util.hpp"

namespace safehold::storage {
namespace fs = std::filesystem;
using detail::VaultAccess;
using detail::VaultState;

namespace {

struct StoredIdentity {
  crypto::SecretBuffer age_identity;  // "AGE-SECRET-KEY-1…"
  crypto::minisign::KeyId key_id{};
  crypto::SecretBuffer minisign_secret;  // 64 bytes, libsodium layout
  std::string created_at;
};

StorageError corrupt() { return make_error(VaultError::database_corrupt, "vault identity keys do not load"); }

expected<std::optional<StoredIdentity>, StorageError> load(VaultState& s) {
  auto st = s.db.prepare(
      "SELECT age_identity, minisign_key_id, minisign_secret_key, created_at FROM identity WHERE id = 1");
  if (!st) return unexpected(st.error());
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<StoredIdentity>();
  StoredIdentity out;
  out.age_identity = crypto::SecretBuffer::copy_of(st->blob_view(0));
  const auto id = st->blob_view(1);
  if (id.size() != out.key_id.size()) return unexpected(corrupt());
  std::copy(id.begin(), id.end(), out.key_id.begin());
  out.minisign_secret = crypto::SecretBuffer::copy_of(st->blob_view(2));
  out.created_at = st->text(3);
  return std::optional<StoredIdentity>(std::move(out));
}

expected<StoredIdentity, StorageError> load_existing(VaultState& s) {
  auto stored = load(s);
  if (!stored) return unexpected(stored.error());
  if (!*stored) return unexpected(make_error(VaultError::not_found, "the vault has no identity"));
  return std::move(**stored);
}

expected<age::X25519Identity, StorageError> age_of(const StoredIdentity& id) {
  auto parsed = age::X25519Identity::parse(id.age_identity.view());
  if (!parsed) return unexpected(corrupt());
  return std::move(*parsed);
}

expected<crypto::minisign::SecretKey, StorageError> minisign_of(const StoredIdentity& id) {
  auto key = crypto::minisign::SecretKey::from_bytes(id.key_id, id.minisign_secret.span());
  if (!key) return unexpected(corrupt());
  return std::move(*key);
}

}  // namespace

expected<void, StorageError> detail::ensure_identity(VaultState& s) {
  auto existing = load(s);
  if (!existing) return unexpected(existing.error());
  if (*existing) return {};
  auto tx = WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  const auto age_id = age::X25519Identity::generate();
  const auto sign = crypto::minisign::SecretKey::generate();
  const auto age_text = age_id.encode();
  auto st = s.db.prepare(
      "INSERT INTO identity (id, age_identity, minisign_key_id, minisign_secret_key, created_at) "
      "VALUES (1, ?1, ?2, ?3, ?4)");
  if (!st) return unexpected(st.error());
  st->bind_blob(1, age_text.span()).bind_blob(2, sign.key_id()).bind_blob(3, sign.secret_bytes().span());
  st->bind(4, utc_now());
  if (auto r = st->run(); !r) return r;
  const std::string key_line = sign.public_key().key_line();
  AuditEvent ev{AuditAction::identity_created, "vault", to_hex(s.vault_id), "", "",
                crypto::minisign::key_id_hex(sign.key_id()), sha256(key_line)};
  if (auto e = append_audit(s, ev); !e) return unexpected(e.error());
  return tx->commit();
}

expected<IdentityInfo, StorageError> IdentityStore::info() {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto stored = load_existing(a.state());
  if (!stored) return unexpected(stored.error());
  auto age_id = age_of(*stored);
  if (!age_id) return unexpected(age_id.error());
  auto sign = minisign_of(*stored);
  if (!sign) return unexpected(sign.error());
  const auto pub = sign->public_key();
  return IdentityInfo{a.state().owner_name, age_id->recipient().encode(), pub.key_line(),
                      crypto::minisign::key_id_hex(pub.key_id()), stored->created_at};
}

expected<age::X25519Identity, StorageError> IdentityStore::age_identity() {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto stored = load_existing(a.state());
  if (!stored) return unexpected(stored.error());
  return age_of(*stored);
}

expected<crypto::minisign::SecretKey, StorageError> IdentityStore::signing_key() {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto stored = load_existing(a.state());
  if (!stored) return unexpected(stored.error());
  return minisign_of(*stored);
}

expected<void, StorageError> IdentityStore::export_age_identity(const fs::path& destination) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  std::error_code ec;
  if (fs::symlink_status(destination, ec).type() != fs::file_type::not_found) {
    return unexpected(make_error(VaultError::already_exists, "the output file exists"));
  }
  auto stored = load_existing(s);
  if (!stored) return unexpected(stored.error());
  auto age_id = age_of(*stored);
  if (!age_id) return unexpected(age_id.error());
  const std::string head =
      "# created: " + stored->created_at + "\n# public key: " + age_id->recipient().encode() + "\n";
  // The whole file is secret: it is assembled in guarded memory only.
  crypto::SecretBuffer text(head.size() + stored->age_identity.size() + 1);
  std::memcpy(text.data(), head.data(), head.size());
  std::memcpy(text.data() + head.size(), stored->age_identity.data(), stored->age_identity.size());
  text.data()[text.size() - 1] = '\n';
  auto out = base::AtomicFileWriter::create(destination, 0600, base::Publish::no_replace);
  if (!out) return unexpected(detail::from_file_error(out.error()));
  if (auto w = out->write(text.span()); !w) return unexpected(detail::from_io_error(w.error()));
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  detail::AuditEvent ev{AuditAction::identity_exported, "vault", detail::to_hex(s.vault_id), "", "", "",
                        detail::sha256(age_id->recipient().encode())};
  if (auto e = detail::append_audit(s, ev); !e) return unexpected(e.error());
  // Published only together with its audit entry.
  if (auto c = out->commit(); !c) return unexpected(detail::from_file_error(c.error()));
  if (auto c = tx->commit(); !c) {
    ::unlink(destination.c_str());
    return c;
  }
  return {};
}

}  // namespace safehold::storage
