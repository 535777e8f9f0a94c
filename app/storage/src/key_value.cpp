#include "safehold/storage/key_value.hpp"

#include "util.hpp"
#include "vault_state.hpp"

namespace safehold::storage {
namespace {

constexpr std::size_t kMaxKey = 200;
constexpr std::size_t kMaxValue = 16u << 20;

bool key_ok(std::string_view key) { return !key.empty() && key.size() <= kMaxKey; }

}  // namespace

expected<void, StorageError> KeyValueStore::put(std::string_view key, std::string_view value) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (!key_ok(key)) return unexpected(make_error(VaultError::invalid_record, "key length"));
  if (value.size() > kMaxValue) return unexpected(make_error(VaultError::invalid_record, "value too large"));
  auto st = a.state().db.prepare(
      table_ == Table::drafts
          ? "INSERT INTO drafts (key, value, updated_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
          : "INSERT INTO settings (key, value) VALUES (?1, ?2) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!st) return unexpected(st.error());
  st->bind(1, key);
  if (table_ == Table::drafts) {
    st->bind_blob(2, detail::as_bytes(value)).bind(3, detail::utc_now());
  } else {
    st->bind(2, value);
  }
  return st->run();
}

expected<std::optional<std::string>, StorageError> KeyValueStore::get(std::string_view key) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(table_ == Table::drafts ? "SELECT value FROM drafts WHERE key = ?1"
                                                         : "SELECT value FROM settings WHERE key = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, key);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<std::string>();
  auto v = st->blob_view(0);
  return std::optional<std::string>(std::string(reinterpret_cast<const char*>(v.data()), v.size()));
}

expected<void, StorageError> KeyValueStore::remove(std::string_view key) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(table_ == Table::drafts ? "DELETE FROM drafts WHERE key = ?1"
                                                         : "DELETE FROM settings WHERE key = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, key);
  return st->run();
}

expected<std::vector<std::string>, StorageError> KeyValueStore::keys(std::string_view prefix) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  // substr() instead of LIKE/GLOB: a prefix with wildcard characters is literal.
  auto st = a.state().db.prepare(
      table_ == Table::drafts
          ? "SELECT key FROM drafts WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key"
          : "SELECT key FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
  if (!st) return unexpected(st.error());
  st->bind(1, prefix);
  return st->all_text(0);
}

}  // namespace safehold::storage
