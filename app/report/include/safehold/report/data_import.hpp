#pragma once
// A JSON data export (schema/export-v1.md section 2.2) read back into a
// vault as a new case (section 5): `safehold-cli case import-json FILE`.
// The document is hostile input (it may come from anyone): it is parsed
// strictly first, then written as new records by core/casework's writer
// (one batch, all or nothing), so a refusal stores nothing.
//
//   auto doc = parse_data_export_json(bytes);         // no vault needed (fuzzed)
//   if (doc) auto imported = import_data_export(vault, *doc);
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/report/error.hpp"
#include "safehold/storage/records.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::report {

// Documents larger than this are refused before parsing.
inline constexpr std::size_t kMaxExportDocumentBytes = 64u * 1024 * 1024;

struct ExportDocument {
  std::string case_id;                   // in the vault that exported it
  std::string reference;                 // likewise
  std::vector<storage::Record> records;  // the case record first, as in the document
  std::size_t withheld_fields = 0;       // fields the export left out (they cannot be imported)
};

// Strict (section 5): exactly the members of section 2.2, of their types;
// format "safehold-data-export", version 1; the case record first and only
// once; every other record of the case, of an entity an export carries, with
// a unique id; fields valid for the model (write mode); every reference held
// in a field names a record of the document. ReportError::invalid_input
// otherwise, one line naming the record by index and entity, never content.
[[nodiscard]] ReportResult<ExportDocument> parse_data_export_json(std::string_view bytes);
// The same checks on a document already parsed as strict JSON.
[[nodiscard]] ReportResult<ExportDocument> data_export_from_json(const nlohmann::json& doc);

struct ImportedCase {
  std::string case_id;                     // the new case
  std::string reference;                   // its new reference
  std::size_t records = 0;                 // records written, the case included
  std::map<std::string, std::string> ids;  // id in the document -> new id
};

// Writes the document's records as a new case of this vault (new ids,
// timestamps and reference; the vault owns them). The vault's own checks
// apply as for any new record: consent before the records that need it,
// fields tied to a scope only when the document's consent answers it "yes".
// A refusal (ReportError::consent_refused, invalid_input) or failure stores nothing.
[[nodiscard]] ReportResult<ImportedCase> import_data_export(storage::Vault& vault, const ExportDocument& doc);

}  // namespace safehold::report
