// Withdrawal and deletion notices in an export (schema/bundle-v1.md 12.4):
// the notices of the exported cases that a recipient is still waiting for
// travel with any bundle to that recipient, or alone (notices only).
#include <algorithm>
#include <map>

#include "export_internal.hpp"
#include "safehold/core/exchange/notice_files.hpp"

namespace safehold::core::exchange {

ExchangeResult<ResolvedExport> resolve_notice_export(storage::Vault& vault, const ExportRequest& request) {
  ResolvedExport out;
  if (request.cases.empty()) return exchange_fail(ExchangeError::invalid_input, "no case");
  if (request.recipients.empty()) return exchange_fail(ExchangeError::invalid_input, "no recipient");
  ContactBook book(vault);
  for (const auto& id : request.recipients) {
    auto c = book.find(id);
    if (!c) return unexpected(c.error());
    if (std::any_of(out.contacts.begin(), out.contacts.end(), [&c](const Contact& k) { return k.id == c->id; })) {
      continue;
    }
    if (!c->verified) {
      // A notice names the case and its owner: it goes to checked keys only.
      out.plan.problems.push_back({"", "", c->id, "",
                                   "contact " + c->display_name +
                                       " is not verified: compare the fingerprint with them, then verify the contact"});
    }
    out.contacts.push_back(std::move(*c));
  }
  for (const auto& case_id : request.cases) {
    if (std::any_of(out.plan.cases.begin(), out.plan.cases.end(),
                    [&case_id](const CaseExportCheck& c) { return c.case_id == case_id; })) {
      continue;
    }
    CaseExportCheck check;
    check.case_id = case_id;
    if (auto held = vault.cases().get(case_id)) {
      check.reference = held->reference;
      check.consent = held->consent;
    } else if (held.error().code != storage::VaultError::not_found) {
      return from_storage(held.error());
    }
    auto issued = vault.notices().issued(case_id);
    if (!issued) return from_storage(issued.error());
    if (issued->empty()) return exchange_fail(ExchangeError::not_found, "case " + case_id + " has no notice");
    out.plan.cases.push_back(std::move(check));
  }
  return out;
}

ExchangeResult<std::size_t> add_waiting_notices(storage::Vault& vault, const ResolvedExport& r, ExportFiles& into) {
  auto me = vault.identity().info();
  if (!me) return from_storage(me.error());
  std::map<std::string, storage::Notice> notices;  // by id: each file once
  for (const auto& c : r.plan.cases) {
    auto issued = vault.notices().issued(c.case_id);
    if (!issued) return from_storage(issued.error());
    for (auto& in : *issued) {
      // Every recipient of a bundle reads every file in it. A notice tells
      // that the case exists and was withdrawn, or which records were
      // deleted: it goes only in a bundle all of whose recipients were sent
      // the case (its addressees); others wait for a bundle of their own.
      std::vector<const storage::NoticeDelivery*> waiting;
      bool all_addressed = true;
      for (const auto& k : r.contacts) {
        const auto d = std::find_if(in.deliveries.begin(), in.deliveries.end(),
                                    [&k](const storage::NoticeDelivery& x) { return x.contact_id == k.id; });
        all_addressed = all_addressed && d != in.deliveries.end();
        if (d != in.deliveries.end() && !d->sent()) waiting.push_back(&*d);
      }
      if (!all_addressed || waiting.empty()) continue;
      for (const auto* d : waiting) into.notices.emplace_back(in.notice.id, d->contact_id);
      in.notice.owner_key = me->minisign_public_key;
      notices.emplace(in.notice.id, std::move(in.notice));
    }
  }
  for (const auto& [id, n] : notices) add_text(into, "notices/" + id + ".json", encode_notice_file(n));
  return notices.size();
}

}  // namespace safehold::core::exchange
