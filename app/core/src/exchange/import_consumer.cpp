// ContentConsumer: the content rules of a bundle (schema/bundle-v1.md
// section 11) and, for an import, the staging into one vault Batch.
#include "import_consumer.hpp"

#include <algorithm>
#include <ctime>

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/sha256sums.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/core/casework/record_set.hpp"
#include "safehold/core/exchange/notice_files.hpp"
#include "safehold/core/exchange/record_files.hpp"

namespace safehold::core::exchange {
namespace {

// Audit excerpts are kept in the database: Safehold's importer takes them up
// to this size (its own writer makes a few KiB per case).
constexpr std::uint64_t kMaxAuditExcerpt = 16u << 20;

std::string field_text(const nlohmann::json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// SHA-256 of the bundle's SHA256SUMS, the file its signature covers (the
// reader checked that the manifest re-encodes to the bytes it was sent as).
crypto::Sha256Digest signed_sums_digest(const bundle::Manifest& m) {
  return crypto::sha256_of(bundle::format_sums(crypto::sha256_of(bundle::encode_manifest(m)), m));
}

ExchangeFailure content(std::string detail) {
  return ExchangeFailure{ExchangeError::content_refused, std::move(detail), {}, {}, {}, {}};
}

// Storage refusals while writing records: the bundle's content does not fit.
ExchangeFailure from_write(const storage::StorageError& e) {
  using storage::VaultError;
  switch (e.code) {
    case VaultError::not_allowed:
      return ExchangeFailure{ExchangeError::record_conflict, e.detail, {}, e.code, {}, {}};
    case VaultError::invalid_record:
    case VaultError::invalid_reference:
    case VaultError::consent_required:
    case VaultError::consent_scope_refused:
    case VaultError::not_found:
    case VaultError::attachment_exists:
      return ExchangeFailure{ExchangeError::content_refused, e.describe(), {}, e.code, {}, {}};
    default:
      return from_storage(e).error();
  }
}

}  // namespace

bundle::Result<void> ContentConsumer::refuse(ExchangeFailure failure) {
  own_failure_ = std::move(failure);
  // The reader only needs to stop; the exchange failure above says why.
  return bundle::fail(bundle::BundleError::invalid_input, own_failure_->detail);
}

IncomingCase* ContentConsumer::case_entry(const std::string& case_id) {
  for (auto& c : report_.cases) {
    if (c.case_id == case_id) return &c;
  }
  return nullptr;
}

bundle::Result<void> ContentConsumer::begin(const bundle::Manifest& m) {
  manifest_ = m;
  report_.bundle_id = m.bundle_id;
  report_.created = bundle::format_utc(m.created);
  report_.app_version = m.app_version;
  report_.recipients = m.recipients;
  report_.cases.clear();
  for (const auto& id : m.cases) {
    IncomingCase c;
    c.case_id = id;
    report_.cases.push_back(std::move(c));
  }
  report_.total_bytes = 0;
  for (const auto& f : m.files) report_.total_bytes += f.size;
  auto before = vault_.bundles().find(m.sender.minisign_public_key, m.bundle_id);
  if (!before) return refuse(from_storage(before.error()).error());
  const auto sums = signed_sums_digest(m);
  if (*before) {
    // "Already imported" is this very bundle again: this signer's id with the
    // same signed SHA256SUMS; this signer's id with other files is refused.
    // Another signer's bundle under the id is not found here at all: it is a
    // different bundle (a co-recipient who sent a harmless bundle under the
    // real id first no longer keeps the real one out, issue 10 finding 11).
    if (!crypto::digests_equal((*before)->sums_sha256, sums)) {
      return bundle::fail(bundle::BundleError::bundle_id_reused, m.bundle_id);
    }
    report_.already_imported = true;
    report_.imported_at = (*before)->imported_at;
    if (importing_) return bundle::fail(bundle::BundleError::already_imported, m.bundle_id);
    // Verify of a bundle imported before: import would change nothing, so
    // the format and content checks are all there is to run.
    checks_only_ = true;
    return {};
  }
  // Verify stages exactly what import would, in the same Batch, and rolls it
  // back in finish(): every check import makes (consent, references,
  // conflicts, the vault's own limits) is then a check of verify too, and a
  // verify that passes means the import passes on this vault (issue 10,
  // finding 2).
  auto batch = vault_.begin_batch();
  if (!batch) return refuse(from_storage(batch.error()).error());
  batch_.emplace(std::move(*batch));
  storage::ImportedBundle b;
  b.bundle_id = m.bundle_id;
  b.created = report_.created;
  b.signer_key = m.sender.minisign_public_key;
  b.signer_key_id = m.sender.minisign_key_id;
  b.sender_contact_id = report_.sender.contact_id;
  b.sender_name = m.sender.name;
  b.unverified = report_.unverified_sender;
  b.sums_sha256 = sums;
  if (auto r = vault_.bundles().begin_import(b); !r) return refuse(from_storage(r.error()).error());
  return {};
}

bundle::Result<void> ContentConsumer::begin_file(const bundle::ManifestFile& f) {
  const auto where = bundle::parse_file_path(f.path);  // the reader checked the grammar
  if (!where) return refuse(content("entry with an unexpected path"));
  buffer_.clear();
  if (where->group == bundle::PathGroup::cases) {
    if (std::string(where->case_id) != group_case_) {
      if (auto r = flush_case(); !r) return r;
      group_case_ = std::string(where->case_id);
    }
    if (f.size > kMaxRecordFileSize) return refuse(content(f.path + ": record file too large"));
    buffer_.reserve(static_cast<std::size_t>(f.size));
    mode_ = Mode::record;
    return {};
  }
  if (auto r = flush_case(); !r) return r;
  if (where->group == bundle::PathGroup::attachments) return start_attachment(f);
  if (where->group == bundle::PathGroup::notices) {
    if (f.size > bundle::kMaxNoticeFileSize) return refuse(content(f.path + ": notice file too large"));
    buffer_.reserve(static_cast<std::size_t>(f.size));
    mode_ = Mode::notice;
    return {};
  }
  if (f.size > kMaxAuditExcerpt) return refuse(content(f.path + ": audit excerpt larger than this importer takes"));
  buffer_.reserve(static_cast<std::size_t>(f.size));
  mode_ = Mode::audit;
  return {};
}

bundle::Result<void> ContentConsumer::start_attachment(const bundle::ManifestFile& f) {
  const std::string evidence_id = f.path.substr(std::string_view("attachments/").size());
  const auto it = evidence_.find(evidence_id);
  if (it == evidence_.end()) {
    return refuse(content("attachment " + evidence_id + " has no evidence item in the bundle"));
  }
  const Evidence& ev = it->second;
  const std::string hex = crypto::to_hex(f.sha256);
  if ((!ev.sha256.empty() && ev.sha256 != hex) || (ev.size && *ev.size != f.size)) {
    return refuse(content("attachment " + evidence_id + " differs from the size or SHA-256 its evidence item records"));
  }
  if (auto* c = case_entry(ev.case_id)) c->attachments.push_back({evidence_id, f.size, hex});
  auto existing = vault_.attachments().for_evidence(evidence_id);
  if (!existing && existing.error().code != storage::VaultError::not_found) {
    return refuse(from_storage(existing.error()).error());
  }
  if (existing && *existing) {
    // Content the vault already holds (an update of a case sent before).
    if (!crypto::digests_equal((*existing)->sha256, f.sha256)) {
      // The evidence item was not applied (set aside as a conflict, a copy
      // not from its owner, stale, or a copy that changes nothing): its other
      // content is not kept either, and the rest of the bundle imports
      // (bundle-v1.md 12.3). An update naming other content is set aside by
      // the ledger; only an applied item naming no SHA-256 gets here.
      const IncomingCase* c = case_entry(ev.case_id);
      const auto listed = [&evidence_id](const std::vector<std::string>& ids) {
        return std::find(ids.begin(), ids.end(), evidence_id) != ids.end();
      };
      if (c != nullptr && !listed(c->created) && !listed(c->updated) && !listed(c->upgraded)) {
        mode_ = Mode::skip;
        return {};
      }
      return refuse(ExchangeFailure{ExchangeError::record_conflict,
                                    "evidence " + evidence_id + " already has different content in this vault",
                                    {}, {}, {}, {}});
    }
    mode_ = Mode::skip;
    return {};
  }
  if (checks_only_) {
    mode_ = Mode::skip;
    return {};
  }
  auto incoming = vault_.bundles().receive_attachment(evidence_id);
  if (!incoming) return refuse(from_write(incoming.error()));
  incoming_ = std::move(*incoming);
  mode_ = Mode::attachment;
  return {};
}

bundle::Result<void> ContentConsumer::file_data(std::span<const std::uint8_t> bytes) {
  switch (mode_) {
    case Mode::record:
    case Mode::notice:
    case Mode::audit:
      buffer_.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      return {};
    case Mode::attachment:
      if (auto w = incoming_->write(bytes); !w) {
        return refuse(from_storage(storage::make_error(w.error() == base::IoError::disk_full
                                                           ? storage::VaultError::disk_full
                                                           : storage::VaultError::io_failed))
                          .error());
      }
      return {};
    case Mode::skip:
    case Mode::none:
      return {};
  }
  return {};
}

bundle::Result<void> ContentConsumer::end_record(const bundle::ManifestFile& f) {
  auto file = parse_record_file(f.path, {reinterpret_cast<const std::uint8_t*>(buffer_.data()), buffer_.size()},
                                manifest_->format_version);
  if (!file) return refuse(file.error());
  storage::Record* record = &file->record;
  if (record->entity == "case") case_records_.insert(record->id);
  IncomingCase* c = case_entry(group_case_);
  if (c != nullptr) {
    ++c->records;
    if (record->entity == "case") {
      c->reference = field_text(record->fields, "reference");
      c->title = field_text(record->fields, "title");
    }
  }
  if (record->entity == "evidence_item") {
    Evidence ev{group_case_, field_text(record->fields, "sha256"), {}};
    const auto size = record->fields.find("size");
    if (size != record->fields.end() && size->is_number_unsigned()) ev.size = size->get<std::uint64_t>();
    evidence_[record->id] = std::move(ev);
  }
  group_.push_back({std::move(file->record), std::move(file->meta)});
  return {};
}

// A notice must come from the owner it names, who signed the bundle, about a
// case the manifest lists (bundle-v1.md 12.4); whether the signer owns the
// case this vault holds is decided when it is applied.
bundle::Result<void> ContentConsumer::end_notice(const bundle::ManifestFile& f) {
  auto n = parse_notice_file(f.path, {reinterpret_cast<const std::uint8_t*>(buffer_.data()), buffer_.size()});
  if (!n) return refuse(n.error());
  if (!std::binary_search(manifest_->cases.begin(), manifest_->cases.end(), n->case_id)) {
    return refuse(content(f.path + ": the notice's case is not listed in the manifest"));
  }
  if (n->owner_key != manifest_->sender.minisign_public_key) {
    return refuse(content(f.path + ": the notice's owner is not the bundle's signer"));
  }
  notices_.push_back(std::move(*n));
  return {};
}

bundle::Result<void> ContentConsumer::end_file(const bundle::ManifestFile& f) {
  const Mode mode = mode_;
  mode_ = Mode::none;
  switch (mode) {
    case Mode::record:
      return end_record(f);
    case Mode::notice:
      return end_notice(f);
    case Mode::audit: {
      ++report_.audit_excerpts;
      if (checks_only_) return {};
      const auto where = bundle::parse_file_path(f.path);
      storage::AuditExcerpt e{manifest_->sender.minisign_public_key, report_.bundle_id, f.path, std::string(where->case_id),
                              std::vector<std::uint8_t>(buffer_.begin(), buffer_.end())};
      if (auto r = vault_.bundles().keep_audit_excerpt(e); !r) return refuse(from_storage(r.error()).error());
      return {};
    }
    case Mode::attachment: {
      auto info = incoming_->finish();
      incoming_.reset();
      if (!info) return refuse(from_storage(info.error()).error());
      // The reader checked the bytes against the manifest; the vault hashed them again.
      if (!crypto::digests_equal(info->sha256, f.sha256) || info->size != f.size) {
        return refuse(content("attachment " + info->evidence_id + " changed while it was stored"));
      }
      received_.emplace_back(info->case_id, info->evidence_id);
      return {};
    }
    case Mode::skip:
    case Mode::none:
      return {};
  }
  return {};
}

bundle::Result<void> ContentConsumer::flush_case() {
  if (group_.empty()) return {};
  std::vector<storage::IncomingRecord> records;
  records.swap(group_);
  const std::string& signer = manifest_->sender.minisign_public_key;
  const auto& first = records.front().record;
  IncomingCase* c = case_entry(first.entity == "case" ? first.id : first.case_id);
  if (c == nullptr) return refuse(content("records of a case the manifest does not list"));
  if (checks_only_) {
    // A bundle imported before (verify only): what importing it again would
    // do, record by record, nothing staged.
    for (const auto& r : records) {
      auto v = vault_.bundles().classify(r, signer);
      if (!v) return refuse(from_storage(v.error()).error());
      using storage::IncomingState;
      switch (v->state) {
        case IncomingState::mismatch:
          return refuse(ExchangeFailure{ExchangeError::record_conflict, v->reason, {}, {}, {}, {}});
        case IncomingState::refused: return refuse(content(v->reason));
        case IncomingState::fresh: c->created.push_back(r.record.id); ++written_; break;
        case IncomingState::newer: c->updated.push_back(r.record.id); ++written_; break;
        case IncomingState::upgraded: c->upgraded.push_back(r.record.id); ++written_; break;
        case IncomingState::older: c->stale.push_back(r.record.id); ++unchanged_; break;
        case IncomingState::not_owner: c->not_from_owner.push_back(r.record.id); ++unchanged_; break;
        case IncomingState::conflict: c->conflicts.push_back(r.record.id); ++unchanged_; break;
        case IncomingState::identical: ++c->unchanged; ++unchanged_; break;
      }
    }
    return {};
  }
  const std::size_t count = records.size();
  auto n = casework::write_received_set(vault_, {report_.bundle_id, signer, std::move(records)});
  if (!n) return refuse(from_write(*n.error().vault));
  auto append = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
    to.insert(to.end(), from.begin(), from.end());
  };
  append(c->created, n->created);
  append(c->updated, n->updated);
  append(c->upgraded, n->upgraded);
  append(c->stale, n->stale);
  append(c->not_from_owner, n->not_from_owner);
  append(c->conflicts, n->conflicts);
  c->unchanged += n->unchanged;
  written_ += n->written();
  unchanged_ += count - n->written();
  return {};
}

// After every record of the bundle (so a notice may concern a case whose
// case record came in the same bundle). Verify applies them too, in the
// Batch it rolls back, so its report says what import will do.
ExchangeResult<void> ContentConsumer::apply_notices() {
  const std::string& signer = manifest_->sender.minisign_public_key;
  for (const auto& n : notices_) {
    IncomingNotice out{n.id, n.kind, n.case_id, {}, {}, {}, {}, {}};
    if (IncomingCase* c = case_entry(n.case_id); c != nullptr && c->reference.empty()) {
      // A notice-only case: name it as this vault knows it, while it is here.
      if (auto held = vault_.cases().get(n.case_id)) {
        c->reference = held->reference;
        c->title = held->title;
      }
    }
    if (checks_only_) {
      auto before = vault_.notices().was_applied(n.id, signer);
      if (!before) return from_storage(before.error());
      out.outcome = *before ? "already_applied" : "not_applied";
      if (!*before) out.reason = "the bundle was imported before";
      report_.notices.push_back(std::move(out));
      continue;
    }
    auto r = vault_.notices().apply(n, signer, report_.bundle_id);
    if (!r) return unexpected(from_write(r.error()));
    out.outcome = storage::to_string(r->outcome);
    out.reason = r->reason;
    out.deleted = r->deleted;
    out.kept = r->kept;
    out.absent = r->absent;
    report_.notices.push_back(std::move(out));
  }
  return {};
}

void ContentConsumer::discard() noexcept {
  incoming_.reset();
  group_.clear();
  if (batch_) batch_->rollback();
  batch_.reset();
}

ExchangeResult<void> ContentConsumer::finish() {
  auto fail_and_discard = [this](ExchangeFailure f) {
    discard();
    return unexpected(std::move(f));
  };
  if (auto r = flush_case(); !r) return fail_and_discard(*own_failure_);
  for (const auto& c : report_.cases) {
    const bool noticed = std::any_of(notices_.begin(), notices_.end(),
                                     [&c](const storage::Notice& n) { return n.case_id == c.case_id; });
    if (!case_records_.contains(c.case_id) && !noticed) {
      return fail_and_discard(content("case " + c.case_id + " has no case record (nor a notice) in the bundle"));
    }
  }
  if (auto n = apply_notices(); !n) return fail_and_discard(n.error());
  if (checks_only_) return {};
  const std::string now = bundle::format_utc(static_cast<std::int64_t>(std::time(nullptr)));
  const std::string from = report_.sender.contact_name.empty() ? "key " + report_.sender.key_id
                                                               : report_.sender.contact_name;
  for (const auto& [case_id, evidence_id] : received_) {
    nlohmann::json fields = {{"evidence", evidence_id},
                             {"at", now},
                             {"action", "received"},
                             {"hash_verified", true},
                             {"note", "sealed bundle " + report_.bundle_id + " from " + from}};
    if (!vault_.owner_name().empty()) fields["actor"] = vault_.owner_name();
    if (auto e = vault_.records().create("custody_event", case_id, std::move(fields)); !e) {
      return fail_and_discard(from_write(e.error()));
    }
  }
  const auto sums = signed_sums_digest(*manifest_);
  for (const auto& c : report_.cases) {
    storage::BundleEvent ev{storage::AuditAction::bundle_imported, c.case_id, report_.sender.contact_id,
                            report_.bundle_id, sums};
    if (auto e = vault_.audit().record_bundle_event(ev); !e) return fail_and_discard(from_storage(e.error()).error());
  }
  if (auto e = vault_.bundles().finish_import(manifest_->sender.minisign_public_key, report_.bundle_id,
                                              static_cast<std::int64_t>(report_.cases.size()),
                                              static_cast<std::int64_t>(written_),
                                              static_cast<std::int64_t>(received_.size()));
      !e) {
    return fail_and_discard(from_storage(e.error()).error());
  }
  if (!importing_) {
    discard();  // verify: everything was staged and checked; nothing is kept
    return {};
  }
  auto batch = std::move(*batch_);
  batch_.reset();
  if (auto c = batch.commit(); !c) return from_storage(c.error());
  return {};
}

}  // namespace safehold::core::exchange
