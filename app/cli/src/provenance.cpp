#include "provenance.hpp"

#include "failure.hpp"
#include "notice_status.hpp"
#include "output.hpp"

namespace safehold::cli {

Outcome print_provenance(storage::Vault& vault, const std::string& record_id) {
  auto from = lift(vault.bundles().provenance(record_id));
  if (!from) return unexpected(from.error());
  if (!from->has_value()) return {};
  const auto& b = (*from)->bundle;
  const std::string contact = b.sender_contact_id.empty()
                                  ? "no contact held its key"
                                  : "contact " + contact_name(vault, b.sender_contact_id) + ", " + b.sender_contact_id;
  print_line("from: " + b.sender_name + " (" + contact + "), key " + b.signer_key_id + ", bundle " + b.bundle_id +
             " sealed " + b.created + ", imported " + b.imported_at + ", " +
             (b.unverified ? "UNVERIFIED sender (imported with --allow-unverified)" : "sender verified"));
  if ((*from)->first_bundle_id != b.bundle_id) print_line("first came in bundle " + (*from)->first_bundle_id);
  return {};
}

}  // namespace safehold::cli
