// RecordStore: the public face of record writes and reads.
#include "safehold/storage/records.hpp"

#include <algorithm>

#include "case_index.hpp"
#include "json_access.hpp"
#include "record_meta_rows.hpp"
#include "record_owner.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "safehold/schema/formats.hpp"
#include "util.hpp"

namespace safehold::storage {
using detail::VaultAccess;
using nlohmann::json;

json Record::to_json() const {
  json j = {{"id", id}, {"entity", entity}, {"created_at", created_at}, {"updated_at", updated_at}, {"fields", fields}};
  if (!case_id.empty()) j["case_id"] = case_id;
  return j;
}

expected<Record, StorageError> Record::from_json(const json& j) {
  auto bad = [](const char* what) { return unexpected(make_error(VaultError::invalid_record, what)); };
  if (!j.is_object()) return bad("record is not an object");
  for (const auto& [key, value] : j.items()) {
    const bool known = key == "id" || key == "entity" || key == "case_id" || key == "created_at" ||
                       key == "updated_at" || key == "fields";
    if (!known) return bad("unknown member in record");
    if (key != "fields" && !value.is_string()) return bad("record member is not a string");
  }
  for (const char* key : {"id", "entity", "created_at", "updated_at", "fields"}) {
    if (!j.contains(key)) return bad("record member missing");
  }
  if (!j["fields"].is_object()) return bad("fields is not an object");
  Record r;
  r.id = j["id"].get<std::string>();
  r.entity = j["entity"].get<std::string>();
  r.case_id = detail::text_of(j, "case_id");
  r.created_at = j["created_at"].get<std::string>();
  r.updated_at = j["updated_at"].get<std::string>();
  r.fields = j["fields"];
  return r;
}

expected<Record, StorageError> RecordStore::create(std::string_view entity, std::string_view case_id, json fields) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (!fields.is_object()) return unexpected(make_error(VaultError::invalid_record, "fields is not an object"));
  Record r;
  r.id = detail::new_uuid_v4();
  r.entity = std::string(entity);
  r.case_id = std::string(case_id);
  r.created_at = r.updated_at = detail::utc_now();
  r.fields = std::move(fields);
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  if (r.entity == "case") {
    if (r.fields.contains("reference")) {
      return unexpected(make_error(VaultError::invalid_record, "reference: assigned by the vault"));
    }
    auto ref = detail::next_case_reference(s, detail::utc_year(r.created_at));
    if (!ref) return unexpected(ref.error());
    r.fields["reference"] = *ref;
  }
  if (r.entity == "consent") {
    auto case_owner = detail::record_owner_key(s, r.case_id);
    if (!case_owner) return unexpected(case_owner.error());
    if (*case_owner) {  // a missing case is refused by the write itself
      if (auto o = detail::require_case_owner(s, r.case_id, ""); !o) return unexpected(o.error());
    }
  }
  if (auto w = detail::store_record(s, r, {}); !w) return unexpected(w.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return r;
}

expected<Record, StorageError> RecordStore::get(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::load_record(a.state(), id);
}

expected<Record, StorageError> RecordStore::update(std::string_view id, json fields) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (!fields.is_object()) return unexpected(make_error(VaultError::invalid_record, "fields is not an object"));
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  auto before = detail::load_record(s, id);
  if (!before) return unexpected(before.error());
  Record r = std::move(*before);
  if (auto o = detail::require_own_record(s, r, "changed"); !o) return unexpected(o.error());
  if (r.entity == "case") {
    // The reference is the vault's: keep it whatever the caller sent.
    const json* kept = detail::member(r.fields, "reference");
    const json reference = kept != nullptr ? *kept : json();
    r.fields = std::move(fields);
    r.fields["reference"] = reference;
  } else {
    r.fields = std::move(fields);
  }
  r.updated_at = std::max(detail::utc_now(), r.updated_at);
  if (auto w = detail::store_record(s, r, {detail::WriteKind::update, true, {}}); !w) return unexpected(w.error());
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return r;
}

expected<void, StorageError> RecordStore::remove(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto tx = detail::WriteTransaction::begin(a.state());
  if (!tx) return unexpected(tx.error());
  auto r = detail::load_record(a.state(), id);
  if (!r) return unexpected(r.error());
  // A whole case held as a copy may go (it removes only the local copy);
  // single records of someone else's may not.
  if (r->entity != "case") {
    if (auto o = detail::require_own_record(a.state(), *r, "deleted"); !o) return o;
  }
  if (auto d = detail::delete_record(a.state(), id); !d) return d;
  return tx->commit();
}

expected<std::string, StorageError> RecordStore::owner(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::owner_of(a.state(), id);
}

expected<RecordMeta, StorageError> RecordStore::meta(std::string_view id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::load_meta(a.state(), id);
}

expected<std::vector<Record>, StorageError> RecordStore::list(std::string_view case_id, std::string_view entity) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::load_case_records(a.state(), case_id, entity);
}

expected<std::vector<Record>, StorageError> RecordStore::list_entity(std::string_view entity) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return detail::load_entity_records(a.state(), entity);
}

expected<std::optional<Record>, StorageError> RecordStore::find_case_by_reference(std::string_view reference) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  // Every vault numbers SH-YYYY-0001 upwards, so an imported case can hold
  // a reference that another case here holds too. A reference that matches
  // several cases is refused, naming them all (issue 10, findings 7 and 12:
  // it used to resolve silently to the oldest, which a decoy could be).
  auto st = a.state().db.prepare(
      "SELECT cs.case_id, (SELECT b.sender_name FROM record_provenance p JOIN imported_bundles b "
      "ON b.signer_key = p.first_signer_key AND b.bundle_id = p.first_bundle_id "
      "WHERE p.record_id = cs.case_id) FROM case_summary cs "
      "WHERE cs.reference = ?1 ORDER BY cs.created_at, cs.case_id");
  if (!st) return unexpected(st.error());
  st->bind(1, reference);
  std::vector<std::pair<std::string, std::string>> matches;  // (case id, sender name or "")
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    matches.emplace_back(st->text(0), st->text(1));
  }
  st->reset();
  if (matches.empty()) return std::optional<Record>();
  if (matches.size() > 1) {
    std::string which;
    for (const auto& [id, from] : matches) {
      which += (which.empty() ? "" : ", ") + id + (from.empty() ? " (this vault's own)" : " (from " + from + ")");
    }
    return unexpected(make_error(VaultError::ambiguous_reference, std::string(reference) + ": " + which));
  }
  const std::string id = matches.front().first;
  auto r = detail::load_record(a.state(), id);
  if (!r) return unexpected(r.error());
  return std::optional<Record>(std::move(*r));
}

}  // namespace safehold::storage
