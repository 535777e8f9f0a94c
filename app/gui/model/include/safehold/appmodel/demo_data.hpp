#pragma once
// Clearly fictional sample cases for --demo and for the benchmarks. Every
// title says "fictional" / "虚构" / "虛構"; pseudonyms are "Sample person N".
// No real person, place of detention or event is described.
#include <cstddef>

#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

struct DemoOptions {
  std::size_t cases = 12;
  // Rich: sessions (with a follow-up date), measures (with an intervention),
  // risk assessments and several incidents per case, and the consent of
  // case 5 withdrawn (the demo). Lean: case, consent, person, one incident
  // (benchmarks).
  bool rich = true;
  std::size_t incidents_in_first_case = 0;  // extra incidents in case 1 (bench)
};

// Writes the sample cases in one batch. Errors are storage's.
[[nodiscard]] expected<void, storage::StorageError> seed_demo_cases(storage::Vault& vault, const DemoOptions& o);

}  // namespace safehold::appmodel
