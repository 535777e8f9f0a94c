// ContactBook: contacts as records of the `contact` entity.
#include "safehold/core/exchange/contacts.hpp"

#include <ctime>

#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/schema/formats.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::core::exchange {
namespace {

namespace ms = crypto::minisign;
using nlohmann::json;

// The settings key under which a removed contact's name is kept.
std::string former_contact_key(std::string_view id) { return "contact.removed." + std::string(id); }

std::string text_field(const json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_code(const char* vocab, std::string_view code) {
  const auto* v = schema::Vocabularies::builtin().find(vocab);
  return v != nullptr && v->accepts_for_write(code);
}

bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         crypto::equal_constant_time({reinterpret_cast<const std::uint8_t*>(a.data()), a.size()},
                                     {reinterpret_cast<const std::uint8_t*>(b.data()), b.size()});
}

// Names and organisations are shown one per line (contact list, export
// picker, CLI output) and may come from a card someone else wrote: valid
// UTF-8 without control characters (C0, DEL, C1), line or paragraph
// separators, or the bidirectional embeddings, overrides and isolates that
// can make one name display as another.
bool is_one_line(std::string_view s) {
  if (!schema::is_valid_utf8(s)) return false;
  const auto byte = [&s](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned u = byte(i);
    if (u < 0x20 || u == 0x7f) return false;
    if (u == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) return false;  // U+0080-U+009F
    if (u == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0xA8 && byte(i + 2) <= 0xAE) return false;  // U+2028-U+202E
    if (u == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) >= 0xA6 && byte(i + 2) <= 0xA9) return false;  // U+2066-U+2069
  }
  return true;
}

// `what` names the field in the refusal (never its value).
ExchangeResult<void> check_one_line(std::string_view text, const char* what) {
  if (is_one_line(text)) return {};
  return exchange_fail(ExchangeError::invalid_input, std::string("a contact's ") + what +
                                                         " must be one line of text without control or "
                                                         "direction-changing characters");
}

ExchangeResult<void> check_name(std::string_view name) {
  if (name.find_first_not_of(' ') == std::string_view::npos) {
    return exchange_fail(ExchangeError::invalid_input, "a contact needs a display name");
  }
  return check_one_line(name, "display name");
}

ExchangeResult<void> check_organisation(std::string_view organisation) {
  return check_one_line(organisation, "organisation");
}

ExchangeResult<void> check_kind(std::string_view kind) {
  if (!kind.empty() && !is_code("recipient_kind", kind)) {
    return exchange_fail(ExchangeError::invalid_input, "unknown kind of recipient " + std::string(kind));
  }
  return {};
}

// Sets an optional text field, or removes it when `value` is "".
void set_or_remove(json& fields, const char* name, const std::string& value) {
  if (value.empty()) {
    fields.erase(name);
  } else {
    fields[name] = value;
  }
}

ExchangeResult<ms::PublicKey> canonical_key(std::string_view line) {
  auto key = ms::PublicKey::parse_key_line(line);
  if (!key || key->key_line() != line) {
    return exchange_fail(ExchangeError::invalid_input, "not a minisign public key line (56 characters, RW…)");
  }
  return *key;
}

}  // namespace

Contact contact_from_record(const storage::Record& r) {
  Contact c;
  c.id = r.id;
  c.display_name = text_field(r.fields, "display_name");
  c.organisation = text_field(r.fields, "organisation");
  c.kind = text_field(r.fields, "kind");
  c.age_recipient = text_field(r.fields, "age_recipient");
  c.minisign_public_key = text_field(r.fields, "minisign_public_key");
  c.verified_at = text_field(r.fields, "verified_at");
  c.verification_method = text_field(r.fields, "verification_method");
  c.notes = text_field(r.fields, "notes");
  c.created_at = r.created_at;
  if (auto key = ms::PublicKey::parse_key_line(c.minisign_public_key)) c.minisign_key_id = ms::key_id_hex(key->key_id());
  if (!c.age_recipient.empty() && !c.minisign_public_key.empty()) {
    c.fingerprint = fingerprint_of(c.age_recipient, c.minisign_public_key).digits();
  }
  c.verified = !c.verified_at.empty() && !c.fingerprint.empty() &&
               same_text(text_field(r.fields, "verified_fingerprint"), c.fingerprint);
  return c;
}

ExchangeResult<OwnIdentity> own_identity(storage::Vault& vault) {
  auto info = vault.identity().info();
  if (!info) return from_storage(info.error());
  auto key = vault.identity().signing_key();
  if (!key) return from_storage(key.error());
  OwnIdentity out;
  out.info = *info;
  out.fingerprint = fingerprint_of(info->age_recipient, info->minisign_public_key).digits();
  // A card needs a name a card can carry; the owner name normally is one.
  std::string name = info->name;
  while (!name.empty() && name.back() == ' ') name.pop_back();
  while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  if (!bundle::is_sender_name(name)) name = "Safehold " + info->minisign_key_id;
  out.card = encode_contact_card({name, info->age_recipient, info->minisign_public_key}, *key);
  return out;
}

ExchangeResult<Contact> ContactBook::add(const NewContact& in) {
  if (auto ok = check_name(in.display_name); !ok) return unexpected(ok.error());
  if (auto ok = check_organisation(in.organisation); !ok) return unexpected(ok.error());
  if (!bundle::is_age_recipient(in.age_recipient)) {
    return exchange_fail(ExchangeError::invalid_input, "not an age recipient (age1…, 62 characters)");
  }
  auto key = canonical_key(in.minisign_public_key);
  if (!key) return unexpected(key.error());
  if (auto ok = check_kind(in.kind); !ok) return unexpected(ok.error());
  auto existing = list();
  if (!existing) return unexpected(existing.error());
  for (const auto& c : *existing) {
    if (same_text(c.minisign_public_key, in.minisign_public_key) || c.age_recipient == in.age_recipient) {
      return exchange_fail(ExchangeError::conflict, "contact " + c.display_name + " (" + c.id + ") has these keys");
    }
  }
  json fields = {{"display_name", in.display_name},
                 {"age_recipient", in.age_recipient},
                 {"minisign_public_key", in.minisign_public_key}};
  if (!in.organisation.empty()) fields["organisation"] = in.organisation;
  if (!in.kind.empty()) fields["kind"] = in.kind;
  if (!in.notes.empty()) fields["notes"] = in.notes;
  auto r = vault_.records().create("contact", "", std::move(fields));
  if (!r) return from_storage(r.error());
  return contact_from_record(*r);
}

ExchangeResult<Contact> ContactBook::add_card(std::span<const std::uint8_t> card, std::string organisation,
                                              std::string kind) {
  auto parsed = parse_contact_card(card);
  if (!parsed) return exchange_fail(ExchangeError::invalid_input, describe(parsed.error()));
  return add({parsed->name, parsed->age_recipient, parsed->minisign_public_key, std::move(organisation),
              std::move(kind), {}});
}

ExchangeResult<std::vector<Contact>> ContactBook::list() {
  auto records = vault_.records().list_entity("contact");
  if (!records) return from_storage(records.error());
  std::vector<Contact> out;
  out.reserve(records->size());
  for (const auto& r : *records) out.push_back(contact_from_record(r));
  return out;
}

ExchangeResult<Contact> ContactBook::find(std::string_view id_or_name) {
  if (schema::is_uuid_v4(id_or_name)) {
    auto r = vault_.records().get(id_or_name);
    if (r && r->entity == "contact") return contact_from_record(*r);
    if (!r && r.error().code != storage::VaultError::not_found) return from_storage(r.error());
    return exchange_fail(ExchangeError::not_found, "no contact " + std::string(id_or_name));
  }
  auto all = list();
  if (!all) return unexpected(all.error());
  std::vector<const Contact*> named;
  for (const auto& c : *all) {
    if (c.display_name == id_or_name) named.push_back(&c);
  }
  if (named.empty()) return exchange_fail(ExchangeError::not_found, "no contact named " + std::string(id_or_name));
  if (named.size() > 1) {
    std::string ids;
    for (const auto* c : named) ids += (ids.empty() ? "" : ", ") + c->id;
    return exchange_fail(ExchangeError::invalid_input,
                         "several contacts are named " + std::string(id_or_name) + "; use an id: " + ids);
  }
  return *named.front();
}

ExchangeResult<Contact> ContactBook::verify(std::string_view id, std::string_view method,
                                            std::string_view compared_fingerprint) {
  if (!is_code("verification_method", method)) {
    return exchange_fail(ExchangeError::invalid_input, "unknown verification method " + std::string(method));
  }
  auto r = vault_.records().get(id);
  if (!r) return from_storage(r.error());
  if (r->entity != "contact") return exchange_fail(ExchangeError::not_found, "no contact " + std::string(id));
  const Contact current = contact_from_record(*r);
  if (current.fingerprint.empty()) return exchange_fail(ExchangeError::invalid_input, "the contact has no keys");
  if (!compared_fingerprint.empty() && !same_text(compared_fingerprint, current.fingerprint)) {
    return exchange_fail(ExchangeError::invalid_input,
                         "the fingerprint given differs from contact " + current.display_name + "'s");
  }
  json fields = r->fields;
  fields["verified_at"] = bundle::format_utc(static_cast<std::int64_t>(std::time(nullptr)));
  fields["verification_method"] = std::string(method);
  fields["verified_fingerprint"] = current.fingerprint;
  auto updated = vault_.records().update(r->id, std::move(fields));
  if (!updated) return from_storage(updated.error());
  return contact_from_record(*updated);
}

ExchangeResult<Contact> ContactBook::update(std::string_view id, const ContactEdit& edit) {
  if (!schema::is_uuid_v4(id)) return exchange_fail(ExchangeError::not_found, "not a contact id");
  // Every change is checked before anything is written.
  if (edit.display_name) {
    if (auto ok = check_name(*edit.display_name); !ok) return unexpected(ok.error());
  }
  if (edit.organisation) {
    if (auto ok = check_organisation(*edit.organisation); !ok) return unexpected(ok.error());
  }
  if (edit.kind) {
    if (auto ok = check_kind(*edit.kind); !ok) return unexpected(ok.error());
  }
  auto r = vault_.records().get(id);
  if (!r && r.error().code != storage::VaultError::not_found) return from_storage(r.error());
  if (!r || r->entity != "contact") return exchange_fail(ExchangeError::not_found, "no contact " + std::string(id));
  // The record's other fields (keys, verified_at, verification_method,
  // verified_fingerprint) are carried over unchanged.
  json fields = r->fields;
  if (edit.display_name) fields["display_name"] = *edit.display_name;
  if (edit.organisation) set_or_remove(fields, "organisation", *edit.organisation);
  if (edit.kind) set_or_remove(fields, "kind", *edit.kind);
  if (edit.notes) set_or_remove(fields, "notes", *edit.notes);
  if (fields == r->fields) return contact_from_record(*r);
  auto updated = vault_.records().update(r->id, std::move(fields));
  if (!updated) return from_storage(updated.error());
  return contact_from_record(*updated);
}

std::string ContactName::label(std::string_view id) const {
  if (display_name.empty()) return "contact " + std::string(id);
  return removed_at.empty() ? display_name : display_name + " (removed " + removed_at + ")";
}

ExchangeResult<void> ContactBook::remove(std::string_view id) {
  auto r = vault_.records().get(id);
  if (!r) return from_storage(r.error());
  if (r->entity != "contact") return exchange_fail(ExchangeError::not_found, "no contact " + std::string(id));
  const Contact gone = contact_from_record(*r);
  json kept = {{"display_name", gone.display_name},
               {"removed_at", bundle::format_utc(static_cast<std::int64_t>(std::time(nullptr)))}};
  if (!gone.organisation.empty()) kept["organisation"] = gone.organisation;
  auto batch = vault_.begin_batch();
  if (!batch) return from_storage(batch.error());
  if (auto d = vault_.records().remove(id); !d) return from_storage(d.error());
  if (auto k = vault_.settings().put(former_contact_key(id), kept.dump()); !k) return from_storage(k.error());
  if (auto c = batch->commit(); !c) return from_storage(c.error());
  return {};
}

ExchangeResult<ContactName> ContactBook::name_of(std::string_view id) {
  if (!schema::is_uuid_v4(id)) return ContactName{};
  auto r = vault_.records().get(id);
  if (r && r->entity == "contact") {
    const Contact c = contact_from_record(*r);
    return ContactName{c.display_name, c.organisation, {}};
  }
  if (!r && r.error().code != storage::VaultError::not_found) return from_storage(r.error());
  auto kept = vault_.settings().get(former_contact_key(id));
  if (!kept) return from_storage(kept.error());
  if (!*kept) return ContactName{};
  // Written by remove() above; read leniently since it only names.
  const json j = json::parse(**kept, nullptr, false);
  if (!j.is_object()) return ContactName{};
  return ContactName{text_field(j, "display_name"), text_field(j, "organisation"), text_field(j, "removed_at")};
}

ExchangeResult<std::optional<Contact>> ContactBook::by_signing_key(const ms::PublicKey& key) {
  auto all = list();
  if (!all) return unexpected(all.error());
  const std::string line = key.key_line();
  for (auto& c : *all) {
    if (same_text(c.minisign_public_key, line)) return std::optional<Contact>(std::move(c));
  }
  return std::optional<Contact>();
}

}  // namespace safehold::core::exchange
