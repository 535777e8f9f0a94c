// collect_case: what one case contributes to a bundle.
#include <algorithm>
#include <memory>

#include "export_internal.hpp"
#include "safehold/core/exchange/record_files.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/schema/record.hpp"

namespace safehold::core::exchange {
namespace {

using nlohmann::json;

// The audit excerpt: the case's audit entries, one JSON object per line
// (schema/bundle-v1.md section 11.3). It leaves out, by design (issue 10,
// finding 8): the entry's digest and the chain hashes, which are unkeyed
// SHA-256 of the full record, identifying fields included, so a recipient
// could test a guessed legal name offline; and, for bundle events, the
// counterparty and bundle id, which would tell each recipient who else
// received or sent the case.
std::string audit_lines(const std::vector<storage::AuditEntry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    const bool bundle_event = e.action.rfind("bundle_", 0) == 0;
    const json line = {{"seq", e.seq},
                       {"at", e.at},
                       {"actor", e.actor},
                       {"action", e.action},
                       {"object_type", e.object_type},
                       {"object_id", e.object_id},
                       {"case_id", e.case_id},
                       {"reference", bundle_event ? std::string() : e.reference}};
    out += line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return out;
}

bundle::BundleFailure source_failure(const storage::StorageError& e) {
  const bool damaged = e.code == storage::VaultError::attachment_corrupt;
  return {damaged ? bundle::BundleError::source_mismatch : bundle::BundleError::read_failed, e.describe()};
}

}  // namespace

void add_text(ExportFiles& into, std::string path, std::string text) {
  const std::string& stored = into.texts.emplace_back(std::move(text));
  const auto* bytes = &stored;
  into.files.push_back({std::move(path), stored.size(), crypto::sha256_of(stored),
                        [bytes]() -> bundle::Result<std::unique_ptr<io::ByteSource>> {
                          return std::make_unique<io::SpanSource>(bundle::as_bytes(*bytes));
                        }});
}

ExchangeResult<CaseCounts> collect_case(storage::Vault& vault, const CaseExportCheck& check, ExportFiles* into) {
  auto case_record = vault.records().get(check.case_id);
  if (!case_record) return from_storage(case_record.error());
  auto records = vault.records().list(check.case_id);
  if (!records) return from_storage(records.error());
  records->insert(records->begin(), std::move(*case_record));
  CaseCounts counts;
  const auto& model = schema::Model::builtin();
  auto me = vault.identity().info();
  if (!me) return from_storage(me.error());
  for (auto& r : *records) {
    ++counts.records;
    if (r.entity == "evidence_item") {
      auto info = vault.attachments().for_evidence(r.id);
      if (!info) return from_storage(info.error());
      if (*info) {
        ++counts.attachments;
        counts.attachment_bytes += (*info)->size;
        if (into != nullptr) {
          const std::string attachment_id = (*info)->id;
          storage::Vault* v = &vault;
          into->files.push_back({"attachments/" + r.id, (*info)->size, (*info)->sha256,
                                 [v, attachment_id]() -> bundle::Result<std::unique_ptr<io::ByteSource>> {
                                   auto reader = v->attachments().get(attachment_id);
                                   if (!reader) return unexpected(source_failure(reader.error()));
                                   return std::unique_ptr<io::ByteSource>(std::move(*reader));
                                 }});
          into->evidence.emplace_back(check.case_id, r.id);
        }
      }
    }
    if (into == nullptr) continue;
    auto meta = vault.records().meta(r.id);
    if (!meta) return from_storage(meta.error());
    if (meta->owner_key.empty()) meta->owner_key = me->minisign_public_key;
    if (!check.identifying_included) {
      const auto* def = model.entity(r.entity);
      if (def != nullptr) {
        const auto before = r.fields;
        r.fields = schema::redact_identifying(*def, r.fields);
        // Say what was left out, so the receiver can show it and take it later.
        for (const auto& [name, value] : before.items()) {
          if (!r.fields.contains(name)) meta->withheld.push_back(name);
        }
        std::sort(meta->withheld.begin(), meta->withheld.end());
        meta->withheld.erase(std::unique(meta->withheld.begin(), meta->withheld.end()), meta->withheld.end());
      }
    }
    // Custody events of earlier bundles ("transferred", "received") name that
    // bundle's id and its recipients or sender in their note: left out (and
    // listed as withheld), so a bundle never tells its recipient who else had
    // the case (issue 10, finding 8). The event itself (evidence, time, action)
    // still travels.
    if (r.entity == "custody_event" && r.fields.is_object()) {
      const auto action = r.fields.find("action");
      if (action != r.fields.end() && (*action == "transferred" || *action == "received") &&
          r.fields.erase("note") > 0) {
        meta->withheld.push_back("note");
        std::sort(meta->withheld.begin(), meta->withheld.end());
        meta->withheld.erase(std::unique(meta->withheld.begin(), meta->withheld.end()), meta->withheld.end());
      }
    }
    add_text(*into, "cases/" + check.case_id + "/" + r.id + ".json", encode_record_file(r, *meta));
  }
  if (into != nullptr) {
    auto entries = vault.audit().for_case(check.case_id);
    if (!entries) return from_storage(entries.error());
    add_text(*into, "audit/" + check.case_id + "/audit.jsonl", audit_lines(*entries));
  }
  return counts;
}

}  // namespace safehold::core::exchange
