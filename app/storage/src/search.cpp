#include "safehold/schema/record.hpp"
#include "safehold/storage/search.hpp"
#include "search_index.hpp"
#include "search_text.hpp"

namespace safehold::storage {
namespace detail {

expected<void, StorageError> index_record(VaultState& s, std::int64_t rid, const Record& record,
                                           const schema::EntityDef& def) {
  auto del = s.db.prepare("DELETE FROM record_search WHERE rowid = ?1");
  if (!del) return unexpected(del.error());
  del->bind(1, rid);
  if (auto r = del->run(); !r) return r;
  const IndexedText text = index_columns(schema::searchable_text(def, record.fields, true));
  if (text.words.find_first_not_of(" \n") == std::string::npos && text.cjk_chars.empty()) return {};
  auto ins = s.db.prepare("INSERT INTO record_search (rowid, words, cjk_chars) VALUES (?1, ?2, ?3)");
  if (!ins) return unexpected(ins.error());
  ins->bind(1, rid).bind(2, text.words).bind(3, text.cjk_chars);
  return ins->run();
}

expected<void, StorageError> unindex_record(VaultState& s, std::string_view record_id) {
  auto del = s.db.prepare("DELETE FROM record_search WHERE rowid = (SELECT rid FROM records WHERE id = ?1)");
  if (!del) return unexpected(del.error());
  del->bind(1, record_id);
  return del->run();
}

}  // namespace detail

namespace {
constexpr std::size_t kMaxHits = 10000;
}

expected<std::vector<SearchHit>, StorageError> SearchIndex::find(const SearchQuery& q) {
  detail::VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto match = detail::match_expression(q.text);
  if (!match) return unexpected(match.error());
  std::vector<SearchHit> hits;
  if (match->empty() || q.limit == 0) return hits;
  // Newest records first: FTS5 walks its doclists in rowid order and stops at
  // the limit, which keeps common terms fast on big vaults. Within one case,
  // the case's records are probed against the index one by one instead.
  std::string sql =
      q.case_id.empty()
          ? "SELECT coalesce(r.case_id, ''), r.entity, r.id FROM record_search s JOIN records r ON r.rid = s.rowid "
            "WHERE record_search MATCH ?1"
          : "SELECT coalesce(r.case_id, ''), r.entity, r.id FROM records r CROSS JOIN record_search s "
            "ON s.rowid = r.rid WHERE r.case_id = ?3 AND record_search MATCH ?1";
  for (std::size_t i = 0; i < q.entities.size(); ++i) {
    sql += (i == 0 ? " AND r.entity IN (?" : ", ?") + std::to_string(4 + i);
    if (i + 1 == q.entities.size()) sql += ")";
  }
  sql += q.case_id.empty() ? " ORDER BY s.rowid DESC LIMIT ?2" : " ORDER BY r.rid DESC LIMIT ?2";
  auto st = a.state().db.prepare(sql);
  if (!st) return unexpected(st.error());
  st->bind(1, *match).bind(2, static_cast<std::int64_t>(std::min(q.limit, kMaxHits)));
  if (!q.case_id.empty()) st->bind(3, q.case_id);
  for (std::size_t i = 0; i < q.entities.size(); ++i) st->bind(static_cast<int>(4 + i), q.entities[i]);
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    hits.push_back({st->text(0), st->text(1), st->text(2)});
  }
  return hits;
}

}  // namespace safehold::storage
