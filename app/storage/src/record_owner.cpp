// Who may change a record (schema/bundle-v1.md 12.2): only its owner. A
// receiver adds records of its own to a case it holds, never edits the
// owner's, and only the case owner records consent.
#include "record_owner.hpp"

#include "record_rows.hpp"
#include "safehold/crypto/minisign.hpp"

namespace safehold::storage::detail {

std::string owner_label(std::string_view owner_key) {
  if (owner_key.empty()) return "this vault";
  auto key = crypto::minisign::PublicKey::parse_key_line(owner_key);
  return key ? "the vault with key id " + crypto::minisign::key_id_hex(key->key_id()) : "another vault";
}

expected<std::string, StorageError> owner_of(VaultState& s, std::string_view id) {
  auto owner = record_owner_key(s, id);
  if (!owner) return unexpected(owner.error());
  if (!*owner) return unexpected(make_error(VaultError::not_found, "record " + std::string(id)));
  return std::move(**owner);
}

expected<void, StorageError> require_own_record(VaultState& s, const Record& r, std::string_view verb) {
  auto owner = owner_of(s, r.id);
  if (!owner) return unexpected(owner.error());
  if (owner->empty()) return {};
  return unexpected(make_error(VaultError::not_allowed,
                               r.entity + " " + r.id + " belongs to " + owner_label(*owner) + " and cannot be " +
                                   std::string(verb) + " here; add a record of your own to the case instead"));
}

expected<void, StorageError> require_case_owner(VaultState& s, std::string_view case_id, std::string_view owner_key) {
  auto owner = owner_of(s, case_id);
  if (!owner) return unexpected(owner.error());
  if (*owner == owner_key) return {};
  return unexpected(make_error(VaultError::not_allowed,
                               "consent for case " + std::string(case_id) + " is recorded only by its owner, " +
                                   owner_label(*owner)));
}

}  // namespace safehold::storage::detail
