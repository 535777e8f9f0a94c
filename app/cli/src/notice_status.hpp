#pragma once
// Withdrawal and deletion notices in the CLI (schema/bundle-v1.md 12.4,
// docs/exchange.md "Notices that travel"): issuing one with the change that
// calls for it, and showing per recipient whether it was sent.
#include <string>

#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "safehold/core/casework/notified_changes.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::cli {

// After a change made by core::casework (a consent withdrawal, a deletion):
// tells the user which recipients hold copies and how the notice reaches
// them (nothing on a copy, whose change stays local).
// With `json`, prints instead one object on stdout: {"case_id", "on_copy",
// "notice": null or {"id", "kind", "recipients": [{"contact_id", "name"}]}}.
void report_notice(storage::Vault& vault, const std::string& case_id, const core::casework::NotifiedChange& done,
                   bool json = false);

// A recipient's display name for people, marked "(removed <when>)" once the
// contact left the address book (core::exchange::ContactName::label).
std::string contact_name(storage::Vault& vault, const std::string& contact_id);

// One time the case left the vault (storage::Dispatch: a bundle, a report
// or a data export), as JSON {"via": "bundle"|"report"|"data_export",
// "contact_id", "contact_name", "recipient_kind", "reference", "at"} (and
// "bundle_id" for a bundle, as before), and as one line for people:
// "NAME<TAB>CONTACT ID<TAB>AT<TAB>bundle|report|data export ID".
nlohmann::json dispatch_json(storage::Vault& vault, const storage::Dispatch& d);
std::string dispatch_line(storage::Vault& vault, const storage::Dispatch& d);

// The case's notices: issued here (with each recipient and whether a bundle
// carrying it was sent), applied here (from the owner), and the withdrawal
// mark a notice or a local withdrawal left.
[[nodiscard]] expected<nlohmann::json, Failure> notice_status_json(storage::Vault& vault, const std::string& case_id);
// The same as lines for people (stdout; nothing when there is nothing).
[[nodiscard]] Outcome print_notice_status(storage::Vault& vault, const std::string& case_id);

}  // namespace safehold::cli
