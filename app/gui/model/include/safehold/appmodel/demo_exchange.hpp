#pragma once
// Fictional contacts and a received bundle for --demo, so the contacts,
// export and import screens have something to show: a fictional legal clinic
// (a verified contact, with a real throw-away vault of its own that seals one
// fictional case for the demo vault) and a fictional lawyer not yet verified.
#include <filesystem>
#include <string>

#include "safehold/expected.hpp"

namespace safehold::storage { class Vault; }

namespace safehold::appmodel {

// Creates the clinic's vault under `folder` (the demo's private folder),
// adds the contacts to `vault`, and writes the clinic's bundle to
// demo_bundle_path(folder). Errors: a one-line description.
[[nodiscard]] expected<void, std::string> seed_demo_exchange(storage::Vault& vault, const std::filesystem::path& folder);
[[nodiscard]] std::filesystem::path demo_bundle_path(const std::filesystem::path& folder);

}  // namespace safehold::appmodel
