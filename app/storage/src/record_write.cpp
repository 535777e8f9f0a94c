#include "record_write.hpp"

#include "audit_log.hpp"
#include "case_consent.hpp"
#include "case_index.hpp"
#include "json_access.hpp"
#include "record_meta_rows.hpp"
#include "record_rows.hpp"
#include "safehold/schema/record.hpp"
#include "search_index.hpp"
#include "util.hpp"

namespace safehold::storage::detail {
namespace {

StorageError invalid(const schema::ValidationError& e) { return make_error(VaultError::invalid_record, e.describe()); }

// Fields tied to a consent scope need that scope to be "yes". A consent
// record is checked against its own answers (it may grant be_recontacted and
// record the recontact method in one write).
expected<void, StorageError> check_scopes(VaultState& s, const Record& r, const schema::EntityDef& def,
                                          const std::string& reference) {
  const auto needs = schema::fields_needing_scope(def, r.fields);
  if (needs.empty()) return {};
  CaseConsent consent;
  if (r.entity == "consent") {
    consent = evaluate_consent({r});
  } else {
    auto c = case_consent(s, r.case_id);
    if (!c) return unexpected(c.error());
    consent = std::move(*c);
  }
  for (const auto& need : needs) {
    if (consent.answer(need.scope) != "yes") {
      return unexpected(make_error(VaultError::consent_scope_refused,
                                   "case " + reference + ": " + r.entity + " field " + need.path +
                                       " needs consent scope " + need.scope));
    }
  }
  return {};
}

expected<void, StorageError> check_case_and_consent(VaultState& s, const Record& r, const schema::EntityDef& def,
                                                    std::string& reference) {
  if (!def.in_case) {
    if (!r.case_id.empty()) return unexpected(make_error(VaultError::invalid_record, r.entity + " is not part of a case"));
    reference = r.entity == "case" ? text_of(r.fields, "reference") : std::string();
    return {};
  }
  if (r.case_id.empty()) return unexpected(make_error(VaultError::invalid_record, r.entity + " needs a case"));
  auto header = case_header(s, r.case_id);
  if (!header) return unexpected(header.error());
  reference = header->reference;
  if (header->consent == ConsentState::none && !allowed_before_consent(r)) {
    return unexpected(make_error(VaultError::consent_required,
                                 "case " + reference + " has no consent record; " + r.entity +
                                     (r.entity == "person" ? " (other than the interviewee)" : "") +
                                     " cannot be saved before one"));
  }
  return {};
}

AuditAction action_for(WriteKind kind) {
  switch (kind) {
    case WriteKind::create: return AuditAction::record_created;
    case WriteKind::update: return AuditAction::record_updated;
    case WriteKind::import:
    case WriteKind::import_update: return AuditAction::record_imported;
  }
  return AuditAction::record_created;
}

}  // namespace

expected<void, StorageError> check_and_store_references(VaultState& s, const Record& r, bool fresh) {
  const auto* def = entity_def(r.entity);
  if (def == nullptr) return unexpected(make_error(VaultError::invalid_record, "unknown entity"));
  std::vector<std::string> targets;
  for (const auto& ref : schema::referenced_ids(*def, r.fields)) {
    auto target = find_record(s, ref.id);
    if (!target) return unexpected(target.error());
    const auto* tdef = entity_def(ref.entity);
    const bool ok = *target && (*target)->entity == ref.entity &&
                    (tdef == nullptr || !tdef->in_case || (*target)->case_id == r.case_id) && ref.id != r.id;
    if (!ok) {
      return unexpected(make_error(VaultError::invalid_reference,
                                   r.entity + " field " + ref.path + ": no " + ref.entity + " " + ref.id +
                                       (tdef && tdef->in_case ? " in this case" : "")));
    }
    targets.push_back(ref.id);
  }
  if (fresh && targets.empty()) return {};
  return set_record_refs(s, r.id, targets);
}

expected<void, StorageError> store_record(VaultState& s, const Record& r, const WriteOptions& options) {
  const auto* def = entity_def(r.entity);
  if (def == nullptr) return unexpected(make_error(VaultError::invalid_record, "unknown entity"));
  const bool imported = options.kind == WriteKind::import || options.kind == WriteKind::import_update;
  const bool updating = options.kind == WriteKind::update || options.kind == WriteKind::import_update;
  const auto mode = imported ? schema::Mode::read : schema::Mode::write;
  if (auto v = schema::validate_fields(*def, r.fields, mode); !v) return unexpected(invalid(v.error()));
  std::string reference;
  if (auto c = check_case_and_consent(s, r, *def, reference); !c) return c;
  if (auto c = check_scopes(s, r, *def, reference); !c) return c;
  auto json = dump_json(r.fields);
  if (!json) return unexpected(json.error());

  auto rid = updating ? update_record_row(s, r, *json) : insert_record_row(s, r, *json);
  if (!rid) return unexpected(rid.error());
  if (options.meta != nullptr) {
    if (auto m = write_meta(s, r.id, *options.meta); !m) return m;
  } else if (updating) {
    auto held = load_meta(s, r.id);
    if (!held) return unexpected(held.error());
    held->revision = next_revision(held->revision, new_uuid_v4());
    held->withheld.clear();  // the owner's own write holds every field it has
    if (auto m = write_meta(s, r.id, *held); !m) return m;
  } else {
    if (auto m = write_meta(s, r.id, RecordMeta{"", {1, new_uuid_v4(), {}}, {}}); !m) return m;
  }
  const bool fresh = !updating;
  if (options.check_references) {
    if (auto refs = check_and_store_references(s, r, fresh); !refs) return refs;
  }
  if (auto i = index_record(s, *rid, r, *def, fresh); !i) return i;
  if (r.entity == "case") {
    if (auto c = write_case_summary(s, r); !c) return c;
  }
  if (r.entity == "case" || r.entity == "incident" || r.entity == "legal_measure") {
    if (auto c = write_case_facets(s, r, fresh); !c) return c;
  }
  if (def->in_case) {
    if (auto c = refresh_case_summary(s, r.case_id, r.entity, r.updated_at); !c) return c;
  }
  auto digest = record_digest(r);
  if (!digest) return unexpected(digest.error());
  AuditEvent ev{action_for(options.kind), r.entity, r.id, r.entity == "case" ? r.id : r.case_id, "", "", *digest};
  if (auto e = append_audit(s, ev); !e) return unexpected(e.error());
  return {};
}

}  // namespace safehold::storage::detail
