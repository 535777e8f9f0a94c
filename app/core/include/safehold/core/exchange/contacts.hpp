#pragma once
// The address book of people bundles go to and come from: records of the
// model's `contact` entity, added from a contact card or typed keys, and
// marked verified once their fingerprint was compared out of band
// (schema/contact-card-v1.md). A contact whose keys changed after it was
// verified no longer counts as verified.
//
// Callable from any thread (the vault serialises access); no terminal I/O.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/core/bundle/bundle_reader.hpp"
#include "safehold/core/exchange/contact_card.hpp"
#include "safehold/core/exchange/exchange_error.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::core::exchange {

struct Contact {
  std::string id;
  std::string display_name;
  std::string organisation;         // "" if none
  std::string kind;                 // recipient_kind code ("" if not set)
  std::string age_recipient;
  std::string minisign_public_key;  // key line
  std::string minisign_key_id;      // 16 upper-case hex digits
  std::string fingerprint;          // 30 digits of the current keys
  std::string verified_at;          // "" unless verified
  std::string verification_method;  // in_person, call, qr ("" unless verified)
  std::string notes;
  std::string created_at;

  // verified_at set, and the fingerprint then compared is the current one.
  bool verified = false;
};

struct NewContact {
  std::string display_name;
  std::string age_recipient;
  std::string minisign_public_key;  // key line
  std::string organisation;         // optional
  std::string kind;                 // optional recipient_kind code
  std::string notes;                // optional
};

// A change to a contact's attributes that are not keys. Each field left
// empty (nullopt) stays as it is; organisation, kind and notes set to ""
// are removed. The keys (age recipient, minisign key), and so the
// fingerprint, cannot change: other keys are another contact.
struct ContactEdit {
  std::optional<std::string> display_name;  // not "" nor blank; one line
  std::optional<std::string> organisation;  // one line
  std::optional<std::string> kind;          // recipient_kind code
  std::optional<std::string> notes;
};

// How a contact id is named wherever the vault says who holds or sent a
// case: the address book's name, or, for a contact since removed, the name
// it had then (kept so that "already sent to" never becomes an anonymous id).
struct ContactName {
  std::string display_name;  // "" when the id was never a contact of this vault
  std::string organisation;  // "" if none
  std::string removed_at;    // UTC; "" while the contact is in the address book

  // "NGO Intake", "NGO Intake (removed 2026-12-06T10:00:00Z)", or
  // "contact <id>" for an id this vault never knew.
  std::string label(std::string_view id) const;
};

// This vault's own identity as a card, and its fingerprint.
struct OwnIdentity {
  storage::IdentityInfo info;
  std::string card;         // contact card text, self-signed
  std::string fingerprint;  // 30 digits
};
[[nodiscard]] ExchangeResult<OwnIdentity> own_identity(storage::Vault& vault);

class ContactBook {
 public:
  explicit ContactBook(storage::Vault& vault) noexcept : vault_(vault) {}

  // Checks the keys (canonical age recipient and minisign key line), the kind
  // (a recipient_kind code) and that no contact already holds either key
  // (conflict). The new contact is not verified.
  [[nodiscard]] ExchangeResult<Contact> add(const NewContact& contact);
  // From a contact card (parsed strictly, self-signature checked); the name
  // comes from the card.
  [[nodiscard]] ExchangeResult<Contact> add_card(std::span<const std::uint8_t> card, std::string organisation = {},
                                                 std::string kind = {});
  [[nodiscard]] ExchangeResult<std::vector<Contact>> list();
  // By id, or by display name when exactly one contact has it (not_found /
  // invalid_input naming the ids when ambiguous).
  [[nodiscard]] ExchangeResult<Contact> find(std::string_view id_or_name);
  // Records that the fingerprint was compared: now, by `method` (in_person,
  // call or qr; labels in any language accepted). When `compared_fingerprint`
  // is given it must equal the contact's (invalid_input otherwise).
  [[nodiscard]] ExchangeResult<Contact> verify(std::string_view id, std::string_view method,
                                               std::string_view compared_fingerprint = {});
  // Changes the attributes `edit` names (checked as for add), keeping the
  // keys, the fingerprint and the verification. not_found unless `id` is a
  // contact; invalid_input for an empty or multi-line name or organisation
  // or an unknown kind. Writes (and audits, as record_updated) only when a
  // value differs; returns the contact as it is afterwards.
  [[nodiscard]] ExchangeResult<Contact> update(std::string_view id, const ContactEdit& edit);
  // Removes the contact from the address book (refused while a record, such
  // as a consent's allowed recipient, refers to it). Its name, organisation
  // and removal time are kept in the vault's settings, in the same batch, so
  // that name_of() still names it; its keys and notes are gone.
  [[nodiscard]] ExchangeResult<void> remove(std::string_view id);
  // The name of a current or removed contact (ContactName::display_name ""
  // for an id that never was one).
  [[nodiscard]] ExchangeResult<ContactName> name_of(std::string_view id);

  // The contact holding this signing key, if any.
  [[nodiscard]] ExchangeResult<std::optional<Contact>> by_signing_key(const crypto::minisign::PublicKey& key);

 private:
  storage::Vault& vault_;
};

// The contact as the record holds it.
Contact contact_from_record(const storage::Record& record);

}  // namespace safehold::core::exchange
