#include "record_rows.hpp"

#include <set>

#include "util.hpp"

namespace safehold::storage::detail {
namespace {

constexpr const char* kColumns = "id, entity, coalesce(case_id, ''), created_at, updated_at, fields";

expected<Record, StorageError> read_row(const Statement& st) {
  Record r;
  r.id = st.text(0);
  r.entity = st.text(1);
  r.case_id = st.text(2);
  r.created_at = st.text(3);
  r.updated_at = st.text(4);
  r.fields = nlohmann::json::parse(st.text(5), nullptr, false);
  if (r.fields.is_discarded() || !r.fields.is_object()) {
    return unexpected(make_error(VaultError::database_corrupt, "record " + r.id + " fields"));
  }
  return r;
}

expected<std::vector<Record>, StorageError> read_all(Statement& st) {
  std::vector<Record> out;
  for (;;) {
    auto row = st.step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    auto r = read_row(st);
    if (!r) return unexpected(r.error());
    out.push_back(std::move(*r));
  }
  return out;
}

expected<std::int64_t, StorageError> rid_of(VaultState& s, std::string_view id) {
  auto st = s.db.prepare("SELECT rid FROM records WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, std::string(id)));
  return st->integer(0);
}

}  // namespace

const schema::EntityDef* entity_def(std::string_view entity) noexcept {
  return schema::Model::builtin().entity(entity);
}

expected<std::string, StorageError> dump_json(const nlohmann::json& value) {
  try {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::exception&) {
    return unexpected(make_error(VaultError::invalid_record, "text is not valid UTF-8"));
  }
}

expected<std::array<std::uint8_t, 32>, StorageError> record_digest(const Record& record) {
  auto text = dump_json(record.to_json());
  if (!text) return unexpected(text.error());
  return sha256(*text);
}

expected<std::optional<Record>, StorageError> find_record(VaultState& s, std::string_view id) {
  auto st = s.db.prepare(std::string("SELECT ") + kColumns + " FROM records WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<Record>();
  auto r = read_row(*st);
  if (!r) return unexpected(r.error());
  return std::optional<Record>(std::move(*r));
}

expected<Record, StorageError> load_record(VaultState& s, std::string_view id) {
  auto r = find_record(s, id);
  if (!r) return unexpected(r.error());
  if (!*r) return unexpected(make_error(VaultError::not_found, "record " + std::string(id)));
  return std::move(**r);
}

expected<std::vector<Record>, StorageError> load_case_records(VaultState& s, std::string_view case_id,
                                                              std::string_view entity) {
  auto st = s.db.prepare(entity.empty()
                             ? std::string("SELECT ") + kColumns + " FROM records WHERE case_id = ?1 ORDER BY created_at, rid"
                             : std::string("SELECT ") + kColumns +
                                   " FROM records WHERE case_id = ?1 AND entity = ?2 ORDER BY created_at, rid");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  if (!entity.empty()) st->bind(2, entity);
  return read_all(*st);
}

expected<std::vector<Record>, StorageError> load_entity_records(VaultState& s, std::string_view entity) {
  auto st = s.db.prepare(std::string("SELECT ") + kColumns + " FROM records WHERE entity = ?1 ORDER BY created_at, rid");
  if (!st) return unexpected(st.error());
  st->bind(1, entity);
  return read_all(*st);
}

expected<std::optional<std::string>, StorageError> record_owner_key(VaultState& s, std::string_view id) {
  auto st = s.db.prepare("SELECT owner_key FROM records WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(st->text(0));
}

expected<std::int64_t, StorageError> insert_record_row(VaultState& s, const Record& r, const std::string& fields_json) {
  auto st = s.db.prepare(
      "INSERT INTO records (id, entity, case_id, created_at, updated_at, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!st) return unexpected(st.error());
  st->bind(1, r.id).bind(2, r.entity);
  if (r.case_id.empty()) {
    st->bind_null(3);
  } else {
    st->bind(3, r.case_id);
  }
  st->bind(4, r.created_at).bind(5, r.updated_at).bind(6, fields_json);
  if (auto x = st->run(); !x) return unexpected(x.error());
  return sqlite3_last_insert_rowid(s.db.handle());
}

expected<std::int64_t, StorageError> update_record_row(VaultState& s, const Record& r, const std::string& fields_json) {
  auto st = s.db.prepare("UPDATE records SET updated_at = ?2, fields = ?3 WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, r.id).bind(2, r.updated_at).bind(3, fields_json);
  if (auto x = st->run(); !x) return unexpected(x.error());
  return rid_of(s, r.id);
}

expected<void, StorageError> delete_record_row(VaultState& s, std::string_view id) {
  auto st = s.db.prepare("DELETE FROM records WHERE id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, id);
  return st->run();
}

expected<void, StorageError> set_record_refs(VaultState& s, std::string_view from_id,
                                             const std::vector<std::string>& to_ids) {
  auto del = s.db.prepare("DELETE FROM record_refs WHERE from_id = ?1");
  if (!del) return unexpected(del.error());
  del->bind(1, from_id);
  if (auto r = del->run(); !r) return r;
  const std::set<std::string> distinct(to_ids.begin(), to_ids.end());
  for (const auto& to : distinct) {
    auto ins = s.db.prepare("INSERT INTO record_refs (from_id, to_id) VALUES (?1, ?2)");
    if (!ins) return unexpected(ins.error());
    ins->bind(1, from_id).bind(2, to);
    if (auto r = ins->run(); !r) return r;
  }
  return {};
}

expected<std::vector<std::string>, StorageError> referrers(VaultState& s, std::string_view id) {
  auto st = s.db.prepare("SELECT from_id FROM record_refs WHERE to_id = ?1 ORDER BY from_id");
  if (!st) return unexpected(st.error());
  st->bind(1, id);
  return st->all_text(0);
}

}  // namespace safehold::storage::detail
