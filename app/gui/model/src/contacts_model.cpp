#include "safehold/appmodel/contacts_model.hpp"

#include <algorithm>

#include "safehold/appmodel/shown_glyphs.hpp"
#include "safehold/base/file_io.hpp"

namespace safehold::appmodel {

namespace ex = core::exchange;

bool ContactsModel::fail(const char* key, std::string detail) {
  error_key_ = key;
  error_detail_ = std::move(detail);
  return false;
}

bool ContactsModel::failed(const ex::ExchangeFailure& f) { return fail(failure_key(f), f.describe()); }

void ContactsModel::clear_error() {
  error_key_ = nullptr;
  error_detail_.clear();
}

bool ContactsModel::load() {
  storage::Vault& vault = session_->vault();
  if (loaded_) return true;
  loaded_ = true;
  auto own = ex::own_identity(vault);
  if (!own) return failed(own.error());
  if (!own_ || own_->card != own->card) own_qr_ = make_qr(own->card);
  own_ = std::move(*own);
  auto all = ex::ContactBook(vault).list();
  if (!all) return failed(all.error());
  contacts_ = std::move(*all);
  // Names, organisations and notes are drawn (contacts, export, import).
  for (const auto& c : contacts_) shown_codepoints().add_utf8(c.display_name + c.organisation + c.notes);
  shown_codepoints().add_utf8(own_->info.name);
  std::stable_sort(contacts_.begin(), contacts_.end(),
                   [](const ex::Contact& a, const ex::Contact& b) { return a.display_name < b.display_name; });
  return true;
}

const ex::Contact* ContactsModel::find(const std::string& id) const {
  for (const auto& c : contacts_) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

bool ContactsModel::export_own_card(const std::filesystem::path& folder,
                                    const std::string& file_name) {
  clear_error();
  if (!load() || !own_) return false;
  if (file_name.empty() || file_name.find('/') != std::string::npos) return fail("contacts.error.file_name", {});
  const auto path = folder / file_name;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return fail("contacts.error.file_exists", {});
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(own_->card.data());
  // A card is public: readable by others, like a public key file.
  if (auto w = base::write_file_atomically(path, {bytes, own_->card.size()}, 0644); !w) {
    return fail("contacts.error.write", base::describe(w.error()));
  }
  last_card_file_ = path;
  return true;
}

bool ContactsModel::preview_card(const std::filesystem::path& file) {
  clear_error();
  preview_.reset();
  auto bytes = base::read_small_file(file, ex::kMaxCardSize + 1);
  if (!bytes) {
    // read_small_file reports an over-long file as io_failed.
    return fail(bytes.error() == base::FileError::io_failed ? "contacts.error.not_a_card" : "contacts.error.read",
                base::describe(bytes.error()));
  }
  auto card = ex::parse_contact_card(*bytes);
  if (!card) {
    return fail(card.error() == ex::CardError::bad_signature ? "contacts.error.card_signature"
                                                             : "contacts.error.not_a_card",
                ex::describe(card.error()));
  }
  const auto fp = ex::fingerprint_of(card->age_recipient, card->minisign_public_key).digits();
  preview_ = CardPreview{file, std::move(*card), fp};
  return true;
}

bool ContactsModel::add_previewed(const std::string& organisation, const std::string& kind) {
  storage::Vault& vault = session_->vault();
  clear_error();
  if (!preview_) return false;
  const auto& c = preview_->card;
  auto added = ex::ContactBook(vault).add({c.name, c.age_recipient, c.minisign_public_key, organisation, kind, {}});
  if (!added) return failed(added.error());
  last_added_ = added->id;
  preview_.reset();
  loaded_ = false;
  return load();
}

bool ContactsModel::verify(const std::string& id, const std::string& method) {
  storage::Vault& vault = session_->vault();
  clear_error();
  const auto* c = find(id);
  if (c == nullptr) return fail("contacts.error.gone", {});
  // The fingerprint the user compared is the one on screen: pass it so the
  // core refuses if the keys changed meanwhile.
  auto done = ex::ContactBook(vault).verify(id, method, c->fingerprint);
  if (!done) return failed(done.error());
  loaded_ = false;
  return load();
}

bool ContactsModel::update(const std::string& id, const std::string& name,
                           const std::string& kind, const std::string& organisation, const std::string& notes) {
  storage::Vault& vault = session_->vault();
  clear_error();
  if (find(id) == nullptr) return fail("contacts.error.gone", {});
  if (name.find_first_not_of(' ') == std::string::npos) return fail("contacts.error.name_empty", {});
  auto done = ex::ContactBook(vault).update(id, {name, organisation, kind, notes});
  if (!done) return failed(done.error());
  loaded_ = false;
  return load();
}

bool ContactsModel::remove(const std::string& id) {
  storage::Vault& vault = session_->vault();
  clear_error();
  if (auto r = ex::ContactBook(vault).remove(id); !r) return failed(r.error());
  loaded_ = false;
  return load();
}

void ContactsModel::reset() {
  loaded_ = false;
  own_.reset();
  own_qr_ = {};
  contacts_.clear();
  contacts_.shrink_to_fit();
  preview_.reset();
  last_card_file_.clear();
  last_added_.clear();
  clear_error();
}

}  // namespace safehold::appmodel
