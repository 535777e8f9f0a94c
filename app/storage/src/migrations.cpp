#include "migrations.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "safehold/embedded/storage_migrations.hpp"

namespace safehold::storage::detail {
namespace {

// "0007_add_x.sql" -> 7; 0 when the name does not follow NNNN_name.sql.
int version_of(std::string_view name) {
  if (name.size() < 10 || name[4] != '_' || !name.ends_with(".sql")) return 0;
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = name[static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::vector<Migration> load_embedded() {
  std::vector<Migration> out;
  for (const auto& f : embedded::storage_migrations()) {
    const int v = version_of(f.path);
    if (v == 0) throw std::logic_error("migration file not named NNNN_name.sql");
    out.push_back({v, f.path, f.bytes});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].version != static_cast<int>(i) + 1) throw std::logic_error("migrations not numbered 1..N");
  }
  return out;
}

}  // namespace

std::span<const Migration> embedded_migrations() {
  static const std::vector<Migration> all = load_embedded();
  return all;
}

expected<int, StorageError> read_schema_version(Database& db) {
  auto st = db.prepare("PRAGMA user_version");
  if (!st) return unexpected(st.error());
  auto row = st->step();
  if (!row) return unexpected(row.error());
  return static_cast<int>(st->integer(0));
}

expected<void, StorageError> check_schema_version(Database& db,
                                                  std::span<const Migration> migrations) {
  auto v = read_schema_version(db);
  if (!v) return unexpected(v.error());
  const int supported = migrations.empty() ? 0 : migrations.back().version;
  if (*v > supported || *v < 0) {
    return unexpected(make_error(VaultError::schema_too_new,
                                 "vault schema " + std::to_string(*v) + ", this Safehold supports up to " +
                                     std::to_string(supported)));
  }
  return {};
}

expected<void, StorageError> migrate(Database& db, std::span<const Migration> migrations) {
  if (auto c = check_schema_version(db, migrations); !c) return c;
  auto current = read_schema_version(db);
  if (!current) return unexpected(current.error());
  for (const auto& m : migrations) {
    if (m.version <= *current) continue;
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r) return r;
    const std::string body = std::string(m.sql) + "\n;PRAGMA user_version = " + std::to_string(m.version) + ";";
    auto r = db.exec(body.c_str());
    if (r) r = db.exec("COMMIT");
    if (!r) {
      (void)db.exec("ROLLBACK");
      return unexpected(r.error());
    }
  }
  return {};
}

}  // namespace safehold::storage::detail
