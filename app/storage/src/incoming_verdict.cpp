// What importing one record does (schema/bundle-v1.md 12.2-12.3, 12.5): the
// ownership rule, then revisions (format version 2) or updated_at (version 1).
#include "incoming_verdict.hpp"

#include "attachment_rows.hpp"

#include "record_meta_rows.hpp"
#include "record_owner.hpp"
#include "record_rows.hpp"
#include "safehold/storage/identity.hpp"
#include "util.hpp"

namespace safehold::storage::detail {
namespace {

using nlohmann::json;

Decision decided(IncomingState state, std::string reason = {}) {
  Decision d;
  d.verdict = {state, std::move(reason)};
  return d;
}

// Every field of `part` is in `whole` with the same value; the fields `whole`
// has beyond them are listed in `extra`.
bool contains_fields(const json& whole, const json& part, std::vector<std::string>* extra) {
  for (const auto& [name, value] : part.items()) {
    const auto it = whole.find(name);
    if (it == whole.end() || *it != value) return false;
  }
  if (extra != nullptr) {
    for (const auto& [name, value] : whole.items()) {
      if (!part.contains(name)) extra->push_back(name);
    }
  }
  return true;
}

bool listed(const std::vector<std::string>& v, const std::string& name) {
  return std::find(v.begin(), v.end(), name) != v.end();
}

bool same_copy(const Record& a, const Record& b) {
  return a.fields == b.fields && a.created_at == b.created_at && a.updated_at == b.updated_at;
}

// Version 2, the same owner on both sides: compare revisions.
Decision by_revision(const Record& have, const RecordMeta& held, const Record& in, const RecordMeta& meta) {
  const std::string& id = in.id;
  if (meta.revision.id == held.revision.id) {
    if (same_copy(have, in) && meta.withheld == held.withheld) return decided(IncomingState::identical);
    std::vector<std::string> extra;
    if (contains_fields(in.fields, have.fields, &extra) && !extra.empty()) {
      // More of the same revision: only fields the held copy was told were left out.
      for (const auto& name : extra) {
        if (!listed(held.withheld, name)) return decided(IncomingState::conflict, "record " + id + ": same revision, other fields");
      }
      Decision d = decided(IncomingState::upgraded);
      d.store = in;
      d.store.created_at = have.created_at;
      d.store.updated_at = have.updated_at;
      d.meta = meta;
      return d;
    }
    if (contains_fields(have.fields, in.fields, nullptr)) return decided(IncomingState::identical);  // never downgrade
    return decided(IncomingState::conflict, "record " + id + ": same revision, other values");
  }
  if (descends_from(meta.revision, held.revision)) {
    Decision d = decided(IncomingState::newer);
    d.store = in;
    d.meta = meta;
    d.meta.withheld.clear();
    // A redacted update never deletes what the receiver was given.
    for (const auto& name : meta.withheld) {
      const auto it = have.fields.find(name);
      if (it != have.fields.end()) {
        d.store.fields[name] = *it;
      } else {
        d.meta.withheld.push_back(name);
      }
    }
    return d;
  }
  if (descends_from(held.revision, meta.revision)) return decided(IncomingState::older);
  return decided(IncomingState::conflict, "record " + id + ": revision " + std::to_string(meta.revision.n) +
                                              " does not descend from the one held (" +
                                              std::to_string(held.revision.n) + ")");
}

}  // namespace

expected<std::string, StorageError> as_stored_owner(VaultState& s, std::string_view key) {
  auto me = IdentityStore(&s).info();
  if (!me) return unexpected(me.error());
  return me->minisign_public_key == key ? std::string() : std::string(key);
}

namespace {

expected<Decision, StorageError> decide_by_owner_and_revision(VaultState& s, const IncomingRecord& incoming,
                                                              std::string_view signer_key);

}  // namespace

expected<Decision, StorageError> decide(VaultState& s, const IncomingRecord& incoming, std::string_view signer_key) {
  auto d = decide_by_owner_and_revision(s, incoming, signer_key);
  if (!d) return d;
  const Record& in = incoming.record;
  const bool applies = d->verdict.state == IncomingState::newer || d->verdict.state == IncomingState::upgraded;
  if (!applies || in.entity != "evidence_item") return d;
  // An attachment follows its record (bundle-v1.md 12.3): an update that
  // names other content than the vault holds is a conflict, set aside with
  // its record, rather than an update whose content would then be refused.
  const auto named = in.fields.find("sha256");
  if (named == in.fields.end() || !named->is_string()) return d;
  auto held = find_attachment_of(s, in.id);
  if (!held) return unexpected(held.error());
  if (*held && to_hex((*held)->info.sha256) != named->get<std::string>()) {
    return decided(IncomingState::conflict, "record " + in.id + ": other attachment content than this vault holds");
  }
  return d;
}

namespace {

expected<Decision, StorageError> decide_by_owner_and_revision(VaultState& s, const IncomingRecord& incoming,
                                                              std::string_view signer_key) {
  const Record& in = incoming.record;
  auto signer = as_stored_owner(s, signer_key);
  if (!signer) return unexpected(signer.error());
  auto owner_in = incoming.meta ? as_stored_owner(s, incoming.meta->owner_key) : signer;
  if (!owner_in) return unexpected(owner_in.error());
  auto existing = find_record(s, in.id);
  if (!existing) return unexpected(existing.error());
  if (*existing && ((*existing)->entity != in.entity || (*existing)->case_id != in.case_id)) {
    return decided(IncomingState::mismatch,
                   "record " + in.id + " is a different record in this vault (" + (*existing)->entity + ")");
  }
  std::optional<RecordMeta> held;
  if (*existing) {
    auto m = load_meta(s, in.id);
    if (!m) return unexpected(m.error());
    held = std::move(*m);
  }
  // A copy that would change nothing here: the revision held, or an older
  // one (version 1: no field the held copy lacks or holds otherwise).
  bool harmless = false;
  if (*existing) {
    harmless = incoming.meta ? (incoming.meta->revision.id == held->revision.id &&
                                contains_fields((*existing)->fields, in.fields, nullptr)) ||
                                   descends_from(held->revision, incoming.meta->revision)
                             : contains_fields((*existing)->fields, in.fields, nullptr);
  }
  if (in.entity == "consent") {
    // Consent is the case owner's alone (finding 9: a copy holder must not
    // add a later consent that undoes the owner's withdrawal).
    auto case_owner = record_owner_key(s, in.case_id);
    if (!case_owner) return unexpected(case_owner.error());
    const std::string owner = *case_owner ? **case_owner : *signer;  // a new case is the signer's
    if (owner != *owner_in || owner != *signer) {
      if (harmless) return decided(IncomingState::identical);
      return decided(IncomingState::refused, "consent " + in.id + " for case " + in.case_id +
                                                 " is not from the case owner (" + owner_label(owner) + ")");
    }
  }
  if (*owner_in != *signer) {
    // A relayed copy of someone else's record: never applied (12.2).
    if (harmless) return decided(IncomingState::identical);
    return decided(IncomingState::not_owner, "record " + in.id + " was not sent by its owner");
  }
  if (!*existing) {
    Decision d = decided(IncomingState::fresh);
    d.store = in;
    if (incoming.meta) {
      d.meta = *incoming.meta;
    } else {
      d.meta.revision = {1, new_uuid_v4(), {}};
    }
    d.meta.owner_key = *owner_in;
    return d;
  }
  const Record& have = **existing;
  if (held->owner_key != *owner_in) {
    if (harmless) return decided(IncomingState::identical);
    if (!incoming.meta) {
      // Version 1: the signer's copy of a record it does not own.
      return decided(IncomingState::not_owner, "record " + in.id + " belongs to " + owner_label(held->owner_key));
    }
    return decided(IncomingState::conflict, "record " + in.id + " belongs to " + owner_label(held->owner_key) +
                                                " here, the bundle says otherwise");
  }
  if (!incoming.meta) {
    if (same_copy(have, in)) return decided(IncomingState::identical);
    // RFC 3339 UTC with second precision orders as text.
    if (in.updated_at <= have.updated_at) return decided(IncomingState::older);
    Decision d = decided(IncomingState::newer);
    d.store = in;
    d.meta = {*owner_in, next_revision(held->revision, new_uuid_v4()), {}};
    return d;
  }
  Decision d = by_revision(have, *held, in, *incoming.meta);
  d.meta.owner_key = *owner_in;
  return d;
}

}  // namespace

}  // namespace safehold::storage::detail
