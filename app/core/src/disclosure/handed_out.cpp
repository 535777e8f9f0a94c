// record_handed_out: a report or data export of cases, recorded in each case
// (audit entry) and on each evidence item (custody event `disclosed`).
#include "safehold/core/disclosure/handed_out.hpp"

#include "disclosure_internal.hpp"

namespace safehold::core::disclosure {

std::string custody_note(const HandOut& h) {
  std::string what = "signed report (PDF) ";
  if (h.as == HandedOutAs::data_export_csv) what = "signed data export (CSV) ";
  if (h.as == HandedOutAs::data_export_json) what = "signed data export (JSON) ";
  constexpr std::string_view kind_prefix = "kind:";
  std::string whom = h.audience_name;
  if (whom.empty() && h.audience.starts_with(kind_prefix)) {
    whom = "recipient kind " + h.audience.substr(kind_prefix.size());
  } else if (whom.empty()) {
    whom = "contact " + h.audience;
  }
  return what + h.id + " for " + whom;
}

DisclosureResult<storage::Batch> record_handed_out(storage::Vault& vault, const HandOut& h) {
  if (h.id.empty() || h.audience.empty() || h.at.empty() || h.cases.empty()) {
    return disclosure_fail(DisclosureError::invalid_input, "a hand-out without id, audience, time or case");
  }
  auto batch = vault.begin_batch();
  if (!batch) return from_storage(batch.error());
  const std::string note = custody_note(h);
  for (const auto& c : h.cases) {
    for (const auto& evidence_id : c.evidence_ids) {
      // hash_verified is left out: a report prints the SHA-256 computed on
      // arrival; it does not read the content again (a bundle does).
      nlohmann::json fields = {{"evidence", evidence_id}, {"at", h.at}, {"action", "disclosed"}, {"note", note}};
      if (!vault.owner_name().empty()) fields["actor"] = vault.owner_name();
      auto created = vault.records().create("custody_event", c.case_id, std::move(fields));
      if (!created) return from_storage(created.error());
    }
    // Last, so the case's trail ends with what was handed out, for whom.
    auto audited = h.as == HandedOutAs::report
                       ? vault.audit().record_report_written(c.case_id, h.audience, h.id, c.digest)
                       : vault.audit().record_data_exported(c.case_id, h.audience, h.id, c.digest);
    if (!audited) return from_storage(audited.error());
  }
  return std::move(*batch);
}

}  // namespace safehold::core::disclosure
