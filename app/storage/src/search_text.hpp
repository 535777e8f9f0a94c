#pragma once
// Internal: how text goes into the full-text index and how a user's query
// becomes an FTS5 expression (docs/storage.md "Search").
//
// FTS5's unicode61 tokenizer makes a whole run of Han characters one token,
// and trigram cannot match 1-2 character queries, while most Chinese words are
// two characters. So CJK text is indexed twice, beside the normal words:
//   column `words`:     non-CJK text as written (porter + unicode61 tokens),
//                       each CJK run as its overlapping bigrams ("护照被" ->
//                       "护照 照被"), so a 2-character query is one token and
//                       longer ones are a phrase of consecutive bigrams;
//   column `cjk_chars`: every CJK character alone, for 1-character queries.
#include <string>
#include <string_view>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage::detail {

struct IndexedText {
  std::string words;
  std::string cjk_chars;
};

// Han (all extensions and compatibility ideographs), kana, bopomofo, hangul.
bool is_cjk(char32_t c) noexcept;

IndexedText index_columns(std::string_view text);

// The FTS5 MATCH expression for a user query: every term must match; Latin
// terms match whole words after stemming, or as a prefix with a trailing '*'
// ("pass*" finds "passport"); CJK runs match exact substrings; "quoted" text
// is a phrase. Returns "" when the query has nothing searchable. Errors:
// invalid_query (unbalanced quote).
[[nodiscard]] expected<std::string, StorageError> match_expression(std::string_view query);

}  // namespace safehold::storage::detail
