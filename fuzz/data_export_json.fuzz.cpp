// Fuzzes report::parse_data_export_json, the strict reader of a JSON data
// export (schema/export-v1.md section 5) that `case import-json` runs on
// hostile input before anything is written. An accepted document holds the
// case record first, unique ids, and records of that case only.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "safehold/report/data_import.hpp"

using namespace safehold;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto doc = report::parse_data_export_json({reinterpret_cast<const char*>(data), size});
  if (!doc) {
    if (doc.error().describe().find('\n') != std::string::npos) std::abort();  // one line
    return 0;
  }
  if (doc->records.empty() || doc->records.front().entity != "case" || doc->records.front().id != doc->case_id) {
    std::abort();
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < doc->records.size(); ++i) {
    const auto& r = doc->records[i];
    if (!ids.insert(r.id).second) std::abort();
    if (i > 0 && (r.entity == "case" || r.case_id != doc->case_id)) std::abort();
  }
  return 0;
}
