// Owners and revisions of records (schema/bundle-v1.md 12): the columns
// owner_key, revision_n, revision_id, revision_history, withheld of `records`.
#include "record_meta_rows.hpp"

#include <algorithm>

#include "util.hpp"

namespace safehold::storage {

Revision next_revision(const Revision& r, std::string new_id) {
  Revision out;
  out.n = r.n + 1;
  out.id = std::move(new_id);
  out.history.reserve(std::min(r.history.size() + 1, kRevisionHistory));
  out.history.push_back(r.id);
  for (const auto& h : r.history) {
    if (out.history.size() == kRevisionHistory) break;
    out.history.push_back(h);
  }
  return out;
}

bool descends_from(const Revision& later, const Revision& earlier) {
  return later.n > earlier.n &&
         std::find(later.history.begin(), later.history.end(), earlier.id) != later.history.end();
}

namespace detail {
namespace {

std::vector<std::string> strings_of(const std::string& text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

expected<RecordMeta, StorageError> load_meta(VaultState& s, std::string_view id) {
  auto st = s.db.prepare(
      "SELECT owner_key, revision_n, revision_id, revision_history, withheld FROM records WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "record " + std::string(id)));
  RecordMeta m;
  m.owner_key = st->text(0);
  m.revision.n = st->integer(1);
  m.revision.id = st->text(2);
  m.revision.history = strings_of(st->text(3));
  m.withheld = strings_of(st->text(4));
  return m;
}

expected<void, StorageError> write_meta(VaultState& s, std::string_view id, const RecordMeta& m) {
  auto st = s.db.prepare(
      "UPDATE records SET owner_key = ?2, revision_n = ?3, revision_id = ?4, revision_history = ?5, withheld = ?6 "
      "WHERE id = ?1");
  if (!st) return unexpected(st.error());
  const std::string history = nlohmann::json(m.revision.history).dump();
  const std::string withheld = nlohmann::json(m.withheld).dump();
  st->bind(1, id).bind(2, m.owner_key).bind(3, m.revision.n).bind(4, m.revision.id);
  st->bind(5, history).bind(6, withheld);
  return st->run();
}

}  // namespace detail
}  // namespace safehold::storage
