#pragma once
// Full-text search over the fields safehold_schema marks searchable (titles,
// narratives, descriptions, notes), in English and Chinese, inside the
// encrypted database (docs/storage.md "Search").
//
// Query syntax: words separated by spaces, all of which must match. A Latin
// word matches the same word after English stemming ("passports" and
// "passport" find "passport"); with a trailing '*' it matches words starting
// with it ("pass*"; slower on very large vaults). A run of Chinese (or other
// CJK) characters matches that exact substring, of any length ("护", "护照",
// "被没收护照"). "Quoted text" must match as a phrase. Punctuation is ignored.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

struct SearchHit {
  std::string case_id;  // "" for records outside a case (contacts)
  std::string entity;
  std::string record_id;
};

struct SearchQuery {
  std::string text;
  std::string case_id;                // restrict to one case ("" = all)
  std::vector<std::string> entities;  // restrict to these entities (empty = all)
  std::size_t limit = 100;            // at most 10,000
};

// A view on an unlocked vault; must not outlive the Vault it came from.
class SearchIndex {
 public:
  explicit SearchIndex(detail::VaultState* state) noexcept : s_(state) {}
  // Best matches first. An empty query or one with no searchable characters
  // returns no hits. Errors: invalid_query (unbalanced quotes).
  [[nodiscard]] expected<std::vector<SearchHit>, StorageError> find(const SearchQuery& query);

 private:
  detail::VaultState* s_;
};

}  // namespace safehold::storage
