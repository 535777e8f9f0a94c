// collect_case: what one case contributes to a bundle.
#include <algorithm>
#include <memory>

#include "export_internal.hpp"
#include "safehold/core/exchange/record_files.hpp"

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
                        [bytes]() -> bundle::Result<std::unique_ptr<base::ByteSource>> {
                          return std::make_unique<base::SpanSource>(bundle::as_bytes(*bytes));
                        }});
}

ExchangeResult<CaseCounts> count_case(storage::Vault& vault, const std::string& case_id) {
  auto records = vault.records().list(case_id);
  if (!records) return from_storage(records.error());
  CaseCounts counts;
  counts.records = records->size() + 1;  // and the case record
  for (const auto& r : *records) {
    if (r.entity != "evidence_item") continue;
    auto info = vault.attachments().for_evidence(r.id);
    if (!info) return from_storage(info.error());
    if (!*info) continue;
    ++counts.attachments;
    counts.attachment_bytes += (*info)->size;
  }
  return counts;
}

ExchangeResult<CaseCounts> collect_case(storage::Vault& vault, const CaseExportCheck& check,
                                        const std::vector<disclosure::Audience>& audiences, ExportFiles& into) {
  auto disclosed = disclosure::disclose_case(vault, check.case_id, audiences, {check.identifying_included});
  if (!disclosed) return from_disclosure(disclosed.error());
  if (!disclosed->allowed()) return exchange_fail(ExchangeError::consent_refused, disclosed->refusals.front().message);
  CaseCounts counts;
  auto me = vault.identity().info();
  if (!me) return from_storage(me.error());
  for (auto& d : disclosed->records) {
    const storage::Record& r = d.record;
    ++counts.records;
    if (d.attachment) {
      ++counts.attachments;
      counts.attachment_bytes += d.attachment->size;
      const std::string attachment_id = d.attachment->id;
      storage::Vault* v = &vault;
      into.files.push_back({"attachments/" + r.id, d.attachment->size, d.attachment->sha256,
                            [v, attachment_id]() -> bundle::Result<std::unique_ptr<base::ByteSource>> {
                              auto reader = v->attachments().get(attachment_id);
                              if (!reader) return unexpected(source_failure(reader.error()));
                              return std::unique_ptr<base::ByteSource>(std::move(*reader));
                            }});
      into.evidence.emplace_back(check.case_id, r.id);
    }
    auto meta = vault.records().meta(r.id);
    if (!meta) return from_storage(meta.error());
    if (meta->owner_key.empty()) meta->owner_key = me->minisign_public_key;
    // The record file lists what was left out by top-level field name
    // (schema/bundle-v1.md), so the receiver can show it and take it later.
    for (const auto& w : d.withheld) {
      if (w.path.find_first_of(".[") == std::string::npos) meta->withheld.push_back(w.path);
    }
    if (!check.identifying_included || !d.withheld.empty()) {
      std::sort(meta->withheld.begin(), meta->withheld.end());
      meta->withheld.erase(std::unique(meta->withheld.begin(), meta->withheld.end()), meta->withheld.end());
    }
    add_text(into, "cases/" + check.case_id + "/" + r.id + ".json", encode_record_file(r, *meta));
  }
  auto entries = vault.audit().for_case(check.case_id);
  if (!entries) return from_storage(entries.error());
  add_text(into, "audit/" + check.case_id + "/audit.jsonl", audit_lines(*entries));
  return counts;
}

}  // namespace safehold::core::exchange
