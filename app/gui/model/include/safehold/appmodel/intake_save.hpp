#pragma once
// Turns an intake draft into records, in one vault Batch: everything is
// stored, or nothing. Runs on a worker thread (it imports evidence files).
//
// Written by core/casework's record-set writer (order from the model: case →
// consent → session → the interviewee (then the consent points to them) →
// other people → incidents → legal measures → evidence items and their files
// → measures get their evidence links → risk assessment). Draft ids are
// mapped to the ids the vault assigns. The original file name of an
// evidence file is identifying: it is stored only when the consent says yes
// to storing the real identity.
#include <atomic>
#include <string>

#include "safehold/appmodel/intake_draft.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

struct SavedCase {
  std::string case_id;
  std::string reference;
};

// What failed: an i18n key naming the step, and storage's one-line detail
// (field names and codes only).
struct IntakeSaveError {
  const char* step_key;
  std::string detail;
};

struct IntakeSaveProgress {
  std::atomic<int> files_done{0};
  std::atomic<int> files_total{0};
  // Set by lock: a running file import stops and the Batch rolls back (the
  // intake's encrypted draft keeps everything for the next save).
  std::atomic<bool> cancel{false};
};

[[nodiscard]] expected<SavedCase, IntakeSaveError> save_intake(storage::Vault& vault, const IntakeDraft& draft,
                                                               IntakeSaveProgress* progress = nullptr);

// The fields an evidence item takes from its chosen file: the media type,
// and the original file name (identifying) only when `may_keep_names` (the
// case's consent says yes to storing the real identity).
void add_file_fields(Json& evidence_fields, const std::string& file, bool may_keep_names);

// "image/jpeg" for .jpg… (lowercase extension), application/octet-stream otherwise.
[[nodiscard]] std::string guess_media_type(const std::string& path);

}  // namespace safehold::appmodel
