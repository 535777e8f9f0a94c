// disclose_case: the records of a case as they may leave the vault, each
// with the fields kept and what was withheld and why.
#include <algorithm>

#include "disclosure_internal.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/schema/record.hpp"

namespace safehold::core::disclosure {
namespace {

using nlohmann::json;

// What redaction took away: members of `before` that `after` lacks, nested
// ones by their path (redaction only removes, so shapes otherwise agree).
void removed_paths(const json& before, const json& after, const std::string& prefix,
                   std::vector<WithheldField>& out) {
  if (before.is_object()) {
    for (const auto& [key, value] : before.items()) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      if (!after.is_object() || !after.contains(key)) {
        out.push_back({path, WithheldReason::identifying});
      } else {
        removed_paths(value, after.at(key), path, out);
      }
    }
  } else if (before.is_array() && after.is_array() && before.size() == after.size()) {
    for (std::size_t i = 0; i < before.size(); ++i) {
      removed_paths(before[i], after[i], prefix + "[" + std::to_string(i) + "]", out);
    }
  }
}

// A custody event of an earlier bundle names that bundle and its recipients
// or sender in its note (issue 10, finding 8), one of an earlier report or
// data export its recipient (handed_out.hpp): the event travels, the note
// does not.
bool names_other_holders(const storage::Record& r) {
  if (r.entity != "custody_event" || !r.fields.is_object()) return false;
  const auto action = r.fields.find("action");
  return action != r.fields.end() &&
         (*action == "transferred" || *action == "received" || *action == "disclosed") && r.fields.contains("note");
}

DisclosedRecord disclose_record(storage::Record r, bool identifying_included) {
  DisclosedRecord out;
  if (!identifying_included) {
    // An entity the model does not know cannot occur (storage validates);
    // if it did, nothing of it would be shown to be non-identifying.
    const auto* def = schema::Model::builtin().entity(r.entity);
    json kept = def != nullptr ? schema::redact_identifying(*def, r.fields) : json::object();
    removed_paths(r.fields, kept, "", out.withheld);
    r.fields = std::move(kept);
  }
  if (names_other_holders(r)) {
    r.fields.erase("note");
    out.withheld.push_back({"note", WithheldReason::names_other_holders});
  }
  std::sort(out.withheld.begin(), out.withheld.end(),
            [](const WithheldField& a, const WithheldField& b) { return a.path < b.path; });
  out.record = std::move(r);
  return out;
}

}  // namespace

DisclosureResult<DisclosedCase> disclose_case(storage::Vault& vault, std::string_view case_id,
                                              std::span<const Audience> audiences, const DisclosureOptions& options) {
  auto decision = check_case(vault, case_id, audiences, options);
  if (!decision) return unexpected(decision.error());
  DisclosedCase out;
  static_cast<CaseDisclosure&>(out) = std::move(*decision);
  if (!out.allowed()) return out;
  auto case_record = vault.records().get(case_id);
  if (!case_record) return from_storage(case_record.error());
  auto records = vault.records().list(case_id);
  if (!records) return from_storage(records.error());
  records->insert(records->begin(), std::move(*case_record));
  out.records.reserve(records->size());
  for (auto& r : *records) {
    std::optional<storage::AttachmentInfo> attachment;
    if (r.entity == "evidence_item") {
      auto info = vault.attachments().for_evidence(r.id);
      if (!info) return from_storage(info.error());
      attachment = std::move(*info);
    }
    out.records.push_back(disclose_record(std::move(r), out.identifying_included));
    out.records.back().attachment = std::move(attachment);
  }
  return out;
}

DisclosureResult<DisclosedCase> disclose_case(storage::Vault& vault, std::string_view case_id,
                                              const Audience& audience, const DisclosureOptions& options) {
  return disclose_case(vault, case_id, std::span<const Audience>(&audience, 1), options);
}

}  // namespace safehold::core::disclosure
