#pragma once
#include <cstdint>
#include <functional>

namespace safehold::core::bundle {

// Called as bytes of files pass (done, total = sum of file sizes); return
// false to cancel (the operation then fails with `cancelled`).
using ProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;

}  // namespace safehold::core::bundle
