#pragma once
// Everything typed during one intake, before it becomes records: kept as a
// draft in the vault's drafts table (encrypted like everything else) and
// saved continuously, so a crash, an auto-lock or a break loses nothing.
//
// Records inside the draft refer to each other with draft-local UUIDs
// (interviewee, relatives, incidents...); saving maps them to the ids the
// vault assigns.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "safehold/appmodel/record_fields.hpp"

namespace safehold::appmodel {

// The trauma-informed order of the intake (issue 5): consent first.
enum class IntakeStep {
  consent, session, interviewee, narrative, incidents, people, measures, evidence, risk, closing
};
inline constexpr int kIntakeSteps = 10;
[[nodiscard]] const char* step_key(IntakeStep s) noexcept;  // i18n key "intake.step.<name>"

// A record in the draft: local id + fields of one entity.
struct DraftRecord {
  std::string id;  // draft-local UUID v4
  Json fields = Json::object();
};

// An evidence item plus the file chosen for it (imported at save).
struct DraftEvidence {
  DraftRecord record;
  std::string file;  // path chosen in the in-app browser; "" for none
};

inline constexpr int kClosingChecks = 5;

struct IntakeDraft {
  std::string id;  // draft key suffix
  std::string started_at;
  IntakeStep step = IntakeStep::consent;
  DraftRecord case_record;
  DraftRecord consent;
  DraftRecord session;
  DraftRecord interviewee;
  std::vector<DraftRecord> incidents;
  std::vector<DraftRecord> people;
  std::vector<DraftRecord> measures;
  std::vector<DraftEvidence> evidence;
  DraftRecord risk;
  std::array<bool, kClosingChecks> closing{};

  [[nodiscard]] static IntakeDraft fresh();
  [[nodiscard]] Json to_json() const;
  // Lenient on purpose: a draft from an older version loads what it can.
  [[nodiscard]] static std::optional<IntakeDraft> from_json(const Json& j);
};

// A random lowercase UUID v4 (ids carry no personal data).
[[nodiscard]] std::string new_uuid();

}  // namespace safehold::appmodel
