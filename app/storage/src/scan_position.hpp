#pragma once
// Where a chunked scan (scan.hpp) resumes: after this (created_at, rid) in
// the order of the records_by_entity index, which holds rid as its last
// column, so each chunk is one index range and no sort. created_at has
// second precision; rid breaks ties, so no record is visited twice or
// skipped at a chunk boundary.
#include <cstdint>
#include <functional>
#include <string>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"
#include "safehold/storage/scan.hpp"

namespace safehold::storage::detail {

struct ScanPosition {
  std::string created_at;  // "" before the first record
  std::int64_t rid = -1;
};

// The WHERE and ORDER BY of one chunk over `entity` (parameters ?1 entity,
// ?2 created_at, ?3 rid, ?4 limit) for a table aliased `alias`.
std::string chunk_clause(const std::string& alias);

// Runs `chunk(limit)` (which reads at most `limit` rows, advancing its
// position, and returns how many it read) until a chunk comes back short,
// asking `hooks` before each one and reporting progress after it.
[[nodiscard]] expected<void, StorageError> run_chunked(const ScanHooks& hooks,
                                                       const std::function<expected<std::size_t, StorageError>(
                                                           std::size_t limit)>& chunk);

}  // namespace safehold::storage::detail
