// The disclosure decision: who may see the case, and whether identifying
// fields go with it (the rules are in disclosure.hpp).
#include <algorithm>
#include <cctype>

#include "disclosure_internal.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::core::disclosure {
namespace {

using nlohmann::json;

std::string text_field(const json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Organisations are typed by hand on both sides: case and surrounding blanks
// do not make another organisation.
std::string folded(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string quoted_or_not_given(const std::string& answer) {
  return answer.empty() ? std::string("not given") : "\"" + answer + "\"";
}

// A contact audience with what the decision needs from its record.
struct ResolvedAudience {
  Audience audience;
  std::string organisation;  // contacts only
};

DisclosureResult<ResolvedAudience> resolve(storage::Vault& vault, const Audience& a) {
  ResolvedAudience out{a, {}};
  switch (a.kind) {
    case Audience::Kind::statistics: return out;
    case Audience::Kind::recipients:
      if (sharing_scope_for(a.recipient_kind).empty()) {
        return disclosure_fail(DisclosureError::invalid_input, "unknown kind of recipient " + a.recipient_kind);
      }
      return out;
    case Audience::Kind::contact: break;
  }
  auto record = vault.records().get(a.contact_id);
  if (!record) {
    if (record.error().code == storage::VaultError::not_found) {
      return disclosure_fail(DisclosureError::not_found, "no contact " + a.contact_id);
    }
    return from_storage(record.error());
  }
  if (record->entity != "contact") {
    return disclosure_fail(DisclosureError::invalid_input, "recipient " + a.contact_id + " is not a contact");
  }
  out.audience.recipient_kind = text_field(record->fields, "kind");
  out.organisation = text_field(record->fields, "organisation");
  return out;
}

// Why the case may not go to this audience, if it may not.
std::optional<Refusal> refusal_for(const ConsentSummary& consent, const std::string& ref, const ResolvedAudience& r) {
  const Audience& a = r.audience;
  const bool is_contact = a.kind == Audience::Kind::contact;
  const std::string who = is_contact ? a.contact_id : std::string();
  const std::string scope = a.kind == Audience::Kind::statistics ? std::string("anonymised_statistics")
                                                                  : sharing_scope_for(a.recipient_kind);
  if (scope.empty()) {
    return Refusal{who, "", "case " + ref + ": contact " + a.contact_id +
                                " has no kind of recipient: consent cannot be checked"};
  }
  if (consent.state == storage::ConsentState::none) return Refusal{who, "", "case " + ref + " has no consent record"};
  if (consent.state == storage::ConsentState::withdrawn) {
    return Refusal{who, "", "case " + ref + ": consent was withdrawn"};
  }
  const std::string answer = consent.answer(scope);
  if (answer != "yes") {
    return Refusal{who, scope, "case " + ref + ": consent scope " + scope + " is " + quoted_or_not_given(answer)};
  }
  if (a.kind == Audience::Kind::statistics || !consent.restricts_recipients) return std::nullopt;
  if (!is_contact) {
    return Refusal{who, "", "case " + ref + ": consent lists allowed recipients; a kind of recipient names none"};
  }
  if (consent.allowed_contacts.contains(a.contact_id)) return std::nullopt;
  const std::string org = folded(r.organisation);
  for (const auto& allowed : consent.allowed_organisations) {
    if (!org.empty() && folded(allowed) == org) return std::nullopt;
  }
  return Refusal{who, "", "case " + ref + ": contact " + a.contact_id + " is not among the allowed recipients"};
}

std::optional<Refusal> identifying_refusal(const ConsentSummary& consent, const std::string& ref,
                                           bool for_statistics) {
  if (for_statistics) return Refusal{"", "", "case " + ref + ": statistics never include identifying fields"};
  const std::string identity = consent.answer("store_real_identity");
  if (identity == "yes" && consent.disclosure == "named") return std::nullopt;
  return Refusal{"", "store_real_identity",
                 "case " + ref +
                     ": identifying fields need consent scope store_real_identity \"yes\" and disclosure level "
                     "\"named\" (scope is " +
                     quoted_or_not_given(identity) + ", disclosure " + quoted_or_not_given(consent.disclosure) + ")"};
}

}  // namespace

Audience Audience::contact(std::string contact_id) { return {Kind::contact, std::move(contact_id), {}}; }
Audience Audience::of_kind(std::string recipient_kind) { return {Kind::recipients, {}, std::move(recipient_kind)}; }
Audience Audience::statistics() { return {Kind::statistics, {}, {}}; }

std::string sharing_scope_for(std::string_view recipient_kind) {
  const auto* kinds = schema::Vocabularies::builtin().find("recipient_kind");
  const auto* entry = kinds != nullptr ? kinds->find(recipient_kind) : nullptr;
  if (entry == nullptr || !entry->attributes.contains("consent_scope")) return {};
  return entry->attributes["consent_scope"].get<std::string>();
}

DisclosureResult<CaseDisclosure> check_case(storage::Vault& vault, std::string_view case_id,
                                            std::span<const Audience> audiences, const DisclosureOptions& options) {
  if (audiences.empty()) return disclosure_fail(DisclosureError::invalid_input, "no audience");
  auto summary = vault.cases().get(case_id);
  if (!summary) {
    if (summary.error().code == storage::VaultError::not_found) {
      return disclosure_fail(DisclosureError::not_found, "no case " + std::string(case_id));
    }
    return from_storage(summary.error());
  }
  auto consent = vault.consent().current(case_id);
  if (!consent) return from_storage(consent.error());
  CaseDisclosure out;
  out.case_id = std::string(case_id);
  out.reference = summary->reference;
  out.consent = std::move(*consent);
  out.counts_in_statistics = !refusal_for(out.consent, out.reference, {Audience::statistics(), {}});
  bool for_statistics = false;
  for (const auto& a : audiences) {
    auto resolved = resolve(vault, a);
    if (!resolved) return unexpected(resolved.error());
    for_statistics = for_statistics || a.kind == Audience::Kind::statistics;
    if (auto r = refusal_for(out.consent, out.reference, *resolved)) out.refusals.push_back(std::move(*r));
    out.audiences.push_back(std::move(resolved->audience));
  }
  if (options.include_identifying) {
    auto r = identifying_refusal(out.consent, out.reference, for_statistics);
    if (r) out.refusals.push_back(std::move(*r));
    out.identifying_included = !r;
  }
  return out;
}

DisclosureResult<bool> counts_in_statistics(storage::Vault& vault, std::string_view case_id) {
  const Audience statistics = Audience::statistics();
  auto c = check_case(vault, case_id, std::span<const Audience>(&statistics, 1));
  if (!c) return unexpected(c.error());
  return c->allowed();
}

DisclosureResult<StatisticsConsent> cases_in_statistics(storage::Vault& vault, const storage::ScanHooks& hooks) {
  // Case by case: only the ids of the counted cases are kept.
  StatisticsConsent out;
  const ResolvedAudience statistics{Audience::statistics(), {}};
  auto visited = vault.consent().for_each_current([&](const std::string& case_id, const storage::CurrentConsent& c) {
    ++out.cases;
    if (!refusal_for(c, case_id, statistics)) out.counted.insert(case_id);
  }, hooks);
  if (!visited) return from_storage(visited.error());
  return out;
}

}  // namespace safehold::core::disclosure
