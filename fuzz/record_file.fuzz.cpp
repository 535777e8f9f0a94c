// Fuzzes parse_record_file (a bundle's cases/<case>/<record>.json). The path
// is taken from the record's own id and case so that well-formed records get
// through to the model validation; whatever is accepted must re-encode to
// exactly the input bytes. Both format versions: version 2 records carry
// owner, revision and withheld (schema/bundle-v1.md 12.1).
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "safehold/core/exchange/record_files.hpp"

namespace ex = safehold::core::exchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> input(data, size);
  std::string path = "cases/8d1c2f7a-3b4e-4c5d-8e9f-0a1b2c3d4e5f/3f0c9a52-5d0e-4c7b-9a51-0c1d7e2b9f10.json";
  const auto j = nlohmann::json::parse(input.begin(), input.end(), nullptr, false);
  if (j.is_object() && j.contains("id") && j["id"].is_string()) {
    const std::string id = j["id"].get<std::string>();
    const std::string case_id =
        j.contains("case_id") && j["case_id"].is_string() ? j["case_id"].get<std::string>() : id;
    path = "cases/" + case_id + "/" + id + ".json";
  }
  // Version 2 first (owner, revision, withheld), then version 1.
  for (const int version : {2, 1}) {
    const auto file = ex::parse_record_file(path, input, version);
    if (!file) continue;
    if (file->meta.has_value() != (version == 2)) std::abort();
    const std::string again =
        file->meta ? ex::encode_record_file(file->record, *file->meta) : ex::encode_record_file(file->record);
    if (again.size() != size || again.compare(0, size, reinterpret_cast<const char*>(data), size) != 0) std::abort();
  }
  return 0;
}
