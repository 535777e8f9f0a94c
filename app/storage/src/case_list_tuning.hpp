#pragma once
// Internal: the row count below which a facet filter of the case list joins
// as an IN list instead of EXISTS probes (cases.cpp "facet_join"). A variable
// so the tests can exercise both plans on small vaults; results are the same.
#include <cstdint>

namespace safehold::storage::detail {

inline std::int64_t selective_facet_rows = 2000;

}  // namespace safehold::storage::detail
