// Fuzzes parse_notice_file (a bundle's notices/<id>.json, schema/bundle-v1.md
// 12.4). The path is taken from the notice's own id so that well-formed
// notices get through to the member rules; whatever is accepted must
// re-encode to exactly the input bytes.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "safehold/core/exchange/notice_files.hpp"

namespace ex = safehold::core::exchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> input(data, size);
  std::string path = "notices/3f1c2b7a-0d4e-4c5d-8e9f-0a1b2c3d4e5f.json";
  const auto j = nlohmann::json::parse(input.begin(), input.end(), nullptr, false);
  if (j.is_object() && j.contains("id") && j["id"].is_string() && j["id"].get_ref<const std::string&>().size() == 36) {
    path = "notices/" + j["id"].get<std::string>() + ".json";
  }
  const auto notice = ex::parse_notice_file(path, input);
  if (!notice) return 0;
  const std::string again = ex::encode_notice_file(*notice);
  if (again.size() != size || again.compare(0, size, reinterpret_cast<const char*>(data), size) != 0) std::abort();
  if (notice->kind != "withdrawal" && notice->kind != "deletion") std::abort();
  return 0;
}
