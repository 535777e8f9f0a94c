// check_export: the pre-flight of an export (consent, recipients,
// identifying fields), shared by export_bundle.
#include <algorithm>
#include <map>

#include "export_internal.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::core::exchange {
namespace {

using nlohmann::json;

std::string text_of(const json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The disclosure level of the case's current consent: the consent record with
// the latest given_at, then the latest created (docs/storage.md "Consent").
ExchangeResult<std::string> current_disclosure(storage::Vault& vault, const std::string& case_id) {
  auto consents = vault.records().list(case_id, "consent");
  if (!consents) return from_storage(consents.error());
  const storage::Record* current = nullptr;
  for (const auto& r : *consents) {
    const auto key = std::make_pair(text_of(r.fields, "given_at"), r.created_at);
    if (current == nullptr || key >= std::make_pair(text_of(current->fields, "given_at"), current->created_at)) {
      current = &r;
    }
  }
  return current != nullptr ? text_of(current->fields, "disclosure") : std::string();
}

std::vector<std::string> unique(std::vector<std::string> v) {
  std::vector<std::string> out;
  for (auto& s : v) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

std::string names_of_dispatches(const std::vector<storage::Dispatch>& sent, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const auto& d : sent) {
    const auto it = names.find(d.contact_id);
    const std::string who = it != names.end() ? it->second : "contact " + d.contact_id;
    const std::string entry = who + " (" + d.at + ")";
    if (out.find(entry) == std::string::npos) out += (out.empty() ? "" : ", ") + entry;
  }
  return out.empty() ? "nobody" : out;
}

}  // namespace

std::string sharing_scope_for(std::string_view recipient_kind) {
  const auto* kinds = schema::Vocabularies::builtin().find("recipient_kind");
  const auto* entry = kinds != nullptr ? kinds->find(recipient_kind) : nullptr;
  if (entry == nullptr || !entry->attributes.contains("consent_scope")) return {};
  return entry->attributes["consent_scope"].get<std::string>();
}

ExchangeResult<ResolvedExport> resolve_export(storage::Vault& vault, const ExportRequest& request) {
  ResolvedExport out;
  if (request.cases.empty()) return exchange_fail(ExchangeError::invalid_input, "no case to export");
  if (request.recipients.empty()) return exchange_fail(ExchangeError::invalid_input, "no recipient");
  ContactBook book(vault);
  auto all = book.list();
  if (!all) return unexpected(all.error());
  std::map<std::string, std::string> names;
  for (const auto& c : *all) names[c.id] = c.display_name;
  for (const auto& id : unique(request.recipients)) {
    auto c = book.find(id);
    if (!c) return unexpected(c.error());
    if (!c->verified) {
      out.plan.problems.push_back({"", "", c->id, "",
                                   "contact " + c->display_name +
                                       " is not verified: compare the fingerprint with them, then verify the contact"});
    }
    if (sharing_scope_for(c->kind).empty()) {
      out.plan.problems.push_back({"", "", c->id, "",
                                   "contact " + c->display_name +
                                       " has no kind of recipient (lawyer, ngo, host_authority, un_body): consent "
                                       "cannot be checked"});
    }
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
    for (const auto& c : out.contacts) {
      const std::string scope = sharing_scope_for(c.kind);
      if (scope.empty()) continue;  // reported above
      auto decision = vault.consent().export_allowed(case_id, c.id, scope);
      if (!decision) return from_storage(decision.error());
      if (decision->allowed) continue;
      std::string message = decision->reason + " (recipient " + c.display_name + ")";
      if (check.consent == storage::ConsentState::withdrawn) {
        message += "; already sent to: " + names_of_dispatches(check.already_sent, names);
      }
      out.plan.problems.push_back({case_id, check.reference, c.id, decision->missing_scope, std::move(message)});
    }
    if (request.include_identifying) {
      auto identity = vault.consent().scope(case_id, "store_real_identity");
      if (!identity) return from_storage(identity.error());
      auto disclosure = current_disclosure(vault, case_id);
      if (!disclosure) return unexpected(disclosure.error());
      if (*identity == "yes" && *disclosure == "named") {
        check.identifying_included = true;
      } else {
        out.plan.problems.push_back(
            {case_id, check.reference, "", "store_real_identity",
             "case " + check.reference +
                 ": identifying fields need consent scope store_real_identity \"yes\" and disclosure level "
                 "\"named\" (scope is " +
                 (identity->empty() ? std::string("not given") : "\"" + *identity + "\"") + ", disclosure " +
                 (disclosure->empty() ? std::string("not given") : "\"" + *disclosure + "\"") + ")"});
      }
    }
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
    auto contents = collect_case(vault, c, nullptr);
    if (!contents) return unexpected(contents.error());
    c.records = contents->records;
    c.attachments = contents->attachments;
    c.attachment_bytes = contents->attachment_bytes;
  }
  return std::move(resolved->plan);
}

}  // namespace safehold::core::exchange
