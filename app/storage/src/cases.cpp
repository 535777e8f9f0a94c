// CaseList: listing, filtering, sorting and counting cases from the summary
// table (docs/storage.md "Case list").
#include "safehold/storage/cases.hpp"

#include <optional>
#include <sstream>

#include "case_index.hpp"
#include "case_list_tuning.hpp"
#include "search_text.hpp"
#include "vault_state.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace {

constexpr std::size_t kMaxLimit = 1000;

constexpr const char* kSummaryColumns =
    "SELECT cs.case_id, cs.reference, cs.title, cs.status, cs.priority, cs.risk_rating, cs.consent_state, "
    "cs.created_at, cs.last_change, cs.tactics, cs.countries, cs.purposes, "
    "(SELECT b.sender_name FROM record_provenance p JOIN imported_bundles b "
    "ON b.signer_key = p.first_signer_key AND b.bundle_id = p.first_bundle_id "
    "WHERE p.record_id = cs.case_id) FROM case_summary cs";

// A WHERE clause with numbered parameters and the values to bind to them.
struct Filter {
  std::string where;
  std::vector<std::string> params;

  std::string param(std::string value) {
    params.push_back(std::move(value));
    return "?" + std::to_string(params.size());
  }
  std::string list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + param(v);
    return out;
  }
  void add(const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; }
};

std::string like_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// How a tactic/country/purpose filter joins: a selective one (few matching
// rows) as an IN list that drives the query; a common one as EXISTS probes
// made while walking the sort index, which stop after one page.
enum class FacetJoin { in_list, exists };

expected<FacetJoin, StorageError> facet_join(detail::VaultState& s, const char* kind,
                                             const std::vector<std::string>& values) {
  Filter probe;
  const std::string sql = std::string("SELECT count(*) FROM (SELECT 1 FROM case_facets WHERE kind = '") + kind +
                          "' AND code IN (" + probe.list(values) + ") LIMIT ?" + std::to_string(values.size() + 1) + ")";
  auto st = s.db.prepare_uncached(sql);
  if (!st) return unexpected(st.error());
  for (std::size_t i = 0; i < probe.params.size(); ++i) st->bind(static_cast<int>(i + 1), probe.params[i]);
  st->bind(static_cast<int>(values.size() + 1), detail::selective_facet_rows);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  return st->integer(0) < detail::selective_facet_rows ? FacetJoin::in_list : FacetJoin::exists;
}

// `s` is given for list pages (facet joins are then chosen per filter);
// counts pass nullptr and use IN lists, which count fastest.
expected<Filter, StorageError> build_filter(const CaseQuery& q, detail::VaultState* s) {
  Filter f;
  if (!q.statuses.empty()) f.add("cs.status IN (" + f.list(q.statuses) + ")");
  if (!q.priorities.empty()) f.add("cs.priority IN (" + f.list(q.priorities) + ")");
  if (!q.risk_ratings.empty()) f.add("cs.risk_rating IN (" + f.list(q.risk_ratings) + ")");
  if (!q.consent.empty()) {
    std::vector<std::string> states;
    for (auto c : q.consent) states.emplace_back(to_string(c));
    f.add("cs.consent_state IN (" + f.list(states) + ")");
  }
  const std::pair<const char*, const std::vector<std::string>*> facets[] = {
      {"tactic", &q.tactics}, {"country", &q.countries}, {"purpose", &q.purposes}};
  for (const auto& [kind, values] : facets) {
    if (values->empty()) continue;
    auto join = s != nullptr ? facet_join(*s, kind, *values) : expected<FacetJoin, StorageError>(FacetJoin::in_list);
    if (!join) return unexpected(join.error());
    const std::string codes = f.list(*values);
    if (*join == FacetJoin::in_list) {
      f.add(std::string("cs.case_id IN (SELECT case_id FROM case_facets WHERE kind = '") + kind + "' AND code IN (" +
            codes + "))");
    } else {
      f.add(std::string("EXISTS (SELECT 1 FROM case_facets f WHERE f.case_id = cs.case_id AND f.kind = '") + kind +
            "' AND f.code IN (" + codes + "))");
    }
  }
  if (!q.text.empty()) {
    auto match = detail::match_expression(q.text);
    if (!match) return unexpected(match.error());
    // LIKE folds ASCII case without allocating per row (lower() would, and
    // every allocation is costly under cipher_memory_security).
    const std::string pattern = f.param("%" + like_escaped(q.text) + "%");
    std::string clause = "(cs.reference LIKE " + pattern + " ESCAPE '\\' OR cs.title LIKE " + pattern + " ESCAPE '\\'";
    if (!match->empty()) {
      // The narrow (rid, case) index maps hits to cases without reading records.
      clause += " OR cs.case_id IN (SELECT coalesce(r.case_id, r.id) FROM record_search s JOIN records r "
                "INDEXED BY records_case_by_rid ON r.rid = s.rowid WHERE record_search MATCH " +
                f.param(*match) + ")";
    }
    f.add(clause + ")");
  }
  return f;
}

const char* sort_column(CaseSort s) {
  switch (s) {
    case CaseSort::last_change: return "cs.change_seq";
    case CaseSort::created: return "cs.created_at";
    case CaseSort::reference: return "cs.reference";
    case CaseSort::title: return "cs.title";
    case CaseSort::status: return "cs.status";
    case CaseSort::priority: return "cs.priority_rank";
    case CaseSort::risk: return "cs.risk_rank";
  }
  return "cs.change_seq";
}

std::vector<std::string> split_codes(const std::string& joined) {
  std::vector<std::string> out;
  std::stringstream in(joined);
  for (std::string code; std::getline(in, code, ',');) out.push_back(code);
  return out;
}

// `page`: limit and offset, bound after the filter's parameters.
expected<std::vector<CaseSummary>, StorageError> run_list(detail::VaultState& s, const std::string& sql,
                                                          const std::vector<std::string>& params,
                                                          std::optional<std::pair<std::size_t, std::size_t>> page) {
  auto st = s.db.prepare(sql);
  if (!st) return unexpected(st.error());
  for (std::size_t i = 0; i < params.size(); ++i) st->bind(static_cast<int>(i + 1), params[i]);
  if (page) {
    st->bind(static_cast<int>(params.size() + 1), static_cast<std::int64_t>(page->first));
    st->bind(static_cast<int>(params.size() + 2), static_cast<std::int64_t>(page->second));
  }
  std::vector<CaseSummary> out;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    CaseSummary c;
    c.case_id = st->text(0);
    c.reference = st->text(1);
    c.title = st->text(2);
    c.status = st->text(3);
    c.priority = st->text(4);
    c.risk_rating = st->text(5);
    c.consent = detail::consent_state_from(st->text(6));
    c.created_at = st->text(7);
    c.last_change = st->text(8);
    c.tactics = split_codes(st->text(9));
    c.countries = split_codes(st->text(10));
    c.purposes = split_codes(st->text(11));
    c.from = st->text(12);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

const char* to_string(ConsentState s) noexcept {
  switch (s) {
    case ConsentState::none: return "none";
    case ConsentState::given: return "given";
    case ConsentState::withdrawn: return "withdrawn";
  }
  return "none";
}

expected<std::vector<CaseSummary>, StorageError> CaseList::list(const CaseQuery& q) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (q.limit > kMaxLimit) return unexpected(make_error(VaultError::invalid_argument, "limit above 1000"));
  auto f = build_filter(q, &a.state());
  if (!f) return unexpected(f.error());
  const char* dir = q.descending ? " DESC" : " ASC";
  // change_seq breaks ties in the same direction: every sort order is then
  // one of the summary's (column, change_seq) indexes, read in order. The
  // page's ids come from that index alone (cheap to skip an offset over);
  // only the page's rows are read whole.
  const std::string order = std::string(" ORDER BY ") + sort_column(q.sort) + dir +
                            (q.sort == CaseSort::last_change ? std::string() : ", cs.change_seq" + std::string(dir));
  const std::string sql = std::string(kSummaryColumns) + " WHERE cs.case_id IN (SELECT cs.case_id FROM case_summary cs" +
                          f->where + order + " LIMIT ?" + std::to_string(f->params.size() + 1) + " OFFSET ?" +
                          std::to_string(f->params.size() + 2) + ")" + order;
  return run_list(a.state(), sql, f->params, std::make_pair(q.limit, q.offset));
}

expected<std::size_t, StorageError> CaseList::count(const CaseQuery& q) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto f = build_filter(q, nullptr);
  if (!f) return unexpected(f.error());
  auto st = a.state().db.prepare("SELECT count(*) FROM case_summary cs" + f->where);
  if (!st) return unexpected(st.error());
  for (std::size_t i = 0; i < f->params.size(); ++i) st->bind(static_cast<int>(i + 1), f->params[i]);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  return static_cast<std::size_t>(st->integer(0));
}

expected<CaseSummary, StorageError> CaseList::get(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto rows = run_list(a.state(), std::string(kSummaryColumns) + " WHERE cs.case_id = ?1", {std::string(case_id)}, std::nullopt);
  if (!rows) return unexpected(rows.error());
  if (rows->empty()) return unexpected(make_error(VaultError::not_found, "case " + std::string(case_id)));
  return std::move(rows->front());
}

}  // namespace safehold::storage
