// BundleLedger: the imported_bundles, record_provenance and
// bundle_audit_excerpts tables (docs/storage.md "Bundles received").
#include "safehold/storage/bundle_ledger.hpp"

#include <algorithm>

#include "bundle_ledger_rows.hpp"
#include "util.hpp"

namespace safehold::storage {
using detail::VaultAccess;
using detail::VaultState;

namespace detail {

namespace {

// The imported_bundles columns in read_bundle order (BundleLedger::provenance
// spells them out with a table prefix: keep the two in step).
constexpr const char* kBundleColumns =
    "bundle_id, created, signer_key, signer_key_id, sender_contact_id, sender_name, imported_at, unverified, "
    "sums_sha256, cases, records_written, attachments";

ImportedBundle read_bundle(const Statement& st, int first) {
  ImportedBundle b;
  b.bundle_id = st.text(first);
  b.created = st.text(first + 1);
  b.signer_key = st.text(first + 2);
  b.signer_key_id = st.text(first + 3);
  b.sender_contact_id = st.text(first + 4);
  b.sender_name = st.text(first + 5);
  b.imported_at = st.text(first + 6);
  b.unverified = st.integer(first + 7) != 0;
  const auto sums = st.blob_view(first + 8);
  if (sums.size() == b.sums_sha256.size()) std::copy(sums.begin(), sums.end(), b.sums_sha256.begin());
  b.cases = st.integer(first + 9);
  b.records_written = st.integer(first + 10);
  b.attachments = st.integer(first + 11);
  return b;
}

}  // namespace

expected<void, StorageError> require_batch(VaultState& s) {
  if (s.tx_depth == 0) return unexpected(make_error(VaultError::invalid_argument, "bundle import outside a batch"));
  return {};
}

expected<std::optional<ImportedBundle>, StorageError> find_imported_bundle(VaultState& s, std::string_view signer_key,
                                                                         std::string_view bundle_id) {
  auto st = s.db.prepare(std::string("SELECT ") + kBundleColumns +
                         " FROM imported_bundles WHERE signer_key = ?1 AND bundle_id = ?2");
  if (!st) return unexpected(st.error());
  st->bind(1, signer_key).bind(2, bundle_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<ImportedBundle>();
  return std::optional<ImportedBundle>(read_bundle(*st, 0));
}

expected<void, StorageError> set_provenance(VaultState& s, std::string_view record_id, std::string_view bundle_id,
                                            std::string_view signer_key) {
  auto st = s.db.prepare(
      "INSERT INTO record_provenance (record_id, bundle_id, first_bundle_id, signer_key, first_signer_key) "
      "VALUES (?1, ?2, ?2, ?3, ?3) "
      "ON CONFLICT (record_id) DO UPDATE SET bundle_id = excluded.bundle_id, signer_key = excluded.signer_key");
  if (!st) return unexpected(st.error());
  st->bind(1, record_id).bind(2, bundle_id).bind(3, signer_key);
  return st->run();
}

}  // namespace detail

expected<std::optional<ImportedBundle>, StorageError> BundleLedger::find(std::string_view signer_key,
                                                                        std::string_view bundle_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::find_imported_bundle(a.state(), signer_key, bundle_id);
}

expected<std::vector<ImportedBundle>, StorageError> BundleLedger::list() {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(std::string("SELECT ") + detail::kBundleColumns +
                                 " FROM imported_bundles ORDER BY imported_at DESC, bundle_id");
  if (!st) return unexpected(st.error());
  std::vector<ImportedBundle> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    out.push_back(detail::read_bundle(*st, 0));
  }
  return out;
}

expected<std::optional<RecordProvenance>, StorageError> BundleLedger::provenance(std::string_view record_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  // Qualified: record_provenance has a signer_key column of its own.
  auto st = a.state().db.prepare(
      "SELECT p.record_id, p.first_bundle_id, b.bundle_id, b.created, b.signer_key, b.signer_key_id, "
      "b.sender_contact_id, b.sender_name, b.imported_at, b.unverified, b.sums_sha256, b.cases, b.records_written, "
      "b.attachments FROM record_provenance p JOIN imported_bundles b "
      "ON b.signer_key = p.signer_key AND b.bundle_id = p.bundle_id"
      " WHERE p.record_id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, record_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<RecordProvenance>();
  RecordProvenance p;
  p.record_id = st->text(0);
  p.first_bundle_id = st->text(1);
  p.bundle = detail::read_bundle(*st, 2);
  return std::optional<RecordProvenance>(std::move(p));
}

expected<std::vector<AuditExcerpt>, StorageError> BundleLedger::audit_excerpts(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(
      "SELECT e.signer_key, e.bundle_id, e.path, e.case_id, e.content FROM bundle_audit_excerpts e "
      "JOIN imported_bundles b USING (signer_key, bundle_id) WHERE e.case_id = ?1 ORDER BY b.imported_at, e.path");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  std::vector<AuditExcerpt> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    out.push_back({st->text(0), st->text(1), st->text(2), st->text(3), st->blob(4)});
  }
  return out;
}

expected<void, StorageError> BundleLedger::begin_import(const ImportedBundle& b) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return r;
  auto existing = detail::find_imported_bundle(s, b.signer_key, b.bundle_id);
  if (!existing) return unexpected(existing.error());
  if (*existing) return unexpected(make_error(VaultError::already_exists, "bundle " + b.bundle_id));
  auto st = s.db.prepare(std::string("INSERT INTO imported_bundles (") + detail::kBundleColumns +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 0, 0)");
  if (!st) return unexpected(st.error());
  st->bind(1, b.bundle_id).bind(2, b.created).bind(3, b.signer_key).bind(4, b.signer_key_id);
  st->bind(5, b.sender_contact_id).bind(6, b.sender_name).bind(7, b.imported_at.empty() ? detail::utc_now() : b.imported_at);
  st->bind(8, static_cast<std::int64_t>(b.unverified ? 1 : 0)).bind_blob(9, b.sums_sha256);
  return st->run();
}

expected<void, StorageError> BundleLedger::keep_audit_excerpt(const AuditExcerpt& e) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return r;
  auto st = s.db.prepare(
      "INSERT INTO bundle_audit_excerpts (signer_key, bundle_id, path, case_id, content) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st) return unexpected(st.error());
  st->bind(1, e.signer_key).bind(2, e.bundle_id).bind(3, e.path).bind(4, e.case_id).bind_blob(5, e.content);
  return st->run();
}

expected<void, StorageError> BundleLedger::finish_import(std::string_view signer_key, std::string_view bundle_id,
                                                         std::int64_t cases,
                                                         std::int64_t records_written, std::int64_t attachments) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return r;
  auto st = s.db.prepare(
      "UPDATE imported_bundles SET cases = ?2, records_written = ?3, attachments = ?4 "
      "WHERE bundle_id = ?1 AND signer_key = ?5");
  if (!st) return unexpected(st.error());
  st->bind(1, bundle_id).bind(2, cases).bind(3, records_written).bind(4, attachments).bind(5, signer_key);
  if (auto r = st->run(); !r) return r;
  if (s.db.changes() != 1) return unexpected(make_error(VaultError::not_found, "bundle " + std::string(bundle_id)));
  return {};
}

}  // namespace safehold::storage
