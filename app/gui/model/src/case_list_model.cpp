#include "safehold/appmodel/case_list_model.hpp"

#include <algorithm>

#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

void CaseListModel::toggle(std::vector<std::string> storage::CaseQuery::*list, const std::string& value) {
  auto& v = query_.*list;
  auto it = std::find(v.begin(), v.end(), value);
  if (it == v.end()) v.push_back(value); else v.erase(it);
  stale_ = true;
}

void CaseListModel::set_sort(storage::CaseSort sort, bool descending) {
  if (query_.sort == sort && query_.descending == descending) return;
  query_.sort = sort;
  query_.descending = descending;
  stale_ = true;
}

void CaseListModel::set_text(std::string text) {
  typed_ = std::move(text);
  typed_at_ = clocks_->steady();
}

void CaseListModel::clear_filters() {
  const auto sort = query_.sort;
  const bool desc = query_.descending;
  query_ = storage::CaseQuery{};
  query_.sort = sort;
  query_.descending = desc;
  typed_.clear();
  stale_ = true;
}

bool CaseListModel::has_filters() const {
  const auto& q = query_;
  return !q.statuses.empty() || !q.priorities.empty() || !q.risk_ratings.empty() || !q.tactics.empty() ||
         !q.countries.empty() || !q.purposes.empty() || !q.consent.empty() || !q.text.empty();
}

bool CaseListModel::refresh_if_needed() {
  storage::Vault& vault = session_->vault();
  if (typed_ != query_.text && clocks_->steady() - typed_at_ >= kTypingPause) {
    query_.text = typed_;
    stale_ = true;
  }
  collect_fetch();
  if (!stale_) return error_key_ == nullptr;
  stale_ = false;
  pages_.clear();
  ++generation_;
  auto n = vault.cases().count(query_);
  if (!n) {
    count_ = 0;
    error_key_ = n.error().code == storage::VaultError::invalid_query ? "cases.error.query" : "cases.error.read";
    return false;
  }
  count_ = *n;
  error_key_ = nullptr;
  return true;
}

storage::CaseQuery CaseListModel::page_query(std::size_t page) const {
  storage::CaseQuery q = query_;
  q.offset = page * kPage;
  q.limit = kPage;
  return q;
}

void CaseListModel::store_page(std::size_t page, std::vector<storage::CaseSummary> rows) {
  if (pages_.size() >= kMaxPages) {
    // Drop the page farthest from the one arriving.
    auto far = std::max_element(pages_.begin(), pages_.end(), [page](const auto& a, const auto& b) {
      auto d = [page](std::size_t p) { return p > page ? p - page : page - p; };
      return d(a.first) < d(b.first);
    });
    pages_.erase(far);
  }
  for (const auto& r : rows) shown_codepoints().add_utf8(r.reference + r.title);
  pages_[page] = std::move(rows);
}

void CaseListModel::collect_fetch() {
  auto r = fetch_.poll();
  if (!r) return;
  if (fetch_generation_ != generation_) return;  // an older query's page
  if (!*r) {
    error_key_ = "cases.error.read";
    return;
  }
  store_page(fetch_page_, std::move(**r));
}

const storage::CaseSummary* CaseListModel::row(std::size_t i) {
  storage::Vault& vault = session_->vault();
  if (i >= count_) return nullptr;
  collect_fetch();
  const std::size_t page = i / kPage;
  auto it = pages_.find(page);
  if (it == pages_.end()) {
    if (!fetch_.busy()) {
      fetch_page_ = page;
      fetch_generation_ = generation_;
      ++page_reads_;
      (void)fetch_.start([&vault, q = page_query(page)]() { return vault.cases().list(q); });
    }
    return nullptr;
  }
  const std::size_t k = i % kPage;
  return k < it->second.size() ? &it->second[k] : nullptr;
}

const storage::CaseSummary* CaseListModel::row_now(std::size_t i) {
  storage::Vault& vault = session_->vault();
  if (i >= count_) return nullptr;
  fetch_.wait();
  collect_fetch();
  const std::size_t page = i / kPage;
  if (pages_.find(page) == pages_.end()) {
    auto rows = vault.cases().list(page_query(page));
    ++page_reads_;
    if (!rows) {
      error_key_ = "cases.error.read";
      return nullptr;
    }
    store_page(page, std::move(*rows));
  }
  const auto& rows = pages_[page];
  const std::size_t k = i % kPage;
  return k < rows.size() ? &rows[k] : nullptr;
}

void CaseListModel::reset() {
  fetch_.wait();
  (void)fetch_.poll();
  ++generation_;
  pages_.clear();
  query_ = storage::CaseQuery{};
  typed_.clear();
  count_ = 0;
  stale_ = true;
  error_key_ = nullptr;
}

}  // namespace safehold::appmodel
