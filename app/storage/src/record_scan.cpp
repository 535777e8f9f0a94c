// RecordStore::scan_fields: a few fields of every record of an entity,
// picked out of the stored JSON by SQLite (`fields -> '$."name"'`), so
// counting over 100,000 cases never loads narratives or whole records; in
// chunks (scan.hpp), each one range of the records_by_entity index.
#include <algorithm>

#include "safehold/storage/records.hpp"
#include "scan_position.hpp"
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
                                                      const std::function<void(const PartialRecord&)>& each,
                                                      const ScanHooks& hooks) {
  if (names.empty() || !std::all_of(names.begin(), names.end(), plain_name)) {
    return unexpected(make_error(VaultError::invalid_argument, "field names are [a-z0-9_]+"));
  }
  // `->` gives the value as JSON text (NULL when the record has no such
  // field); the paths are bound, never spliced into the SQL.
  std::string sql = "SELECT r.rid, r.created_at, coalesce(r.case_id, '')";
  for (std::size_t i = 0; i < names.size(); ++i) sql += ", r.fields -> ?" + std::to_string(i + 5);
  sql += " FROM records r WHERE" + detail::chunk_clause("r");
  std::vector<std::string> paths;
  for (const auto& n : names) paths.push_back("$.\"" + n + "\"");
  detail::ScanPosition after;
  PartialRecord r;
  return detail::run_chunked(hooks, [&](std::size_t limit) -> expected<std::size_t, StorageError> {
    VaultAccess a(s_);
    if (!a.ok()) return unexpected(a.error());
    auto st = a.state().db.prepare(sql);
    if (!st) return unexpected(st.error());
    st->bind(1, entity).bind(2, after.created_at).bind(3, after.rid).bind(4, static_cast<std::int64_t>(limit));
    for (std::size_t i = 0; i < paths.size(); ++i) st->bind(static_cast<int>(i + 5), paths[i]);
    std::size_t read = 0;
    for (;; ++read) {
      auto row = st->step();
      if (!row) return unexpected(row.error());
      if (!*row) return read;
      after = {st->text(1), st->integer(0)};
      r.case_id = st->text(2);
      r.fields = nlohmann::json::object();
      for (std::size_t i = 0; i < names.size(); ++i) {
        const int col = static_cast<int>(i + 3);
        if (st->is_null(col)) continue;
        auto value = nlohmann::json::parse(st->text(col), nullptr, false);
        if (value.is_discarded()) return unexpected(make_error(VaultError::database_corrupt, "record fields"));
        r.fields[names[i]] = std::move(value);
      }
      each(r);
    }
  });
}

expected<std::size_t, StorageError> RecordStore::count_entity(std::string_view entity) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare("SELECT count(*) FROM records WHERE entity = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, entity);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  return static_cast<std::size_t>(st->integer(0));
}

}  // namespace safehold::storage
