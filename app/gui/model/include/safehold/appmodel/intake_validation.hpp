#pragma once
// Per-step checks of an intake draft: the required fields of the schema
// (the interviewee's and each person's pseudonym, each incident's tactics,
// the consent's time, method and scopes) that are still empty. Found while
// the caseworker works, not only at Save, so each step can be marked and the
// field flagged where it is.
#include <string>
#include <vector>

#include "safehold/appmodel/intake_draft.hpp"

namespace safehold::appmodel {

struct IntakeProblem {
  IntakeStep step = IntakeStep::consent;
  int item = -1;       // index in a list step (incidents, people), else -1
  std::string probe;   // the field's widget name: "intake.interviewee.pseudonym"
  [[nodiscard]] const char* message_key() const noexcept { return "intake.field.required"; }
};

// Every problem of `draft`, in step order (the first is where Save jumps).
[[nodiscard]] std::vector<IntakeProblem> intake_problems(const IntakeDraft& draft);

// True when a required field holds nothing: absent, null, "", [] or {}, or
// "not answered" (required fields take no such marker).
[[nodiscard]] bool required_value_missing(const Json& fields, const std::string& name);

}  // namespace safehold::appmodel
