// BundleLedger::classify and plan/store/settle_planned: records as received in a bundle,
// under the ownership and revision rules of schema/bundle-v1.md 12.
#include <algorithm>
#include <set>

#include "audit_log.hpp"
#include "bundle_ledger_rows.hpp"
#include "incoming_verdict.hpp"
#include "record_rows.hpp"
#include "record_write.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/storage/bundle_ledger.hpp"
#include "util.hpp"
#include "withdrawal_marks.hpp"

namespace safehold::storage {
using detail::VaultAccess;
using detail::VaultState;

namespace {

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

expected<IncomingVerdict, StorageError> BundleLedger::classify(const IncomingRecord& incoming,
                                                               std::string_view signer_key) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto d = detail::decide(a.state(), incoming, signer_key);
  if (!d) return unexpected(d.error());
  return d->verdict;
}

expected<ReceivedPlan, StorageError> BundleLedger::plan_records(std::string_view bundle_id,
                                                                std::string_view signer_key,
                                                                const std::vector<IncomingRecord>& records) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return unexpected(r.error());
  ReceivedPlan plan;
  plan.bundle_id_ = std::string(bundle_id);
  plan.signer_key_ = std::string(signer_key);
  ImportOutcome& out = plan.outcome_;
  std::vector<ReceivedPlan::Write> pending;
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
      case IncomingState::conflict: plan.aside_.push_back({in, v.reason}); out.conflicts.push_back(r.id); break;
      case IncomingState::identical: ++out.unchanged; break;
      case IncomingState::older: out.stale.push_back(r.id); break;
      case IncomingState::not_owner: out.not_from_owner.push_back(r.id); break;
      case IncomingState::fresh:
      case IncomingState::newer:
      case IncomingState::upgraded:
        if (v.state == IncomingState::fresh && r.entity == "case") new_cases.insert(r.id);
        pending.push_back({std::move(d->store), std::move(d->meta), v.state != IncomingState::fresh, false});
        (v.state == IncomingState::fresh ? out.created : v.state == IncomingState::newer ? out.updated : out.upgraded)
            .push_back(r.id);
        break;
    }
  }
  // Records of a case this vault neither holds nor gets from its owner here
  // (a relayed case) cannot be stored: they are not the signer's to give.
  for (auto& w : pending) {
    const Record& r = w.record;
    if (r.entity != "case" && !new_cases.contains(r.case_id)) {
      auto c = detail::find_record(s, r.case_id);
      if (!c) return unexpected(c.error());
      if (!*c) {
        for (auto* list : {&out.created, &out.updated, &out.upgraded}) std::erase(*list, r.id);
        out.not_from_owner.push_back(r.id);
        continue;
      }
    }
    plan.writes_.push_back(std::move(w));
  }
  return plan;
}

expected<void, StorageError> BundleLedger::store_planned(ReceivedPlan& plan, std::size_t i) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return unexpected(r.error());
  if (i >= plan.writes_.size() || plan.writes_[i].stored) {
    return unexpected(make_error(VaultError::invalid_argument, "not a record of the plan still to write"));
  }
  auto& w = plan.writes_[i];
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  const auto kind = w.update ? detail::WriteKind::import_update : detail::WriteKind::import;
  if (auto r = detail::store_record(s, w.record, {kind, false, &w.meta}); !r) return unexpected(r.error());
  if (auto r = detail::set_provenance(s, w.record.id, plan.bundle_id_, plan.signer_key_); !r) {
    return unexpected(r.error());
  }
  if (auto c = tx->commit(); !c) return unexpected(c.error());
  w.stored = true;
  ++s.tx_unsettled;  // the batch cannot commit until settle_planned checked its references
  return {};
}

expected<void, StorageError> BundleLedger::settle_planned(ReceivedPlan& plan) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto& s = a.state();
  if (auto r = detail::require_batch(s); !r) return unexpected(r.error());
  if (plan.settled_) return unexpected(make_error(VaultError::invalid_argument, "the plan was settled before"));
  for (const auto& w : plan.writes_) {
    if (!w.stored) return unexpected(make_error(VaultError::invalid_argument, "record " + w.record.id + " not written"));
  }
  auto tx = detail::WriteTransaction::begin(s);
  if (!tx) return unexpected(tx.error());
  // Any failure from here leaves records of the plan stored unchecked: the
  // batch can only roll back.
  auto broken = [&s](StorageError e) {
    s.tx_broken = true;
    return unexpected(std::move(e));
  };
  std::set<std::string> new_consent_in;
  for (const auto& w : plan.writes_) {
    if (auto refs = check_references(s, w.record); !refs) return broken(refs.error());
    if (w.record.entity == "consent") new_consent_in.insert(w.record.case_id);
  }
  // The owner's consent after the person consented again lifts the mark the
  // owner's withdrawal notice left (bundle-v1.md 12.4, "Consent again").
  for (const auto& case_id : new_consent_in) {
    if (auto l = detail::lift_mark_on_later_consent(s, case_id); !l) return broken(l.error());
  }
  for (const auto& [in, reason] : plan.aside_) {
    if (auto c = detail::set_aside(s, plan.bundle_id_, plan.signer_key_, in, reason); !c) return broken(c.error());
  }
  if (auto c = tx->commit(); !c) return broken(c.error());
  s.tx_unsettled -= plan.writes_.size();
  plan.settled_ = true;
  return {};
}

}  // namespace safehold::storage
