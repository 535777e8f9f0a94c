// BundleLedger::classify and import_records: records as received in a bundle,
// under the ownership rule of bundle_ledger.hpp.
#include <algorithm>

#include "bundle_ledger_rows.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/storage/bundle_ledger.hpp"

namespace safehold::storage {
using detail::VaultAccess;
using detail::VaultState;

namespace {

expected<IncomingVerdict, StorageError> verdict(VaultState& s, const Record& in, std::string_view signer_key) {
  auto existing = detail::find_record(s, in.id);
  if (!existing) return unexpected(existing.error());
  if (!*existing) return IncomingVerdict{IncomingState::fresh, {}};
  const Record& have = **existing;
  if (have.entity != in.entity || have.case_id != in.case_id) {
    return IncomingVerdict{IncomingState::conflict,
                           "record " + in.id + " is a different record in this vault (" + have.entity + ")"};
  }
  auto a = detail::record_digest(have);
  if (!a) return unexpected(a.error());
  auto b = detail::record_digest(in);
  if (!b) return unexpected(b.error());
  if (*a == *b) return IncomingVerdict{IncomingState::identical, {}};
  auto owner = detail::record_owner(s, in.id);
  if (!owner) return unexpected(owner.error());
  if (!*owner) {
    return IncomingVerdict{IncomingState::conflict, "record " + in.id + " is this vault's own and differs"};
  }
  if (**owner != signer_key) {
    return IncomingVerdict{IncomingState::conflict, "record " + in.id + " came from another sender and differs"};
  }
  // RFC 3339 UTC with second precision orders as text.
  if (in.updated_at > have.updated_at) return IncomingVerdict{IncomingState::newer, {}};
  return IncomingVerdict{IncomingState::older, {}};
}

// Write order, from the model: records outside a case (the case) first, then
// records that answer consent scopes (a `scopes` field: consent), then the
// rest. So the consent gate sees the set's own consent before any field that
// needs one of its scopes, e.g. the interviewee's legal_name under
// store_real_identity (issue 10, finding 1: the interviewee used to be
// written before the consent that allows it). References are checked after
// the whole set is written, so the consent may name a person written later.
int import_rank(const Record& r) {
  const auto* def = detail::entity_def(r.entity);
  if (def == nullptr || !def->in_case) return 0;
  const bool gives_consent = std::any_of(def->fields.begin(), def->fields.end(), [](const schema::FieldDef& f) {
    return f.type == schema::FieldType::scopes;
  });
  return gives_consent ? 1 : 2;
}

// Like every write's reference check, except that a reference to a contact
// this vault does not have is kept as an id without delete protection:
// contacts are address-book entries of the sender and never travel.
expected<void, StorageError> check_references(VaultState& s, const Record& r) {
  const auto* def = detail::entity_def(r.entity);
  if (def == nullptr) return unexpected(make_error(VaultError::invalid_record, "unknown entity"));
  std::vector<std::string> targets;
  for (const auto& ref : schema::referenced_ids(*def, r.fields)) {
    auto target = detail::find_record(s, ref.id);
    if (!target) return unexpected(target.error());
    const auto* tdef = detail::entity_def(ref.entity);
    const bool in_case = tdef != nullptr && tdef->in_case;
    if (!*target && !in_case) continue;
    const bool ok = *target && (*target)->entity == ref.entity && (!in_case || (*target)->case_id == r.case_id) &&
                    ref.id != r.id;
    if (!ok) {
      return unexpected(make_error(VaultError::invalid_reference, r.entity + " " + r.id + " field " + ref.path +
                                                                      ": no " + ref.entity + " " + ref.id +
                                                                      (in_case ? " in this case" : "")));
    }
    targets.push_back(ref.id);
  }
  return detail::set_record_refs(s, r.id, targets);
}

}  // namespace

expected<IncomingVerdict, StorageError> BundleLedger::classify(const Record& incoming, std::string_view signer_key) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  return verdict(a.state(), incoming, signer_key);
}

expected<std::size_t, StorageError> BundleLedger::import_records(std::string_view bundle_id,
                                                                 std::string_view signer_key,
                                                                 const std::vector<Record>& records) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return unexpected(r.error());
  struct Pending {
    const Record* record;
    bool update;
  };
  std::vector<Pending> pending;
  for (const auto& r : records) {
    if (auto v = schema::validate_record(schema::Model::builtin(), r.to_json(), schema::Mode::read); !v) {
      return unexpected(make_error(VaultError::invalid_record, "record " + r.id + ": " + v.error().describe()));
    }
    if (r.entity == "contact") {
      return unexpected(make_error(VaultError::invalid_record, "record " + r.id + ": contacts are not imported"));
    }
    auto v = verdict(s, r, signer_key);
    if (!v) return unexpected(v.error());
    if (v->state == IncomingState::conflict) return unexpected(make_error(VaultError::not_allowed, v->reason));
    if (v->state == IncomingState::fresh || v->state == IncomingState::newer) {
      pending.push_back({&r, v->state == IncomingState::newer});
    }
  }
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Pending& x, const Pending& y) { return import_rank(*x.record) < import_rank(*y.record); });
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  for (const auto& p : pending) {
    const auto kind = p.update ? detail::WriteKind::import_update : detail::WriteKind::import;
    if (auto w = detail::store_record(s, *p.record, {kind, false}); !w) return unexpected(w.error());
    if (auto w = detail::set_provenance(s, p.record->id, bundle_id, signer_key); !w) return unexpected(w.error());
  }
  for (const auto& p : pending) {
    if (auto refs = check_references(s, *p.record); !refs) return unexpected(refs.error());
  }
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return pending.size();
}

}  // namespace safehold::storage
