#pragma once
// Where a record came from, for `record show` and `case show` (text only:
// their JSON stays the DEVELOPERS.md record shape that `record edit
// --from-file` and bundles round-trip).
#include "exit_codes.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::cli {

// "from: SENDER (contact ID), bundle B sealed T, imported T, sender verified"
// — or "UNVERIFIED sender" when it was imported with --allow-unverified —
// for a record that came in a bundle; nothing for the vault's own.
[[nodiscard]] Outcome print_provenance(storage::Vault& vault, const std::string& record_id);

}  // namespace safehold::cli
