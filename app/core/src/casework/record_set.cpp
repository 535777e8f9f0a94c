// write_record_set: a set of new records in one batch, in the order the
// model derives, with references remapped; write_received_set: a bundle's
// records, ids kept, in the same order, as the ledger decides (record_set.hpp).
#include "safehold/core/casework/record_set.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "safehold/schema/model.hpp"
#include "safehold/schema/write_order.hpp"

namespace safehold::core::casework {
namespace {

using nlohmann::json;
using Ids = std::map<std::string, std::string>;

unexpected<RecordSetFailure> invalid(std::string detail) {
  return unexpected(RecordSetFailure{RecordSetError::invalid_set, std::nullopt, {}, std::nullopt, std::move(detail)});
}

unexpected<RecordSetFailure> failed(RecordSetError code, std::size_t index, const std::string& entity,
                                    const storage::StorageError& e) {
  return unexpected(RecordSetFailure{code, index, entity, e, {}});
}

// Calls visit(id) on every id held by a ref/refs field of `value`, nested
// ones included.
void for_each_ref(const std::vector<schema::FieldDef>& defs, json& object, const std::function<void(json&)>& visit) {
  if (!object.is_object()) return;
  for (const auto& def : defs) {
    const auto it = object.find(def.name);
    if (it == object.end()) continue;
    json& value = *it;
    if (def.type == schema::FieldType::ref && value.is_string()) visit(value);
    if (def.type == schema::FieldType::refs && value.is_array()) {
      for (auto& id : value) {
        if (id.is_string()) visit(id);
      }
    }
    if (def.type == schema::FieldType::object) for_each_ref(def.fields, value, visit);
    if (def.type == schema::FieldType::list && value.is_array()) {
      for (auto& item : value) for_each_ref(def.fields, item, visit);
    }
  }
}

// Rewrites references to written drafts; true if one still names a draft of
// the set that is not written yet.
bool remap(const schema::EntityDef& def, json& fields, const Ids& written, const std::set<std::string>& drafts) {
  bool pending = false;
  for_each_ref(def.fields, fields, [&](json& id) {
    const auto& text = id.get_ref<const std::string&>();
    if (const auto w = written.find(text); w != written.end()) {
      id = w->second;
    } else if (drafts.contains(text)) {
      pending = true;
    }
  });
  return pending;
}

// The fields without the top-level ones that still name unwritten drafts.
json without_pending(const schema::EntityDef& def, const json& fields, const std::set<std::string>& drafts) {
  json out = json::object();
  for (const auto& [name, value] : fields.items()) {
    json one = json::object();
    one[name] = value;
    if (!remap(def, one, {}, drafts)) out[name] = value;
  }
  return out;
}

// Indices 0..n-1 in the order the model gives (schema::write_rank: case,
// consent, the rest), the caller's order kept within a rank: every writer of
// a set of records orders it here.
std::vector<std::size_t> model_order(const std::vector<const schema::EntityDef*>& defs) {
  std::vector<std::size_t> order(defs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return schema::write_rank(*defs[a]) < schema::write_rank(*defs[b]);
  });
  return order;
}

expected<void, RecordSetFailure> check_set(const RecordSet& set, std::vector<const schema::EntityDef*>& defs) {
  std::size_t cases = 0;
  std::set<std::string> drafts;
  for (std::size_t i = 0; i < set.records.size(); ++i) {
    const auto& r = set.records[i];
    const auto* def = schema::Model::builtin().entity(r.entity);
    if (def == nullptr) return invalid("record " + std::to_string(i) + ": unknown entity " + r.entity);
    if (r.entity == "case") ++cases;
    if (!def->in_case && r.entity != "case") {
      return invalid("record " + std::to_string(i) + ": a " + r.entity + " record does not belong to a case");
    }
    if (!r.attachment.empty() && r.entity != "evidence_item") {
      return invalid("record " + std::to_string(i) + ": only an evidence item holds a file");
    }
    if (!r.draft_id.empty() && !drafts.insert(r.draft_id).second) {
      return invalid("record " + std::to_string(i) + ": duplicate draft id " + r.draft_id);
    }
    defs.push_back(def);
  }
  if (set.case_id.empty() ? cases != 1 : cases != 0) {
    return invalid(set.case_id.empty() ? "expected exactly one case record" : "a case record in a set for a case");
  }
  return {};
}

}  // namespace

std::string RecordSetFailure::describe() const {
  std::string where = index ? "record " + std::to_string(*index) + " (" + entity + ")" : entity;
  switch (code) {
    case RecordSetError::invalid_set: return "not a set of records: " + detail;
    case RecordSetError::record: return (where.empty() ? "" : where + ": ") + (vault ? vault->describe() : detail);
    case RecordSetError::attachment: return where + " file: " + (vault ? vault->describe() : detail);
    case RecordSetError::commit: return "saving: " + (vault ? vault->describe() : detail);
  }
  return detail;
}

expected<WrittenSet, RecordSetFailure> write_record_set(storage::Vault& vault, const RecordSet& set,
                                                        const WriteHooks& hooks) {
  std::vector<const schema::EntityDef*> defs;
  if (auto ok = check_set(set, defs); !ok) return unexpected(ok.error());
  const std::vector<std::size_t> order = model_order(defs);
  std::set<std::string> unwritten;
  for (const auto& r : set.records) {
    if (!r.draft_id.empty()) unwritten.insert(r.draft_id);
  }
  auto batch = vault.begin_batch();
  if (!batch) return unexpected(RecordSetFailure{RecordSetError::commit, std::nullopt, {}, batch.error(), {}});
  WrittenSet out;
  out.case_id = set.case_id;
  out.records.resize(set.records.size());
  std::vector<std::size_t> later;  // records stored without some references
  for (const std::size_t i : order) {
    const NewRecord& r = set.records[i];
    json fields = r.fields;
    if (remap(*defs[i], fields, out.ids, unwritten)) {
      later.push_back(i);
      fields = without_pending(*defs[i], fields, unwritten);
    }
    auto rec = vault.records().create(r.entity, r.entity == "case" ? std::string() : out.case_id, std::move(fields));
    if (!rec) return failed(RecordSetError::record, i, r.entity, rec.error());
    if (r.entity == "case") out.case_id = rec->id;
    if (!r.draft_id.empty()) {
      out.ids[r.draft_id] = rec->id;
      unwritten.erase(r.draft_id);
    }
    if (!r.attachment.empty()) {
      auto a = vault.attachments().import_file(rec->id, r.attachment, hooks.file);
      if (!a) return failed(RecordSetError::attachment, i, r.entity, a.error());
      if (hooks.attachment_done) hooks.attachment_done(i);
      // The import wrote size and hash into the evidence record.
      auto now = vault.records().get(rec->id);
      if (!now) return failed(RecordSetError::attachment, i, r.entity, now.error());
      rec = std::move(now);
    }
    out.records[i] = std::move(*rec);
  }
  for (const std::size_t i : later) {
    json fields = set.records[i].fields;
    remap(*defs[i], fields, out.ids, {});
    // Fields the first write set (an attachment's size and hash) stay.
    for (const auto& [name, value] : out.records[i].fields.items()) {
      if (!fields.contains(name)) fields[name] = value;
    }
    auto rec = vault.records().update(out.records[i].id, std::move(fields));
    if (!rec) return failed(RecordSetError::record, i, set.records[i].entity, rec.error());
    out.records[i] = std::move(*rec);
  }
  if (auto c = batch->commit(); !c) {
    return unexpected(RecordSetFailure{RecordSetError::commit, std::nullopt, {}, c.error(), {}});
  }
  return out;
}

expected<storage::ImportOutcome, RecordSetFailure> write_received_set(storage::Vault& vault, const ReceivedSet& set) {
  auto refused = [](const storage::StorageError& e) {
    return unexpected(RecordSetFailure{RecordSetError::record, std::nullopt, {}, e, {}});
  };
  auto ledger = vault.bundles();  // a view on the vault
  auto plan = ledger.plan_records(set.bundle_id, set.signer_key, set.records);
  if (!plan) return refused(plan.error());
  std::vector<const schema::EntityDef*> defs;
  for (std::size_t i = 0; i < plan->size(); ++i) {
    defs.push_back(schema::Model::builtin().entity(plan->record(i).entity));  // the ledger validated each
  }
  for (const std::size_t i : model_order(defs)) {
    if (auto w = ledger.store_planned(*plan, i); !w) {
      return unexpected(RecordSetFailure{RecordSetError::record, std::nullopt, plan->record(i).entity, w.error(), {}});
    }
  }
  if (auto s = ledger.settle_planned(*plan); !s) return refused(s.error());
  return plan->outcome();
}

}  // namespace safehold::core::casework
