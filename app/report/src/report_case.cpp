// report_case: a case as core::disclosure lets it go to the report's
// audience, with the report's own rules on top (report_case.hpp).
#include "report_case.hpp"

#include <algorithm>
#include <ctime>

#include "safehold/core/disclosure/disclosure.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/record_files.hpp"
#include "safehold/crypto/sha256.hpp"

namespace safehold::report::detail {
namespace {

namespace ex = core::exchange;
namespace dc = core::disclosure;

ReportFailure contact_failure(const ex::ExchangeFailure& e) {
  switch (e.code) {
    case ex::ExchangeError::not_found: return {ReportError::not_found, e.detail};
    case ex::ExchangeError::invalid_input: return {ReportError::invalid_request, e.detail};
    default: return {ReportError::vault_failed, e.describe()};
  }
}

// As from_disclosure, naming the audience kinds when the one asked for is not one.
ReportFailure audience_failure(const dc::DisclosureFailure& f, const ReportRequest& req) {
  if (f.code == dc::DisclosureError::invalid_input && !req.audience_kind.empty()) {
    return {ReportError::invalid_request,
            "unknown audience " + req.audience_kind + " (lawyer, ngo, host_authority, un_body)"};
  }
  return from_disclosure(f);
}

void count_left_out(std::vector<LeftOut>& list, const char* reason) {
  for (auto& l : list) {
    if (l.reason == reason) {
      ++l.records;
      return;
    }
  }
  list.push_back({reason, 1});
}

// The record as a bundle's record file would carry it: the owner's key
// filled in, what disclosure withheld listed by top-level field name
// (schema/bundle-v1.md), so the records hash matches what was shown.
ReportResult<ReportRecord> with_meta(storage::Vault& vault, dc::DisclosedRecord& d, const std::string& my_key,
                                     std::vector<LeftOut>& left_out) {
  auto meta = vault.records().meta(d.record.id);
  if (!meta) return unexpected(from_storage(meta.error()));
  if (meta->owner_key.empty()) meta->owner_key = my_key;
  bool identifying = false, custody_note = false, listed = false;
  for (const auto& w : d.withheld) {
    identifying = identifying || w.reason == dc::WithheldReason::identifying;
    custody_note = custody_note || w.reason == dc::WithheldReason::names_other_holders;
    if (w.path.find_first_of(".[") != std::string::npos) continue;
    meta->withheld.push_back(w.path);
    listed = true;
  }
  if (listed) {
    std::sort(meta->withheld.begin(), meta->withheld.end());
    meta->withheld.erase(std::unique(meta->withheld.begin(), meta->withheld.end()), meta->withheld.end());
  }
  if (identifying) count_left_out(left_out, "identifying_fields");
  if (custody_note) count_left_out(left_out, "custody_note");
  return ReportRecord{std::move(d.record), std::move(*meta), std::move(d.withheld)};
}

}  // namespace

ReportFailure from_storage(const storage::StorageError& e) {
  if (e.code == storage::VaultError::not_found) return {ReportError::not_found, e.describe()};
  if (e.code == storage::VaultError::cancelled) return {ReportError::cancelled, e.describe()};
  return {ReportError::vault_failed, e.describe()};
}

ReportFailure from_disclosure(const dc::DisclosureFailure& f) {
  if (f.vault && f.vault->code == storage::VaultError::cancelled) return {ReportError::cancelled, f.detail};
  switch (f.code) {
    case dc::DisclosureError::not_found: return {ReportError::not_found, f.detail};
    case dc::DisclosureError::invalid_input: return {ReportError::invalid_request, f.detail};
    case dc::DisclosureError::vault_failed: break;
  }
  return {ReportError::vault_failed, f.describe()};
}

ReportResult<ReportCase> report_case(storage::Vault& vault, const ReportRequest& req) {
  if (req.contact_id.empty() == req.audience_kind.empty()) {
    return report_fail(ReportError::invalid_request, "give either a contact or an audience kind");
  }
  ReportCase out;
  std::optional<ex::Contact> contact;
  dc::Audience audience = dc::Audience::of_kind(req.audience_kind);
  if (!req.contact_id.empty()) {
    auto found = ex::ContactBook(vault).find(req.contact_id);  // by id or display name
    if (!found) return unexpected(contact_failure(found.error()));
    contact = std::move(*found);
    audience = dc::Audience::contact(contact->id);
  }
  auto disclosed = dc::disclose_case(vault, req.case_id, audience, {.include_identifying = req.include_identifying});
  if (!disclosed) return unexpected(audience_failure(disclosed.error(), req));
  if (contact) {
    // Whether the keys were compared is not disclosure's question; a report,
    // like a bundle, goes only to a contact whose keys were.
    if (!contact->verified) {
      return report_fail(ReportError::not_allowed, "contact " + contact->display_name +
                                                       " is not verified: compare the fingerprint with them first");
    }
    if (dc::sharing_scope_for(contact->kind).empty()) {
      return report_fail(ReportError::not_allowed, "contact " + contact->display_name +
                                                       " has no kind of recipient: consent cannot be checked");
    }
    out.audience_kind = contact->kind;
    out.audience_name = contact->display_name;
    out.audit_counterparty = contact->id;
  } else {
    out.audience_kind = req.audience_kind;
    out.audit_counterparty = "kind:" + req.audience_kind;
  }
  if (!disclosed->allowed()) return report_fail(ReportError::consent_refused, disclosed->refusals.front().message);
  out.identifying_included = disclosed->identifying_included;
  out.consent_id = disclosed->consent.consent_id;

  auto me = vault.identity().info();
  if (!me) return unexpected(from_storage(me.error()));
  out.signer_key_id = me->minisign_key_id;
  out.signer_public_key = me->minisign_public_key;
  out.records.reserve(disclosed->records.size());
  for (auto& d : disclosed->records) {
    if (d.record.entity == "interview_session") {
      count_left_out(out.left_out, "interview_sessions");
      continue;
    }
    auto r = with_meta(vault, d, me->minisign_public_key, out.left_out);
    if (!r) return unexpected(r.error());
    out.records.push_back(std::move(*r));
  }
  return out;
}

std::vector<std::string> record_lines(const ReportCase& c) {
  std::vector<std::string> lines;
  lines.reserve(c.records.size());
  const std::string& case_id = c.case_record().id;
  for (const auto& d : c.records) {
    const auto digest = crypto::sha256_of(ex::encode_record_file(d.record, d.meta));
    lines.push_back(crypto::to_hex(digest) + "  cases/" + case_id + "/" + d.record.id + ".json\n");
  }
  return lines;
}

std::string records_sha256(std::vector<std::string> lines) {
  // Sorted by path: every line has the 64-digit hash and two spaces first.
  std::sort(lines.begin(), lines.end(),
            [](const std::string& a, const std::string& b) { return a.compare(66, std::string::npos, b, 66) < 0; });
  crypto::Sha256 h;
  for (const auto& l : lines) h.update(l);
  return crypto::to_hex(h.finish());
}

std::string records_sha256(const ReportCase& c) { return records_sha256(record_lines(c)); }

std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace safehold::report::detail
