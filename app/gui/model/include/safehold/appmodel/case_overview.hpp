#pragma once
// What a caseworker or lawyer needs at a glance about the open case: consent
// (the vault's own verdict, so withdrawal counts exactly as export sees it),
// sharing scopes, how much is recorded, tactics and when incidents happened,
// the current risk, what is still to do, and the last change. Computed once
// per load of the case view (CaseViewModel::overview()); holds codes, dates
// and counts only — no testimony.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

class CaseViewModel;

struct CaseOverview {
  // Consent. `consent_read_failed` means the vault could not answer: the
  // GUI must not show "no consent" then.
  storage::ConsentState consent = storage::ConsentState::none;
  bool consent_read_failed = false;
  std::string consent_given_at;      // current consent record (RFC 3339), "" if none
  std::string consent_method;        // V-Consent-method code
  std::string consent_withdrawn_at;  // withdrawal time when recorded
  std::optional<bool> recontact_allowed;
  // The V-Scope sharing scopes (share_*) with the answer the vault enforces:
  // "yes", "no", "later" or "" (not answered, counts as no).
  std::vector<std::pair<std::string, std::string>> sharing;

  std::size_t sessions = 0, people = 0, incidents = 0, measures = 0, evidence = 0;

  std::vector<std::string> tactics;  // V-Tactic codes over all incidents, sorted, unique
  std::string first_incident;        // earliest start date ("YYYY[-MM[-DD]]"), "" if none dated
  std::string last_incident;         // latest start or end date

  // The latest risk assessment (by assessed_at, then creation).
  std::string risk_rating;  // V-Risk code, "" if none
  std::string risk_assessed_at;
  std::string risk_review_by;              // date value
  std::size_t open_safety_measures = 0;    // its safety plan: planned or in progress
  std::size_t open_interventions = 0;      // planned, submitted or in progress
  std::string next_follow_up;              // latest session follow-up date

  std::string last_change;  // latest updated_at of the case and its records
};

// The sharing scopes shown, in this order.
inline constexpr const char* kSharingScopes[] = {"share_own_lawyer", "share_named_ngos",
                                                 "share_host_authorities", "share_un_bodies"};

// `m` must have a case loaded.
[[nodiscard]] CaseOverview summarize_case(const CaseViewModel& m, storage::Vault& vault);

}  // namespace safehold::appmodel
