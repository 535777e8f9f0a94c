#pragma once
// Changes the case's earlier recipients must hear about (schema/bundle-v1.md
// 12.4, docs/exchange.md "Notices that travel"): a consent withdrawal and a
// deletion. Both programs make them only through these calls, so the CLI and
// the GUI cannot differ on whether a notice goes out.
//
// Contract:
// - On a case this vault owns: the change and the notice (NoticeStore::issue,
//   addressed to every contact an earlier bundle of the case went to) are one
//   vault batch: both are stored, or neither. Nobody received the case: the
//   change alone (no notice).
// - On a case held as a copy: a withdrawal is a withdrawal mark
//   (ConsentService::withdraw_copy); deleting the whole case removes the local
//   copy; nothing travels. Editing or deleting another identity's record is
//   refused by the vault (not_allowed).
// - Errors are the vault's (one line, ids and codes only).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::core::casework {

struct Withdrawal {
  std::string at;                   // when the person withdrew (UTC, RFC 3339)
  std::string extent = "all";       // withdrawal_extent: all, listed_scopes, future_use
  std::vector<std::string> scopes;  // scope codes; listed_scopes only
};

struct NotifiedChange {
  bool on_copy = false;  // the case is another identity's: the change stayed local
  std::optional<storage::IssuedNotice> notice;  // issued with the change (none: a copy, or nobody received the case)
};

// Withdraws the case's consent: on the vault's own case, the withdrawal is
// written into its current consent record; on a copy, a withdrawal mark.
// not_allowed when the case has no consent record.
[[nodiscard]] expected<NotifiedChange, storage::StorageError> withdraw_consent(storage::Vault& vault,
                                                                               std::string_view case_id,
                                                                               const Withdrawal& w);

// Saves new fields of a record (an edit form). When the record is the
// consent of the vault's own case and the edit fills in or changes its
// `withdrawal`, this is a withdrawal: the notice goes out with it.
[[nodiscard]] expected<NotifiedChange, storage::StorageError> save_record_edit(storage::Vault& vault,
                                                                               std::string_view record_id,
                                                                               nlohmann::json fields);

// Deletes a record; a case record deletes the whole case. The owner's
// deletion issues a deletion notice (the record's id; for a case, the whole
// case).
[[nodiscard]] expected<NotifiedChange, storage::StorageError> delete_record(storage::Vault& vault,
                                                                            std::string_view record_id);

}  // namespace safehold::core::casework
