// export_bundle: seal the selected cases for the selected contacts.
#include <ctime>

#include "export_internal.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/base/file_io.hpp"

namespace safehold::core::exchange {
namespace {

namespace fs = std::filesystem;

// Counts what passes to the file.
class CountingSink final : public base::ByteSink {
 public:
  explicit CountingSink(base::ByteSink& out) : out_(out) {}
  expected<void, base::IoError> write(std::span<const std::uint8_t> data) override {
    auto r = out_.write(data);
    if (r) count_ += data.size();
    return r;
  }
  std::uint64_t count() const noexcept { return count_; }

 private:
  base::ByteSink& out_;
  std::uint64_t count_ = 0;
};

unexpected<ExchangeFailure> refusal(const ExportPlan& plan) {
  const auto& first = plan.problems.front();
  std::string detail = first.message;
  if (plan.problems.size() > 1) detail += " (and " + std::to_string(plan.problems.size() - 1) + " more)";
  const bool consent = !first.case_id.empty();
  return exchange_fail(consent ? ExchangeError::consent_refused : ExchangeError::not_allowed, std::move(detail));
}

// Sender name for the manifest: the owner's name when the format allows it.
std::string sender_name(const storage::IdentityInfo& id) {
  return bundle::is_sender_name(id.name) ? id.name : "Safehold " + id.minisign_key_id;
}

// The audit trail and custody events of a finished export, in one batch.
ExchangeResult<storage::Batch> record_dispatch(storage::Vault& vault, const ResolvedExport& r,
                                               const ExportFiles& files, const bundle::Manifest& m,
                                               bool notices_only) {
  auto batch = vault.begin_batch();
  if (!batch) return from_storage(batch.error());
  const auto sums = crypto::sha256_of(bundle::format_sums(crypto::sha256_of(bundle::encode_manifest(m)), m));
  std::string names;
  for (const auto& c : r.contacts) names += (names.empty() ? "" : ", ") + c.display_name;
  // A bundle of notices only carries no record: the case was not sent again.
  for (const auto& c : notices_only ? std::vector<CaseExportCheck>{} : r.plan.cases) {
    for (const auto& contact : r.contacts) {
      storage::BundleEvent ev{storage::AuditAction::bundle_exported, c.case_id, contact.id, m.bundle_id, sums};
      if (auto e = vault.audit().record_bundle_event(ev); !e) return from_storage(e.error());
    }
  }
  const std::string at = bundle::format_utc(m.created);
  for (const auto& [notice_id, contact_id] : files.notices) {
    if (auto e = vault.notices().mark_sent(notice_id, contact_id, m.bundle_id, at); !e) return from_storage(e.error());
  }
  for (const auto& [case_id, evidence_id] : files.evidence) {
    nlohmann::json fields = {{"evidence", evidence_id},
                             {"at", at},
                             {"action", "transferred"},
                             {"hash_verified", true},
                             {"note", "sealed bundle " + m.bundle_id + " for " + names}};
    if (!vault.owner_name().empty()) fields["actor"] = vault.owner_name();
    if (auto e = vault.records().create("custody_event", case_id, std::move(fields)); !e) return from_storage(e.error());
  }
  return std::move(*batch);
}

}  // namespace

ExchangeResult<ExportResult> export_bundle(storage::Vault& vault, const ExportRequest& request,
                                           const fs::path& destination, const storage::OperationHooks& hooks) {
  auto resolved = request.notices_only ? resolve_notice_export(vault, request) : resolve_export(vault, request);
  if (!resolved) return unexpected(resolved.error());
  if (!resolved->plan.ok()) return refusal(resolved->plan);
  std::error_code ec;
  if (fs::symlink_status(destination, ec).type() != fs::file_type::not_found) {
    return from_file(base::FileError::exists, "output file");
  }
  auto identity = vault.identity().info();
  if (!identity) return from_storage(identity.error());
  auto key = vault.identity().signing_key();
  if (!key) return from_storage(key.error());

  ExportFiles files;
  ExportResult result;
  for (auto& c : request.notices_only ? std::vector<CaseExportCheck>{} : resolved->plan.cases) {
    auto counts = collect_case(vault, c, resolved->audiences, files);
    if (!counts) return unexpected(counts.error());
    result.records += counts->records;
    result.attachments += counts->attachments;
  }
  auto notices = add_waiting_notices(vault, *resolved, files);
  if (!notices) return unexpected(notices.error());
  result.notices = *notices;
  if (request.notices_only && result.notices == 0) {
    return exchange_fail(ExchangeError::not_found, "no notice of these cases is waiting for these recipients");
  }
  bundle::BundleContents contents;
  for (const auto& c : resolved->contacts) {
    contents.recipients.push_back(c.age_recipient);
    result.recipients.push_back(c.id);
  }
  for (const auto& c : resolved->plan.cases) contents.case_ids.push_back(c.case_id);
  contents.files = files.files;

  bundle::WriteOptions options;
  options.created = static_cast<std::int64_t>(std::time(nullptr));
  options.progress = [&hooks](std::uint64_t done, std::uint64_t total) {
    if (hooks.progress) hooks.progress(done, total);
    return !(hooks.cancel_requested && hooks.cancel_requested());
  };
  auto out = base::AtomicFileWriter::create(destination, 0600, base::Publish::no_replace);
  if (!out) return from_file(out.error(), "output file");
  CountingSink counted(*out);
  bundle::BundleWriter writer({*key, identity->age_recipient, sender_name(*identity)}, std::move(contents),
                              std::move(options));
  auto manifest = writer.write(counted);
  if (!manifest) {
    if (manifest.error().code == bundle::BundleError::write_failed ||
        manifest.error().code == bundle::BundleError::disk_full) {
      return from_file(manifest.error().code == bundle::BundleError::disk_full ? base::FileError::disk_full
                                                                               : base::FileError::io_failed,
                       "output file");
    }
    return from_bundle(manifest.error());
  }
  if (hooks.cancel_requested && hooks.cancel_requested()) return exchange_fail(ExchangeError::cancelled);
  // Recorded before the file appears: the audit never misses a bundle that exists.
  auto batch = record_dispatch(vault, *resolved, files, *manifest, request.notices_only);
  if (!batch) return unexpected(batch.error());
  if (auto c = batch->commit(); !c) return from_storage(c.error());
  if (auto c = out->commit(); !c) return from_file(c.error(), "output file (the audit records the attempt)");
  result.bundle_id = manifest->bundle_id;
  result.created = bundle::format_utc(manifest->created);
  result.bytes = counted.count();
  return result;
}

}  // namespace safehold::core::exchange
