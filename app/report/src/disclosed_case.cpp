// disclose_case: consent, audience and redaction for a report, by the rules
// of a bundle to the same audience (core/exchange/export.hpp).
#include "disclosed_case.hpp"

#include <algorithm>
#include <cctype>

#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/record_files.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::report::detail {
namespace {

using nlohmann::json;
namespace ex = core::exchange;

std::string text_of(const json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ReportFailure from_exchange(const ex::ExchangeFailure& e) {
  switch (e.code) {
    case ex::ExchangeError::not_found: return {ReportError::not_found, e.detail};
    case ex::ExchangeError::invalid_input: return {ReportError::invalid_request, e.detail};
    default: return {ReportError::vault_failed, e.describe()};
  }
}

// The current consent record: latest given_at, then latest created (the rule
// of docs/storage.md "Consent"); nullptr when there is none.
const storage::Record* current_consent(const std::vector<storage::Record>& records) {
  const storage::Record* current = nullptr;
  for (const auto& r : records) {
    if (r.entity != "consent") continue;
    const auto key = std::make_pair(text_of(r.fields, "given_at"), r.created_at);
    if (current == nullptr || key >= std::make_pair(text_of(current->fields, "given_at"), current->created_at)) {
      current = &r;
    }
  }
  return current;
}

// The V-Scope a kind of recipient needs (its consent_scope attribute), "" for
// an unknown kind. Looked up here rather than through core (the function
// moves from core/exchange to core/disclosure): this file becomes a call to
// core::disclosure::disclose_case once that module is merged.
std::string scope_for_kind(std::string_view kind) {
  const auto* kinds = schema::Vocabularies::builtin().find("recipient_kind");
  const auto* entry = kinds != nullptr ? kinds->find(kind) : nullptr;
  if (entry == nullptr || !entry->attributes.contains("consent_scope")) return {};
  return entry->attributes["consent_scope"].get<std::string>();
}

std::string folded(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether the consent lists allowed recipients, and whether `contact` (null
// for an audience kind, which names nobody) is one of them, by id or by
// organisation (compared without case and surrounding blanks).
bool recipient_allowed(const storage::Record* consent, const ex::Contact* contact) {
  if (consent == nullptr) return true;
  const auto it = consent->fields.find("allowed_recipients");
  if (it == consent->fields.end() || !it->is_array()) return true;
  bool lists = false;
  for (const auto& item : *it) {
    const std::string id = text_of(item, "contact");
    const std::string org = text_of(item, "organisation");
    lists = lists || !id.empty() || !org.empty();
    if (contact == nullptr) continue;
    if (!id.empty() && id == contact->id) return true;
    if (!org.empty() && !contact->organisation.empty() && folded(org) == folded(contact->organisation)) return true;
  }
  return !lists;
}

// The consent of the case lets it go to the audience: current, not
// withdrawn, the sharing scope "yes", the recipient allowed.
ReportResult<void> check_consent(storage::Vault& vault, const ReportRequest& req, const std::string& reference,
                                 const std::string& scope, const std::vector<storage::Record>& records,
                                 const ex::Contact* contact) {
  auto state = vault.consent().state(req.case_id);
  if (!state) return unexpected(from_storage(state.error()));
  if (*state == storage::ConsentState::none) {
    return report_fail(ReportError::consent_refused, "case " + reference + " has no consent record");
  }
  if (*state == storage::ConsentState::withdrawn) {
    return report_fail(ReportError::consent_refused, "case " + reference + ": consent was withdrawn");
  }
  auto answer = vault.consent().scope(req.case_id, scope);
  if (!answer) return unexpected(from_storage(answer.error()));
  if (*answer != "yes") {
    return report_fail(ReportError::consent_refused,
                       "case " + reference + ": consent scope " + scope + " is " +
                           (answer->empty() ? std::string("not given") : "\"" + *answer + "\""));
  }
  if (!recipient_allowed(current_consent(records), contact)) {
    return report_fail(ReportError::consent_refused,
                       contact != nullptr
                           ? "case " + reference + ": contact " + contact->id + " is not among the allowed recipients"
                           : "case " + reference +
                                 ": consent names its allowed recipients; name the contact instead of an audience kind");
  }
  return {};
}

// The audience's sharing scope, checked for a contact (verified, with a kind,
// allowed by consent) or for a kind (allowed by consent, which must not name
// its recipients).
ReportResult<void> check_audience(storage::Vault& vault, const ReportRequest& req, const std::string& reference,
                                  const std::vector<storage::Record>& records, DisclosedCase& out) {
  if (req.contact_id.empty() == req.audience_kind.empty()) {
    return report_fail(ReportError::invalid_request, "give either a contact or an audience kind");
  }
  if (!req.contact_id.empty()) {
    ex::ContactBook book(vault);
    auto contact = book.find(req.contact_id);
    if (!contact) return unexpected(from_exchange(contact.error()));
    if (!contact->verified) {
      return report_fail(ReportError::not_allowed, "contact " + contact->display_name +
                                                       " is not verified: compare the fingerprint with them first");
    }
    const std::string scope = scope_for_kind(contact->kind);
    if (scope.empty()) {
      return report_fail(ReportError::not_allowed, "contact " + contact->display_name +
                                                       " has no kind of recipient: consent cannot be checked");
    }
    if (auto ok = check_consent(vault, req, reference, scope, records, &*contact); !ok) return ok;
    out.audience_kind = contact->kind;
    out.audience_name = contact->display_name;
    out.audit_counterparty = contact->id;
    return {};
  }
  const std::string scope = scope_for_kind(req.audience_kind);
  if (scope.empty()) {
    return report_fail(ReportError::invalid_request,
                       "unknown audience " + req.audience_kind + " (lawyer, ngo, host_authority, un_body)");
  }
  if (auto ok = check_consent(vault, req, reference, scope, records, nullptr); !ok) return ok;
  out.audience_kind = req.audience_kind;
  out.audit_counterparty = "kind:" + req.audience_kind;
  return {};
}

ReportResult<bool> identifying_allowed(storage::Vault& vault, const ReportRequest& req, const std::string& reference,
                                       const std::vector<storage::Record>& records) {
  if (!req.include_identifying) return false;
  auto identity = vault.consent().scope(req.case_id, "store_real_identity");
  if (!identity) return unexpected(from_storage(identity.error()));
  const auto* consent = current_consent(records);
  const std::string disclosure = consent != nullptr ? text_of(consent->fields, "disclosure") : std::string();
  if (*identity == "yes" && disclosure == "named") return true;
  return report_fail(ReportError::consent_refused,
                     "case " + reference +
                         ": identifying fields need consent scope store_real_identity \"yes\" and disclosure level \"named\"");
}

void add_left_out(std::vector<LeftOut>& list, const char* reason) {
  for (auto& l : list) {
    if (l.reason == reason) {
      ++l.records;
      return;
    }
  }
  list.push_back({reason, 1});
}

void withhold(storage::RecordMeta& meta, const std::string& field) {
  meta.withheld.push_back(field);
  std::sort(meta.withheld.begin(), meta.withheld.end());
  meta.withheld.erase(std::unique(meta.withheld.begin(), meta.withheld.end()), meta.withheld.end());
}

}  // namespace

ReportFailure from_storage(const storage::StorageError& e) {
  if (e.code == storage::VaultError::not_found) return {ReportError::not_found, e.describe()};
  return {ReportError::vault_failed, e.describe()};
}

ReportResult<DisclosedCase> disclose_case(storage::Vault& vault, const ReportRequest& req) {
  DisclosedCase out;
  auto case_record = vault.records().get(req.case_id);
  if (!case_record) return unexpected(from_storage(case_record.error()));
  if (case_record->entity != "case") return report_fail(ReportError::not_found, "no case " + req.case_id);
  const std::string reference = text_of(case_record->fields, "reference");
  auto records = vault.records().list(req.case_id);
  if (!records) return unexpected(from_storage(records.error()));
  if (auto ok = check_audience(vault, req, reference, *records, out); !ok) return unexpected(ok.error());
  auto identifying = identifying_allowed(vault, req, reference, *records);
  if (!identifying) return unexpected(identifying.error());
  out.identifying_included = *identifying;

  auto me = vault.identity().info();
  if (!me) return unexpected(from_storage(me.error()));
  out.signer_key_id = me->minisign_key_id;
  out.signer_public_key = me->minisign_public_key;

  const auto& model = schema::Model::builtin();
  records->insert(records->begin(), std::move(*case_record));
  for (auto& r : *records) {
    if (r.entity == "interview_session") {
      add_left_out(out.left_out, "interview_sessions");
      continue;
    }
    auto meta = vault.records().meta(r.id);
    if (!meta) return unexpected(from_storage(meta.error()));
    if (meta->owner_key.empty()) meta->owner_key = me->minisign_public_key;
    if (!out.identifying_included) {
      if (const auto* def = model.entity(r.entity); def != nullptr) {
        const auto redacted = schema::redact_identifying(*def, r.fields);
        bool any = false;
        for (const auto& [name, value] : r.fields.items()) {
          if (!redacted.contains(name)) {
            withhold(*meta, name);
            any = true;
          }
        }
        if (any) add_left_out(out.left_out, "identifying_fields");
        r.fields = redacted;
      }
    }
    // As in a bundle: the note of a custody event of an earlier bundle names
    // that bundle and who else had the case.
    if (r.entity == "custody_event") {
      const std::string action = text_of(r.fields, "action");
      if ((action == "transferred" || action == "received") && r.fields.erase("note") > 0) {
        withhold(*meta, "note");
        add_left_out(out.left_out, "custody_note");
      }
    }
    out.records.push_back({std::move(r), std::move(*meta)});
  }
  out.case_record = out.records.front().record;
  return out;
}

std::string records_sha256(const DisclosedCase& c) {
  std::vector<std::string> lines;
  lines.reserve(c.records.size());
  const std::string case_id = c.case_record.id;
  for (const auto& d : c.records) {
    const auto digest = crypto::sha256_of(ex::encode_record_file(d.record, d.meta));
    lines.push_back(crypto::to_hex(digest) + "  cases/" + case_id + "/" + d.record.id + ".json\n");
  }
  // Sorted by path: every line has the 64-digit hash and two spaces first.
  std::sort(lines.begin(), lines.end(),
            [](const std::string& a, const std::string& b) { return a.compare(66, std::string::npos, b, 66) < 0; });
  crypto::Sha256 h;
  for (const auto& l : lines) h.update(l);
  return crypto::to_hex(h.finish());
}

}  // namespace safehold::report::detail
