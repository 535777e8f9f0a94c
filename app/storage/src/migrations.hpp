#pragma once
// Internal: schema migrations. Each migration is schema/migrations/NNNN_name.sql
// (embedded at build time); migration N takes the schema from version N-1 to N
// and runs in one transaction together with `PRAGMA user_version = N`.
#include <span>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"
#include "sqlite_db.hpp"

namespace safehold::storage::detail {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// The embedded migrations, checked to be numbered 1..N without gaps (a build
// with a bad set throws std::logic_error on first use: a programmer error).
std::span<const Migration> embedded_migrations();

[[nodiscard]] expected<int, StorageError> read_schema_version(Database& db);

// Refuses (schema_too_new, detail "vault schema V, this Safehold supports up to
// N") when the database is newer than `migrations`; otherwise applies the
// missing ones in order, each in its own transaction. A failing migration
// leaves the schema at the last version that succeeded.
[[nodiscard]] expected<void, StorageError> check_schema_version(Database& db,
                                                                std::span<const Migration> migrations);
[[nodiscard]] expected<void, StorageError> migrate(Database& db,
                                                   std::span<const Migration> migrations);

}  // namespace safehold::storage::detail
