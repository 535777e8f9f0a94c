#include "safehold/schema/derived.hpp"

#include <algorithm>
#include <string>

namespace safehold::schema {

IncidentDerived derive_incident(const nlohmann::json& fields) {
  IncidentDerived out;
  if (!fields.is_object()) return out;
  bool sd[4] = {};
  int ox = 0;
  auto tactics = fields.find("tactics");
  if (tactics != fields.end() && tactics->is_array()) {
    for (const auto& t : *tactics) {
      if (!t.is_string()) continue;
      const auto& code = t.get_ref<const std::string&>();
      if (code.size() != 2) continue;
      char group = code[0];
      if (group == 'D') sd[1] = true;
      if (code == "A3" || code == "E1" || code == "E2") sd[2] = true;
      if (code == "A4" || code == "A5") sd[3] = true;
      if (code == "A3" || code == "A6" || group == 'C' || group == 'D' || group == 'E' || group == 'F') {
        ox = std::max(ox, 1);
      }
      if (code == "B1") ox = std::max(ox, 2);
      if (code == "A1" || code == "A2" || code == "A3" || code == "A4" || code == "B1" || code == "B2" ||
          code == "B4") {
        out.fh_physical = true;
      }
    }
  }
  auto outcome = fields.find("outcome");
  if (outcome != fields.end() && outcome->is_string()) {
    const auto& o = outcome->get_ref<const std::string&>();
    if (o == "detained_host") ox = std::max(ox, 2);
    if (o == "extradited" || o == "deported" || o == "rendered" || o == "coerced_return" ||
        o == "returned_third_country") {
      ox = 3;
    }
  }
  for (int m = 1; m <= 3; ++m) {
    if (sd[m]) out.sd_methods.push_back(m);
  }
  if (!out.sd_methods.empty()) out.sd_method = out.sd_methods.back();
  if (ox > 0) out.ox_stage = ox;
  return out;
}

}  // namespace safehold::schema
