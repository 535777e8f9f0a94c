// Consent withdrawal and deletion with the notice that travels
// (casework/notified_changes.hpp).
#include "safehold/core/casework/notified_changes.hpp"

#include <algorithm>
#include <ctime>

#include "safehold/core/bundle/text_formats.hpp"

namespace safehold::core::casework {
namespace {

using storage::StorageError;
using storage::VaultError;

std::string utc_now() { return bundle::format_utc(static_cast<std::int64_t>(std::time(nullptr))); }

std::string text_member(const nlohmann::json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The withdrawal a consent record's fields say, as a notice draft; nullopt
// when they withdraw nothing (no `withdrawal`, or listed scopes with none
// listed: the consent evaluation reads both as no withdrawal).
std::optional<storage::Notice> withdrawal_notice(const nlohmann::json& fields) {
  if (!fields.is_object() || !fields.contains("withdrawal")) return std::nullopt;
  const nlohmann::json& w = fields["withdrawal"];
  storage::Notice n;
  n.kind = "withdrawal";
  n.withdrawn_at = text_member(w, "at");
  n.extent = text_member(w, "extent");
  if (n.withdrawn_at.empty() && n.extent.empty()) return std::nullopt;
  if (n.withdrawn_at.empty()) n.withdrawn_at = utc_now();
  if (n.extent.empty()) n.extent = "all";
  if (n.extent == "listed_scopes" && w.contains("scopes") && w["scopes"].is_array()) {
    for (const auto& s : w["scopes"]) {
      if (s.is_string()) n.scopes.push_back(s.get<std::string>());
    }
  }
  if (n.extent == "listed_scopes" && n.scopes.empty()) return std::nullopt;
  std::sort(n.scopes.begin(), n.scopes.end());
  n.scopes.erase(std::unique(n.scopes.begin(), n.scopes.end()), n.scopes.end());
  return n;
}

// Runs `change` and issues `draft` for the case's earlier recipients in one
// batch. The notice is issued first: before a deletion the case record must
// still be there to say whose the case is.
template <typename Change>
expected<NotifiedChange, StorageError> with_notice(storage::Vault& vault, const std::string& case_id,
                                                   storage::Notice draft, Change&& change) {
  auto batch = vault.begin_batch();
  if (!batch) return unexpected(batch.error());
  draft.case_id = case_id;
  auto issued = vault.notices().issue(std::move(draft));
  if (!issued) return unexpected(issued.error());
  if (auto c = change(); !c) return unexpected(c.error());
  if (auto c = batch->commit(); !c) return unexpected(c.error());
  NotifiedChange out;
  out.notice = std::move(*issued);
  return out;
}

}  // namespace

expected<NotifiedChange, StorageError> save_record_edit(storage::Vault& vault, std::string_view record_id,
                                                        nlohmann::json fields) {
  auto before = vault.records().get(record_id);
  if (!before) return unexpected(before.error());
  auto plain_update = [&]() -> expected<void, StorageError> {
    auto r = vault.records().update(record_id, std::move(fields));
    if (!r) return unexpected(r.error());
    return {};
  };
  const auto now = before->entity == "consent" ? withdrawal_notice(fields) : std::nullopt;
  const auto was = before->entity == "consent" ? withdrawal_notice(before->fields) : std::nullopt;
  auto owner = vault.records().owner(before->case_id.empty() ? before->id : before->case_id);
  if (!owner) return unexpected(owner.error());
  // A withdrawal filled in or changed on the vault's own case travels; an
  // edit of anything else (or a copy's record, which the vault refuses) does not.
  const bool withdraws = now && owner->empty() &&
                         (!was || was->withdrawn_at != now->withdrawn_at || was->extent != now->extent ||
                          was->scopes != now->scopes);
  if (!withdraws) {
    if (auto r = plain_update(); !r) return unexpected(r.error());
    return NotifiedChange{!owner->empty(), std::nullopt};
  }
  return with_notice(vault, before->case_id, *now, plain_update);
}

expected<NotifiedChange, StorageError> withdraw_consent(storage::Vault& vault, std::string_view case_id,
                                                        const Withdrawal& w) {
  auto current = vault.consent().current(case_id);
  if (!current) return unexpected(current.error());
  if (current->consent_id.empty()) {
    return unexpected(storage::make_error(VaultError::not_allowed,
                                          "case " + std::string(case_id) + " has no consent record to withdraw"));
  }
  nlohmann::json withdrawal{{"at", w.at.empty() ? utc_now() : w.at}, {"extent", w.extent}};
  if (!w.scopes.empty()) withdrawal["scopes"] = w.scopes;
  auto owner = vault.records().owner(case_id);
  if (!owner) return unexpected(owner.error());
  if (!owner->empty()) {
    // A copy: the consent records are the owner's. The withdrawal is kept
    // here as a mark that blocks export; nothing travels from a copy.
    storage::WithdrawalMark mark{withdrawal["at"].get<std::string>(), w.extent, w.scopes, "local", {}};
    if (auto m = vault.consent().withdraw_copy(case_id, mark); !m) return unexpected(m.error());
    return NotifiedChange{true, std::nullopt};
  }
  auto consent = vault.records().get(current->consent_id);
  if (!consent) return unexpected(consent.error());
  nlohmann::json fields = consent->fields;
  fields["withdrawal"] = std::move(withdrawal);
  return save_record_edit(vault, consent->id, std::move(fields));
}

expected<NotifiedChange, StorageError> delete_record(storage::Vault& vault, std::string_view record_id) {
  auto record = vault.records().get(record_id);
  if (!record) return unexpected(record.error());
  const bool whole_case = record->entity == "case";
  const std::string case_id = whole_case ? record->id : record->case_id;
  auto owner = vault.records().owner(case_id);
  if (!owner) return unexpected(owner.error());
  auto remove = [&]() { return vault.records().remove(record_id); };
  if (!owner->empty()) {
    // A copy: only a whole case may go (the vault refuses the rest), and it
    // goes from here alone.
    if (auto r = remove(); !r) return unexpected(r.error());
    return NotifiedChange{true, std::nullopt};
  }
  storage::Notice draft;
  draft.kind = "deletion";
  if (!whole_case) draft.records = {record->id};
  return with_notice(vault, case_id, std::move(draft), remove);
}

}  // namespace safehold::core::casework
