// Chunked scans (scan.hpp, scan_position.hpp).
#include "scan_position.hpp"

#include <algorithm>

namespace safehold::storage::detail {

std::string chunk_clause(const std::string& alias) {
  const std::string a = alias + ".";
  // `created_at >= ?2` alone gives SQLite the index range; the OR then skips
  // the rows of that second already visited.
  return " " + a + "entity = ?1 AND " + a + "created_at >= ?2 AND (" + a + "created_at > ?2 OR " + a +
         "rid > ?3) ORDER BY " + a + "created_at, " + a + "rid LIMIT ?4";
}

expected<void, StorageError> run_chunked(
    const ScanHooks& hooks, const std::function<expected<std::size_t, StorageError>(std::size_t limit)>& chunk) {
  const std::size_t limit = std::max<std::size_t>(hooks.chunk, 1);
  std::size_t visited = 0;
  for (;;) {
    if (hooks.cancel_requested && hooks.cancel_requested()) {
      return unexpected(make_error(VaultError::cancelled, "scan cancelled"));
    }
    auto read = chunk(limit);
    if (!read) return unexpected(read.error());
    visited += *read;
    if (hooks.progress) hooks.progress(visited);
    if (*read < limit) return {};
  }
}

}  // namespace safehold::storage::detail
