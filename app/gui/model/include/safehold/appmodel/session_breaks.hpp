#pragma once
// Interview-session helpers shared by the intake and the case view's
// follow-up session: breaks logged in the session record (start, end, who
// asked) and the sensitive modules (V-Sensitive) the session opened.
#include <set>
#include <string>
#include <string_view>

#include "safehold/appmodel/record_fields.hpp"

namespace safehold::appmodel {

// Appends a break starting now to session_fields["breaks"].
void start_break(Json& session_fields, std::string_view requested_by);
// Ends the last break now (no-op when there is none).
void end_break(Json& session_fields);
// The V-Sensitive codes listed in session_fields["sensitive_modules"].
[[nodiscard]] std::set<std::string> sensitive_modules_of(const Json& session_fields);

}  // namespace safehold::appmodel
