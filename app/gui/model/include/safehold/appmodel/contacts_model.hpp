#pragma once
// The contacts screen's state: this vault's own card (with its QR code), the
// address book, adding a contact from a card file (previewed first, so the
// user sees the fingerprint before anything is stored), the verify flow,
// editing (name, kind, organisation; never the keys) and removal. All vault
// and file access is here; the screen only draws.
//
// Errors: error_key() is an i18n key, error_detail() the core's one-line
// description (ids, names of contacts, codes: never record content).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "safehold/appmodel/qr_code.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

// A card read from a file and checked, not yet stored.
struct CardPreview {
  std::filesystem::path file;
  core::exchange::ContactCard card;
  std::string fingerprint;  // 30 digits
};

class ContactsModel {
 public:
  explicit ContactsModel(Session& session) : session_(&session) {}

  // Reads the own identity and the contact list if not loaded.
  bool load();
  void reload() { loaded_ = false; }
  [[nodiscard]] const std::optional<core::exchange::OwnIdentity>& own() const { return own_; }
  [[nodiscard]] const QrCode& own_qr() const { return own_qr_; }
  [[nodiscard]] const std::vector<core::exchange::Contact>& contacts() const { return contacts_; }
  [[nodiscard]] const core::exchange::Contact* find(const std::string& id) const;

  // Writes the own card (public) to `folder`/`file_name`; never overwrites.
  bool export_own_card(const std::filesystem::path& folder, const std::string& file_name);
  [[nodiscard]] const std::filesystem::path& last_card_file() const { return last_card_file_; }

  // Reads and checks a card file (strict parse, self-signature).
  bool preview_card(const std::filesystem::path& file);
  [[nodiscard]] const std::optional<CardPreview>& preview() const { return preview_; }
  void cancel_preview() { preview_.reset(); }
  // Stores the previewed card as a new, unverified contact. `kind` is a
  // recipient_kind code (decides which consent scope allows sending to it).
  bool add_previewed(const std::string& organisation, const std::string& kind);
  [[nodiscard]] const std::string& last_added() const { return last_added_; }

  // Records that the fingerprint was compared (method: in_person, call, qr).
  bool verify(const std::string& id, const std::string& method);
  // Changes the contact's name, kind (a recipient_kind code, "" = none),
  // organisation and notes ("" = none); its keys, fingerprint and
  // verification stay.
  // A blank name is refused ("contacts.error.name_empty"); other refusals
  // are the core's.
  bool update(const std::string& id, const std::string& name, const std::string& kind,
              const std::string& organisation, const std::string& notes);
  bool remove(const std::string& id);

  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }
  void clear_error();
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  bool fail(const char* key, std::string detail);
  bool failed(const core::exchange::ExchangeFailure& f);
  bool loaded_ = false;
  std::optional<core::exchange::OwnIdentity> own_;
  QrCode own_qr_;
  std::vector<core::exchange::Contact> contacts_;
  std::optional<CardPreview> preview_;
  std::filesystem::path last_card_file_;
  std::string last_added_;
  const char* error_key_ = nullptr;
  std::string error_detail_;
};

// The i18n key of a core exchange failure's plain-words message
// ("exchange.error.<code>" or, for a bundle refusal, "bundle.error.<code>").
[[nodiscard]] const char* failure_key(const core::exchange::ExchangeFailure& f) noexcept;

}  // namespace safehold::appmodel
