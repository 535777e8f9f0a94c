// Fuzzes the strict text parsers of the bundle format: manifest.json and
// SHA256SUMS (the same input goes to both). Whatever they accept must be the
// one canonical encoding of what they parsed.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "safehold/core/bundle/manifest.hpp"
#include "safehold/core/bundle/sha256sums.hpp"

namespace bundle = safehold::core::bundle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> input(data, size);

  const auto m = bundle::parse_manifest(input);
  if (m) {
    if (!bundle::validate_manifest(*m)) std::abort();
    if (bundle::encode_manifest(*m) != bundle::as_text(input)) std::abort();
  }

  const auto sums = bundle::parse_sums(input);
  if (sums) {
    std::string again;
    for (const auto& line : *sums) again += bundle::to_hex(line.sha256) + "  " + line.path + "\n";
    if (again != bundle::as_text(input)) std::abort();
  }
  return 0;
}
