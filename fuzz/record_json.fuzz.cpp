// Fuzzes the record envelope parser bundle import uses: strict JSON, then
// Record::from_json. Whatever is accepted round-trips to the same JSON.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/schema/strict_json.hpp"
#include "safehold/storage/records.hpp"

using namespace safehold;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto j = schema::parse_strict_json({reinterpret_cast<const char*>(data), size});
  if (!j) return 0;
  auto r = storage::Record::from_json(*j);
  if (!r) return 0;
  if (r->to_json() != *j) std::abort();
  return 0;
}
