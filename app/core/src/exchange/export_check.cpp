// check_export: the pre-flight of an export (recipients; consent and
// identifying fields as core/disclosure decides them), shared by export_bundle.
#include <algorithm>

#include "export_internal.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"

namespace safehold::core::exchange {
namespace {

using nlohmann::json;

std::vector<std::string> unique(std::vector<std::string> v) {
  std::vector<std::string> out;
  for (auto& s : v) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

std::string names_of_dispatches(const std::vector<storage::Dispatch>& sent, ContactBook& book) {
  std::string out;
  for (const auto& d : sent) {
    std::string who = "any " + d.recipient_kind + " (a report or data export for a kind of recipient)";
    if (!d.contact_id.empty()) {
      auto name = book.name_of(d.contact_id);
      who = name ? name->label(d.contact_id) : "contact " + d.contact_id;
    }
    const std::string entry = who + " (" + d.at + ")";
    if (out.find(entry) == std::string::npos) out += (out.empty() ? "" : ", ") + entry;
  }
  return out.empty() ? "nobody" : out;
}

std::string kind_of(const std::vector<Contact>& contacts, const std::string& id) {
  for (const auto& c : contacts) {
    if (c.id == id) return c.kind;
  }
  return {};
}

}  // namespace

unexpected<ExchangeFailure> from_disclosure(const disclosure::DisclosureFailure& f) {
  if (f.vault) return from_storage(*f.vault);
  return exchange_fail(f.code == disclosure::DisclosureError::not_found ? ExchangeError::not_found
                                                                       : ExchangeError::invalid_input,
                       f.detail);
}

ExchangeResult<ResolvedExport> resolve_export(storage::Vault& vault, const ExportRequest& request) {
  ResolvedExport out;
  if (request.cases.empty()) return exchange_fail(ExchangeError::invalid_input, "no case to export");
  if (request.recipients.empty()) return exchange_fail(ExchangeError::invalid_input, "no recipient");
  ContactBook book(vault);
  for (const auto& id : unique(request.recipients)) {
    auto c = book.find(id);
    if (!c) return unexpected(c.error());
    if (!c->verified) {
      out.plan.problems.push_back({"", "", c->id, "",
                                   "contact " + c->display_name +
                                       " is not verified: compare the fingerprint with them, then verify the contact"});
    }
    if (disclosure::sharing_scope_for(c->kind).empty()) {
      out.plan.problems.push_back({"", "", c->id, "",
                                   "contact " + c->display_name +
                                       " has no kind of recipient (lawyer, ngo, host_authority, un_body): consent "
                                       "cannot be checked"});
    }
    out.audiences.push_back(disclosure::Audience::contact(c->id));
    out.contacts.push_back(std::move(*c));
  }
  for (const auto& case_id : unique(request.cases)) {
    auto summary = vault.cases().get(case_id);
    if (!summary) {
      if (summary.error().code == storage::VaultError::not_found) {
        return exchange_fail(ExchangeError::not_found, "no case " + case_id);
      }
      return from_storage(summary.error());
    }
    CaseExportCheck check;
    check.case_id = case_id;
    check.reference = summary->reference;
    check.consent = summary->consent;
    auto sent = vault.consent().sent_to(case_id);
    if (!sent) return from_storage(sent.error());
    check.already_sent = std::move(*sent);
    auto decided =
        disclosure::check_case(vault, case_id, out.audiences, {.include_identifying = request.include_identifying});
    if (!decided) return from_disclosure(decided.error());
    for (auto& refusal : decided->refusals) {
      if (refusal.contact_id.empty()) {  // the identifying fields
        out.plan.problems.push_back({case_id, check.reference, "", refusal.scope, std::move(refusal.message)});
        continue;
      }
      // A contact without a kind of recipient is listed once, above.
      if (disclosure::sharing_scope_for(kind_of(out.contacts, refusal.contact_id)).empty()) continue;
      auto recipient = book.name_of(refusal.contact_id);
      if (!recipient) return unexpected(recipient.error());
      std::string message = refusal.message + " (recipient " + recipient->label(refusal.contact_id) + ")";
      if (check.consent == storage::ConsentState::withdrawn) {
        message += "; already sent to: " + names_of_dispatches(check.already_sent, book);
      }
      out.plan.problems.push_back(
          {case_id, check.reference, refusal.contact_id, refusal.scope, std::move(message)});
    }
    check.identifying_included = decided->identifying_included;
    out.plan.cases.push_back(std::move(check));
  }
  return out;
}

ExchangeResult<ExportPlan> check_export(storage::Vault& vault, const ExportRequest& request) {
  if (request.notices_only) {
    auto resolved = resolve_notice_export(vault, request);
    if (!resolved) return unexpected(resolved.error());
    return std::move(resolved->plan);
  }
  auto resolved = resolve_export(vault, request);
  if (!resolved) return unexpected(resolved.error());
  for (auto& c : resolved->plan.cases) {
    auto contents = count_case(vault, c.case_id);
    if (!contents) return unexpected(contents.error());
    c.records = contents->records;
    c.attachments = contents->attachments;
    c.attachment_bytes = contents->attachment_bytes;
  }
  return std::move(resolved->plan);
}

}  // namespace safehold::core::exchange
