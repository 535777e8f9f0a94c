// Regression (issue 10, finding 15): the JSON depth and size limits stop the
// parser as it reads. Before, a 10 MB nesting bomb in a bundle record was
// parsed into a full DOM (about 1.3 GB) before its depth was checked.
#include <catch2/catch_test_macros.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>

#include "bundle_fixtures.hpp"
#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/exchange/record_files.hpp"
#include "safehold/schema/strict_json.hpp"

namespace {

// Peak resident set of this process so far, in KiB (Linux VmHWM).
std::uint64_t peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6));
  }
  return 0;
}

}  // namespace

TEST_CASE("json: a 10 MB nesting bomb is refused without building it", "[json][regression]") {
  const std::string case_id = safehold::core::bundle::random_uuid4();
  const std::string path = "cases/" + case_id + "/" + case_id + ".json";
  for (const std::string& bomb : {std::string(10'000'000, '['),
                                  "{\"fields\":" + std::string(10'000'000, '[')}) {
    const std::uint64_t before = peak_rss_kib();
    auto r = safehold::core::exchange::parse_record_file(
        path, {reinterpret_cast<const std::uint8_t*>(bomb.data()), bomb.size()}, safehold::core::bundle::kFormatVersion);
    const std::uint64_t after = peak_rss_kib();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == safehold::core::exchange::ExchangeError::content_refused);
    // Printed so the number can be quoted; the bomb itself is 10 MB.
    std::cout << "json bomb (" << bomb.size() << " bytes): peak RSS " << after
              << " KiB, grew by " << (after - before) << " KiB while parsing\n";
    CHECK(after - before < 32 * 1024);
  }
}

TEST_CASE("json: too many values are refused as they are read", "[json]") {
  std::string many = "[";
  for (int i = 0; i < 300'000; ++i) many += "[],";
  many += "0]";
  auto r = safehold::schema::parse_strict_json(many);
  REQUIRE_FALSE(r);
  CHECK(r.error().describe().find("too many values") != std::string::npos);
}
