#pragma once
// The case list: filters, full-text search, sort, and rows read page by page
// as the list scrolls, so 100,000 cases stay smooth: the screen draws only
// visible rows (ImGuiListClipper); a missing page is read on a worker thread
// while its rows show as placeholders, so a frame never waits for the vault.
//
// Contract: set_text() takes effect after kTypingPause without typing (the
// search runs once, not per keystroke); any other query change takes effect
// at the next refresh_if_needed(). Pages are dropped when the query changes
// and when more than kMaxPages are cached.
#include <map>
#include <string>
#include <vector>

#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/clock.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class CaseListModel {
 public:
  static constexpr std::size_t kPage = 200;
  static constexpr std::size_t kMaxPages = 16;
  static constexpr std::chrono::milliseconds kTypingPause{300};

  CaseListModel(const Clocks& clocks, Session& session) : session_(&session), clocks_(&clocks) {}

  [[nodiscard]] const storage::CaseQuery& query() const { return query_; }
  // Filters: toggles a value in one of the query's lists.
  void toggle(std::vector<std::string> storage::CaseQuery::*list, const std::string& value);
  void set_sort(storage::CaseSort sort, bool descending);
  void set_text(std::string text);
  [[nodiscard]] const std::string& typed_text() const { return typed_; }
  void clear_filters();
  [[nodiscard]] bool has_filters() const;

  // Re-counts and drops pages when the query changed (or a write happened:
  // invalidate()). Returns false and sets error_key() on a storage error.
  bool refresh_if_needed();
  void invalidate() { stale_ = true; }
  [[nodiscard]] std::size_t count() const { return count_; }
  // Row i of the current result; nullptr past the end, on error, or while
  // its page is being read (the read starts here if needed).
  const storage::CaseSummary* row(std::size_t i);
  // Same, but reads a missing page right away (tests, benchmarks).
  const storage::CaseSummary* row_now(std::size_t i);
  [[nodiscard]] bool reading() const { return fetch_.busy(); }
  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] std::size_t page_reads() const { return page_reads_; }
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  const Clocks* clocks_;
  storage::CaseQuery query_;
  std::string typed_;
  std::chrono::steady_clock::time_point typed_at_{};
  bool stale_ = true;
  std::size_t count_ = 0;
  std::map<std::size_t, std::vector<storage::CaseSummary>> pages_;
  const char* error_key_ = nullptr;
  std::size_t page_reads_ = 0;
  // One page read at a time; results of an older query are dropped.
  using Page = expected<std::vector<storage::CaseSummary>, storage::StorageError>;
  Background<Page> fetch_;
  std::size_t fetch_page_ = 0;
  std::uint64_t fetch_generation_ = 0;
  std::uint64_t generation_ = 0;
  void collect_fetch();
  void store_page(std::size_t page, std::vector<storage::CaseSummary> rows);
  storage::CaseQuery page_query(std::size_t page) const;
};

}  // namespace safehold::appmodel
