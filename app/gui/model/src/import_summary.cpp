#include "safehold/appmodel/import_summary.hpp"

namespace safehold::appmodel {

ImportSummary summarize_import(const core::exchange::BundleReport& report,
                               std::span<const core::exchange::Contact> contacts,
                               std::string_view own_age_recipient) {
  ImportSummary s;
  for (const auto& c : contacts) {
    if (c.id == report.sender.contact_id && c.verified) {
      s.verified_at = c.verified_at;
      s.verification_method = c.verification_method;
    }
  }
  for (const auto& r : report.recipients) {
    if (r == own_age_recipient) continue;
    ImportSummary::Recipient out{.name = r, .known = false};
    for (const auto& c : contacts) {
      if (c.age_recipient == r) out = {.name = c.display_name, .known = true};
    }
    s.others.push_back(std::move(out));
  }
  for (const auto& c : report.cases) {
    s.created += c.created.size();
    s.updated += c.updated.size() + c.upgraded.size();
    s.conflicts += c.conflicts.size();
    s.kept += c.stale.size() + c.not_from_owner.size() + c.unchanged;
  }
  return s;
}

}  // namespace safehold::appmodel
