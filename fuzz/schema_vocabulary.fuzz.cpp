// Fuzzes the strict vocabulary loader with arbitrary bytes as file "fuzz.json".
// Whatever loads must satisfy the loader's promises: codes findable, labels
// round-trip, no empty label.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/schema/vocabulary.hpp"

using namespace safehold::schema;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  SourceFile file{"fuzz.json", bytes};
  auto parsed = Vocabularies::parse({&file, 1});
  if (!parsed) {
    if (parsed.error().describe().empty()) std::abort();
    return 0;
  }
  const auto* vocab = parsed->find("fuzz");
  if (!vocab || vocab->entries().empty()) std::abort();
  for (const auto& entry : vocab->entries()) {
    if (vocab->find(entry.code) != &entry) std::abort();
    if (vocab->accepts_for_write(entry.code) == entry.retired) std::abort();
    for (auto language : kAllLanguages) {
      if (entry.label.in(language).empty()) std::abort();
      if (vocab->find_by_label(entry.label.in(language), language) != &entry) std::abort();
    }
  }
  return 0;
}
