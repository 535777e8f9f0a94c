#pragma once
// The import dialog's trust summary (issue 11), from the verify report (the
// import run in a rolled-back batch) and the address book: how the signer
// was verified and when, who else the bundle was sealed for, and what it
// will create, update or set aside as a conflict. A forwarded bundle (our
// key not in the signed recipient list) never gets here: it is refused.
#include <span>
#include <string>
#include <vector>

#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/import.hpp"

namespace safehold::appmodel {

struct ImportSummary {
  std::string verified_at;          // the signer's contact, "" if not verified
  std::string verification_method;  // in_person, call, qr
  // The other recipients the signed manifest lists (not this vault): the
  // contact's name, or the age recipient when no contact has it.
  struct Recipient {
    std::string name;
    bool known = false;
  };
  std::vector<Recipient> others;
  // Over all cases of the bundle.
  std::size_t created = 0, updated = 0, conflicts = 0, kept = 0;
};

[[nodiscard]] ImportSummary summarize_import(const core::exchange::BundleReport& report,
                                             std::span<const core::exchange::Contact> contacts,
                                             std::string_view own_age_recipient);

}  // namespace safehold::appmodel
