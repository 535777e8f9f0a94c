#include "safehold/appmodel/intake_validation.hpp"

#include "safehold/appmodel/schema_text.hpp"

namespace safehold::appmodel {
namespace {

// The probe prefixes match the screens' FormContext::probe_prefix.
void check_record(std::vector<IntakeProblem>& out, IntakeStep step, int item, std::string_view entity,
                  const std::string& prefix, const Json& fields) {
  for (const auto& f : builtin_entity(entity).fields) {
    if (f.required && required_value_missing(fields, f.name)) out.push_back({step, item, prefix + f.name});
  }
}

}  // namespace

bool required_value_missing(const Json& fields, const std::string& name) {
  if (!fields.is_object() || !fields.contains(name)) return true;
  const Json& v = fields[name];
  if (v.is_null()) return true;
  if (v.is_string()) return v.get_ref<const std::string&>().empty();
  if (v.is_array()) return v.empty();
  if (v.is_object()) return v.empty() || v.contains("not_answered");
  return false;
}

std::vector<IntakeProblem> intake_problems(const IntakeDraft& d) {
  std::vector<IntakeProblem> out;
  check_record(out, IntakeStep::consent, -1, "consent", "intake.consent.", d.consent.fields);
  check_record(out, IntakeStep::interviewee, -1, "person", "intake.interviewee.", d.interviewee.fields);
  for (std::size_t i = 0; i < d.incidents.size(); ++i) {
    check_record(out, IntakeStep::incidents, static_cast<int>(i), "incident", "intake.incident.",
                 d.incidents[i].fields);
  }
  for (std::size_t i = 0; i < d.people.size(); ++i) {
    check_record(out, IntakeStep::people, static_cast<int>(i), "person", "intake.person.", d.people[i].fields);
  }
  for (std::size_t i = 0; i < d.measures.size(); ++i) {
    check_record(out, IntakeStep::measures, static_cast<int>(i), "legal_measure", "intake.legal_measure.",
                 d.measures[i].fields);
  }
  return out;
}

}  // namespace safehold::appmodel
