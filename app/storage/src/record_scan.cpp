// RecordStore::scan_fields: a few fields of every record of an entity,
// picked out of the stored JSON by SQLite (`fields -> '$."name"'`), so
// counting over 100,000 cases never loads narratives or whole records.
#include <algorithm>

#include "safehold/storage/records.hpp"
#include "util.hpp"
#include "vault_state.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace {

bool plain_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

expected<void, StorageError> RecordStore::scan_fields(std::string_view entity, std::span<const std::string> names,
                                                      const std::function<void(const PartialRecord&)>& each) {
  if (names.empty() || !std::all_of(names.begin(), names.end(), plain_name)) {
    return unexpected(make_error(VaultError::invalid_argument, "field names are [a-z0-9_]+"));
  }
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  // `->` gives the value as JSON text (NULL when the record has no such
  // field); the paths are bound, never spliced into the SQL.
  std::string sql = "SELECT coalesce(case_id, '')";
  for (std::size_t i = 0; i < names.size(); ++i) sql += ", fields -> ?" + std::to_string(i + 2);
  sql += " FROM records WHERE entity = ?1";
  auto st = a.state().db.prepare(sql);
  if (!st) return unexpected(st.error());
  st->bind(1, entity);
  std::vector<std::string> paths;
  for (const auto& n : names) paths.push_back("$.\"" + n + "\"");
  for (std::size_t i = 0; i < paths.size(); ++i) st->bind(static_cast<int>(i + 2), paths[i]);
  PartialRecord r;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) return {};
    r.case_id = st->text(0);
    r.fields = nlohmann::json::object();
    for (std::size_t i = 0; i < names.size(); ++i) {
      const int col = static_cast<int>(i + 1);
      if (st->is_null(col)) continue;
      auto value = nlohmann::json::parse(st->text(col), nullptr, false);
      if (value.is_discarded()) return unexpected(make_error(VaultError::database_corrupt, "record fields"));
      r.fields[names[i]] = std::move(value);
    }
    each(r);
  }
}

}  // namespace safehold::storage
