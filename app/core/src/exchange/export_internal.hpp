#pragma once
// Internal: the steps export_bundle shares with check_export.
#include <deque>
#include <string>
#include <vector>

#include "safehold/core/bundle/bundle_writer.hpp"
#include "safehold/core/disclosure/disclosure.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/core/exchange/export.hpp"

namespace safehold::core::exchange {

struct ResolvedExport {
  ExportPlan plan;
  std::vector<Contact> contacts;  // the recipients, once each, in request order
  std::vector<disclosure::Audience> audiences;  // the same, as disclosure audiences
};

// A disclosure failure as an exchange failure (the vault's error kept).
unexpected<ExchangeFailure> from_disclosure(const disclosure::DisclosureFailure& f);

// Looks up the cases and contacts and lists every problem (not the counts).
[[nodiscard]] ExchangeResult<ResolvedExport> resolve_export(storage::Vault& vault, const ExportRequest& request);

// The files of an export. Record texts live here (stable addresses) until the
// bundle is written; attachments are opened from the vault when their turn comes.
struct ExportFiles {
  std::deque<std::string> texts;
  std::vector<bundle::OutgoingFile> files;
  std::vector<std::pair<std::string, std::string>> evidence;  // (case id, evidence id) with content
  std::vector<std::pair<std::string, std::string>> notices;   // (notice id, contact id) delivered by this bundle
};

// Adds a file whose bytes are `text` (kept in `into`).
void add_text(ExportFiles& into, std::string path, std::string text);

// For an export of notices only: the verified recipients and the cases (held
// or deleted here), no consent check.
[[nodiscard]] ExchangeResult<ResolvedExport> resolve_notice_export(storage::Vault& vault, const ExportRequest& request);

// Adds every notice of the plan's cases that one of the recipients is still
// waiting for (once each), and notes for whom it is.
[[nodiscard]] ExchangeResult<std::size_t> add_waiting_notices(storage::Vault& vault, const ResolvedExport& r,
                                                              ExportFiles& into);

struct CaseCounts {
  std::size_t records = 0;
  std::size_t attachments = 0;
  std::uint64_t attachment_bytes = 0;
};

// Counts the case's records (the case record included) and attachments.
[[nodiscard]] ExchangeResult<CaseCounts> count_case(storage::Vault& vault, const std::string& case_id);

// Adds the case's files to `into` and counts them: every record of the case
// as disclosure::disclose_case gives it for these audiences (what it
// withholds listed in the record file's withheld), the content of each
// evidence item, and the case's audit excerpt. consent_refused if the
// disclosure refuses (the consent changed since the check).
[[nodiscard]] ExchangeResult<CaseCounts> collect_case(storage::Vault& vault, const CaseExportCheck& check,
                                                      const std::vector<disclosure::Audience>& audiences,
                                                      ExportFiles& into);

}  // namespace safehold::core::exchange
