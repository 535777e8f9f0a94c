#pragma once
// The case list for the desktop app and safehold-cli: one summary row per
// case, maintained on every write (docs/storage.md "Case list"), so listing,
// filtering and counting stay fast at 100,000 cases.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

enum class ConsentState { none, given, withdrawn };
const char* to_string(ConsentState s) noexcept;  // "none", "given", "withdrawn"

struct CaseSummary {
  std::string case_id;
  std::string reference;    // SH-2026-0042
  std::string title;
  std::string status;       // vocabulary code ("" if not answered)
  std::string priority;     // vocabulary code
  std::string risk_rating;  // rating of the latest risk assessment, "" if none
  ConsentState consent = ConsentState::none;
  std::vector<std::string> tactics;    // union over the case's incidents, sorted
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, sorted
  std::vector<std::string> purposes;   // sorted
  std::string created_at;
  std::string last_change;  // latest updated_at of any record of the case
  // Whose the case is: "" for this vault's own; for a case that came in a
  // bundle, the sender name of the bundle that first brought it (references
  // are numbered per vault, so two cases may share one).
  std::string from;
};

enum class CaseSort { last_change, created, reference, title, status, priority, risk };

// Filters combine with AND; the values inside one filter with OR (a case
// matches `tactics = {A4, B5}` if it has A4 or B5). Empty = no filter.
struct CaseQuery {
  std::vector<std::string> statuses;
  std::vector<std::string> priorities;
  std::vector<std::string> risk_ratings;
  std::vector<std::string> tactics;
  std::vector<std::string> countries;
  std::vector<std::string> purposes;
  std::vector<ConsentState> consent;
  // Free text: cases whose reference or title contains it, or with any record
  // matching it in full-text search (same syntax as SearchIndex::find).
  std::string text;
  CaseSort sort = CaseSort::last_change;
  bool descending = true;
  std::size_t offset = 0;
  std::size_t limit = 50;  // at most 1000
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class CaseList {
 public:
  explicit CaseList(detail::VaultState* state) noexcept : s_(state) {}
  [[nodiscard]] expected<std::vector<CaseSummary>, StorageError> list(const CaseQuery& query);
  // Number of cases matching the filters (offset, limit and sort ignored).
  [[nodiscard]] expected<std::size_t, StorageError> count(const CaseQuery& query);
  [[nodiscard]] expected<CaseSummary, StorageError> get(std::string_view case_id);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
