#include "safehold/appmodel/session_breaks.hpp"

namespace safehold::appmodel {

void start_break(Json& session_fields, std::string_view requested_by) {
  Json& breaks = session_fields["breaks"];
  if (!breaks.is_array()) breaks = Json::array();
  Json b{{"start", utc_now()}};
  if (!requested_by.empty()) b["requested_by"] = std::string(requested_by);
  breaks.push_back(std::move(b));
}

void end_break(Json& session_fields) {
  if (!session_fields.is_object() || !session_fields.contains("breaks")) return;
  Json& breaks = session_fields["breaks"];
  if (breaks.is_array() && !breaks.empty()) breaks.back()["end"] = utc_now();
}

std::set<std::string> sensitive_modules_of(const Json& session_fields) {
  std::set<std::string> out;
  if (!session_fields.is_object() || !session_fields.contains("sensitive_modules")) return out;
  const Json& codes = session_fields["sensitive_modules"];
  if (!codes.is_array()) return out;
  for (const auto& c : codes) {
    if (c.is_string()) out.insert(c.get<std::string>());
  }
  return out;
}

}  // namespace safehold::appmodel
