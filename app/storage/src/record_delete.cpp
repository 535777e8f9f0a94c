// Deleting records with the cascade rules documented on RecordStore::remove
// and in docs/storage.md "Deleting".
#include <algorithm>
#include <set>

#include "attachment_rows.hpp"
#include "audit_log.hpp"
#include "case_consent.hpp"
#include "case_index.hpp"
#include "json_access.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "search_index.hpp"
#include "util.hpp"

namespace safehold::storage::detail {
namespace {

// Removes one record whose references have been dealt with: its attachment
// (crypto-shredded), index entry, outgoing references, row, and audits it.
expected<void, StorageError> erase(VaultState& s, const Record& r, std::string_view reference) {
  if (r.entity == "evidence_item") {
    if (auto a = shred_attachment_of(s, r.id); !a) return a;
  }
  if (auto u = unindex_record(s, r.id); !u) return u;
  if (auto refs = set_record_refs(s, r.id, {}); !refs) return refs;
  auto digest = record_digest(r);
  if (!digest) return unexpected(digest.error());
  if (auto d = delete_record_row(s, r.id); !d) return d;
  AuditEvent ev{AuditAction::record_deleted, r.entity, r.id, r.entity == "case" ? r.id : r.case_id, "",
                std::string(reference), *digest};
  if (auto e = append_audit(s, ev); !e) return unexpected(e.error());
  return {};
}

expected<void, StorageError> refuse_if_referenced(VaultState& s, const Record& r, const std::set<std::string>& going) {
  auto from = referrers(s, r.id);
  if (!from) return unexpected(from.error());
  std::string listed;
  std::size_t count = 0;
  for (const auto& id : *from) {
    if (going.contains(id)) continue;
    if (++count <= 5) {
      auto other = find_record(s, id);
      if (!other) return unexpected(other.error());
      listed += (listed.empty() ? "" : ", ") + (*other ? (*other)->entity : std::string("record")) + " " + id;
    }
  }
  if (count == 0) return {};
  if (count > 5) listed += ", and " + std::to_string(count - 5) + " more";
  return unexpected(make_error(VaultError::has_dependents, r.entity + " " + r.id + " is referred to by " + listed));
}

// The last consent record may not go while the case holds records that
// needed it: withdrawal is the way to end consent.
expected<void, StorageError> refuse_last_consent(VaultState& s, const Record& r) {
  auto consents = load_case_records(s, r.case_id, "consent");
  if (!consents) return unexpected(consents.error());
  if (consents->size() > 1) return {};
  auto all = load_case_records(s, r.case_id, "");
  if (!all) return unexpected(all.error());
  for (const auto& other : *all) {
    if (!allowed_before_consent(other)) {
      auto header = case_header(s, r.case_id);
      const std::string ref = header ? header->reference : r.case_id;
      return unexpected(make_error(VaultError::not_allowed,
                                   "case " + ref + ": the only consent record cannot be deleted while the case "
                                   "holds records that need consent; record a withdrawal instead"));
    }
  }
  return {};
}

expected<void, StorageError> delete_case(VaultState& s, const Record& c, std::string_view reference) {
  auto children = load_case_records(s, c.id, "");
  if (!children) return unexpected(children.error());
  // Drop every reference between the case's records first, so rows can go in
  // any order; then newest first.
  for (const auto& r : *children) {
    if (auto refs = set_record_refs(s, r.id, {}); !refs) return refs;
  }
  for (auto it = children->rbegin(); it != children->rend(); ++it) {
    if (auto e = erase(s, *it, reference); !e) return e;
  }
  return erase(s, c, reference);
}

}  // namespace

expected<void, StorageError> delete_record(VaultState& s, std::string_view id, std::string_view reference) {
  auto r = load_record(s, id);
  if (!r) return unexpected(r.error());
  if (r->entity == "case") return delete_case(s, *r, reference);

  std::vector<Record> cascaded;
  if (r->entity == "evidence_item") {
    auto events = load_case_records(s, r->case_id, "custody_event");
    if (!events) return unexpected(events.error());
    for (auto& e : *events) {
      if (text_of(e.fields, "evidence") == r->id) cascaded.push_back(std::move(e));
    }
  }
  std::set<std::string> going;
  for (const auto& c : cascaded) going.insert(c.id);
  if (auto ref = refuse_if_referenced(s, *r, going); !ref) return ref;
  if (r->entity == "consent") {
    if (auto c = refuse_last_consent(s, *r); !c) return c;
  }
  for (const auto& c : cascaded) {
    if (auto e = erase(s, c, reference); !e) return e;
  }
  if (auto e = erase(s, *r, reference); !e) return e;
  if (r->case_id.empty()) return {};
  if (r->entity == "incident" || r->entity == "legal_measure") {
    if (auto f = refresh_case_facets(s, r->case_id); !f) return f;  // its facet rows went with it
  }
  return refresh_case_summary(s, r->case_id, r->entity, utc_now());
}

}  // namespace safehold::storage::detail
