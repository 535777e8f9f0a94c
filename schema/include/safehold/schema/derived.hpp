#pragma once
// Derived, never stored: analysis codes computed from an incident's tactics
// and outcome (data-model.md, "Derived fields"; schema/README.md gives the rules).
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

namespace safehold::schema {

struct IncidentDerived {
  // Safeguard Defenders method: 1 relatives targeted (any D tactic), 2 direct
  // threats (A3, E1, E2), 3 kidnapping/luring (A4, A5). All that apply, ascending,
  // and the highest (most severe), which is the one reports show.
  std::vector<int> sd_methods;
  std::optional<int> sd_method;
  // Oxus Society stage reached, the highest that applies: 1 intimidation
  // (A3, A6, any C, D, E, F), 2 detained in host country (B1, or outcome
  // detained_host), 3 returned (outcome extradited, deported, rendered,
  // coerced_return, returned_third_country).
  std::optional<int> ox_stage;
  // Freedom House physical transnational repression: A1, A2, A3, A4, B1, B2, B4.
  bool fh_physical = false;
};

// Reads fields["tactics"] and fields["outcome"]; anything else (absent, not
// answered, malformed) counts as no information.
IncidentDerived derive_incident(const nlohmann::json& fields);

}  // namespace safehold::schema
