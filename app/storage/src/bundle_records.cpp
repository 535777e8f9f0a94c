// BundleLedger::classify and import_records: records as received in a bundle,
// under the ownership and revision rules of schema/bundle-v1.md 12.
#include <algorithm>
#include <set>

#include "audit_log.hpp"
#include "bundle_ledger_rows.hpp"
#include "case_consent.hpp"
#include "incoming_verdict.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/schema/write_order.hpp"
#include "safehold/storage/bundle_ledger.hpp"
#include "util.hpp"
#include "withdrawal_marks.hpp"

namespace safehold::storage {
using detail::VaultAccess;
using detail::VaultState;

namespace {

// Write order, from the model (schema::write_rank): the case, then consent,
// then the rest. So the consent gate sees the set's own consent before any
// field that needs one of its scopes, e.g. the interviewee's legal_name under
// store_real_identity (issue 10, finding 1: the interviewee used to be
// written before the consent that allows it). References are checked after
// the whole set is written, so the consent may name a person written later.
int import_rank(const Record& r) {
  const auto* def = detail::entity_def(r.entity);
  return def == nullptr ? 0 : schema::write_rank(*def);
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

struct Pending {
  detail::Decision decision;
  bool update;
};

}  // namespace

expected<IncomingVerdict, StorageError> BundleLedger::classify(const IncomingRecord& incoming,
                                                               std::string_view signer_key) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto d = detail::decide(a.state(), incoming, signer_key);
  if (!d) return unexpected(d.error());
  return d->verdict;
}

expected<ImportOutcome, StorageError> BundleLedger::import_records(std::string_view bundle_id,
                                                                   std::string_view signer_key,
                                                                   const std::vector<IncomingRecord>& records) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return unexpected(r.error());
  ImportOutcome out;
  std::vector<Pending> pending;
  std::vector<std::pair<const IncomingRecord*, std::string>> aside;
  std::set<std::string> new_cases;
  for (const auto& in : records) {
    const Record& r = in.record;
    if (auto v = schema::validate_record(schema::Model::builtin(), r.to_json(), schema::Mode::read); !v) {
      return unexpected(make_error(VaultError::invalid_record, "record " + r.id + ": " + v.error().describe()));
    }
    if (r.entity == "contact") {
      return unexpected(make_error(VaultError::invalid_record, "record " + r.id + ": contacts are not imported"));
    }
    auto d = detail::decide(s, in, signer_key);
    if (!d) return unexpected(d.error());
    const auto& v = d->verdict;
    switch (v.state) {
      case IncomingState::mismatch: return unexpected(make_error(VaultError::not_allowed, v.reason));
      case IncomingState::refused: return unexpected(make_error(VaultError::invalid_record, v.reason));
      case IncomingState::conflict: aside.emplace_back(&in, v.reason); out.conflicts.push_back(r.id); break;
      case IncomingState::identical: ++out.unchanged; break;
      case IncomingState::older: out.stale.push_back(r.id); break;
      case IncomingState::not_owner: out.not_from_owner.push_back(r.id); break;
      case IncomingState::fresh:
        if (r.entity == "case") new_cases.insert(r.id);
        pending.push_back({std::move(*d), false});
        break;
      case IncomingState::newer:
      case IncomingState::upgraded:
        pending.push_back({std::move(*d), true});
        break;
    }
  }
  // Records of a case this vault neither holds nor gets from its owner here
  // (a relayed case) cannot be stored: they are not the signer's to give.
  std::vector<Pending> kept;
  for (auto& p : pending) {
    const Record& r = p.decision.store;
    if (r.entity != "case" && !new_cases.contains(r.case_id)) {
      auto c = detail::find_record(s, r.case_id);
      if (!c) return unexpected(c.error());
      if (!*c) {
        out.not_from_owner.push_back(r.id);
        continue;
      }
    }
    (p.decision.verdict.state == IncomingState::fresh     ? out.created
     : p.decision.verdict.state == IncomingState::newer   ? out.updated
                                                          : out.upgraded)
        .push_back(r.id);
    kept.push_back(std::move(p));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Pending& x, const Pending& y) {
    return import_rank(x.decision.store) < import_rank(y.decision.store);
  });
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  for (const auto& p : kept) {
    const auto kind = p.update ? detail::WriteKind::import_update : detail::WriteKind::import;
    const Record& r = p.decision.store;
    if (auto w = detail::store_record(s, r, {kind, false, &p.decision.meta}); !w) return unexpected(w.error());
    if (auto w = detail::set_provenance(s, r.id, bundle_id, signer_key); !w) return unexpected(w.error());
  }
  std::set<std::string> new_consent_in;
  for (const auto& p : kept) {
    if (auto refs = check_references(s, p.decision.store); !refs) return unexpected(refs.error());
    if (p.decision.store.entity == "consent") new_consent_in.insert(p.decision.store.case_id);
  }
  // The owner's consent after the person consented again lifts the mark the
  // owner's withdrawal notice left (bundle-v1.md 12.4, "Consent again").
  for (const auto& case_id : new_consent_in) {
    if (auto l = detail::lift_mark_on_later_consent(s, case_id); !l) return unexpected(l.error());
  }
  for (const auto& [in, reason] : aside) {
    if (auto c = detail::set_aside(s, bundle_id, signer_key, *in, reason); !c) return unexpected(c.error());
  }
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  return out;
}

}  // namespace safehold::storage
