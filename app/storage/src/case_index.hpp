#pragma once
// Internal: the case summary table behind the case list, kept up to date on
// every write inside the write's transaction, and case references.
#include <string>
#include <string_view>

#include "safehold/storage/cases.hpp"
#include "safehold/storage/records.hpp"
#include "vault_state.hpp"

namespace safehold::storage::detail {

struct CaseHeader {
  std::string reference;
  ConsentState consent = ConsentState::none;
};
// not_found (detail "case <id>") when there is no such case.
[[nodiscard]] expected<CaseHeader, StorageError> case_header(VaultState& s, std::string_view case_id);

// "SH-<year>-<NNNN>": the next number of the year's sequence (4 digits, more
// when needed).
[[nodiscard]] expected<std::string, StorageError> next_case_reference(VaultState& s, int year);

// Writes the summary row of a case record (title, status, priority,
// reference, times).
[[nodiscard]] expected<void, StorageError> write_case_summary(VaultState& s, const Record& case_record);
// Replaces the facets a record gives its case (incident tactics and country,
// legal-measure jurisdiction, case purposes); `fresh` records have none yet.
// A deleted record's facets go with it (foreign-key cascade).
[[nodiscard]] expected<void, StorageError> write_case_facets(VaultState& s, const Record& record, bool fresh);
// Rewrites the summary's tactics/countries/purposes columns from
// case_facets (write_case_facets does it; deletions call it).
[[nodiscard]] expected<void, StorageError> refresh_case_facets(VaultState& s, std::string_view case_id);
// After a record of `entity` in the case changed: recomputes what depends on
// that entity (risk rating, consent state) and moves the case's last change.
[[nodiscard]] expected<void, StorageError> refresh_case_summary(VaultState& s, std::string_view case_id,
                                                                std::string_view entity, const std::string& now);

ConsentState consent_state_from(std::string_view text) noexcept;

}  // namespace safehold::storage::detail
