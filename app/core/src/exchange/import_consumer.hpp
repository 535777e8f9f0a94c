#pragma once
// Internal: the BundleConsumer behind verify_bundle and import_bundle. It
// checks the content rules of schema/bundle-v1.md section 11 as the files
// stream past and fills the report, and stages everything into one vault
// Batch (records per case, attachments re-encrypted as they pass, audit
// excerpts), which finish() completes and, when importing, commits only
// after the reader has reported success; when verifying it rolls the Batch
// back (staged attachment files are removed with it), so verify runs every
// check import runs.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "safehold/core/bundle/bundle_reader.hpp"
#include "safehold/core/exchange/import.hpp"

namespace safehold::core::exchange {

class ContentConsumer final : public bundle::BundleConsumer {
 public:
  ContentConsumer(storage::Vault& vault, bool importing, BundleReport& report) noexcept
      : vault_(vault), importing_(importing), report_(report) {}

  [[nodiscard]] bundle::Result<void> begin(const bundle::Manifest& manifest) override;
  [[nodiscard]] bundle::Result<void> begin_file(const bundle::ManifestFile& file) override;
  [[nodiscard]] bundle::Result<void> file_data(std::span<const std::uint8_t> bytes) override;
  [[nodiscard]] bundle::Result<void> end_file(const bundle::ManifestFile& file) override;
  void discard() noexcept override;

  // After the reader succeeded: the last checks, custody events, audit
  // entries, and the commit (importing); the last checks only (verifying).
  [[nodiscard]] ExchangeResult<void> finish();

  // Why the last bundle::Result failure happened, in the exchange's terms
  // (content_refused, conflict, vault_failed…); nullopt when it was the format.
  const std::optional<ExchangeFailure>& own_failure() const noexcept { return own_failure_; }

  std::size_t records_written() const noexcept { return written_; }
  std::size_t records_unchanged() const noexcept { return unchanged_; }
  std::size_t attachments_received() const noexcept { return received_.size(); }

 private:
  struct Evidence {
    std::string case_id;
    std::string sha256;                  // the record's field, "" if absent
    std::optional<std::uint64_t> size;   // the record's field
  };
  enum class Mode { none, record, notice, attachment, skip, audit };

  bundle::Result<void> refuse(ExchangeFailure failure);
  bundle::Result<void> flush_case();
  bundle::Result<void> start_attachment(const bundle::ManifestFile& file);
  bundle::Result<void> end_record(const bundle::ManifestFile& file);
  bundle::Result<void> end_notice(const bundle::ManifestFile& file);
  ExchangeResult<void> apply_notices();
  IncomingCase* case_entry(const std::string& case_id);

  storage::Vault& vault_;
  bool importing_;            // false: verify (stages, checks, rolls back)
  bool checks_only_ = false;  // verify of a bundle imported before: no staging
  BundleReport& report_;
  std::optional<bundle::Manifest> manifest_;
  std::optional<storage::Batch> batch_;
  std::optional<ExchangeFailure> own_failure_;

  Mode mode_ = Mode::none;
  std::string buffer_;  // the current record or audit file
  std::unique_ptr<storage::IncomingAttachment> incoming_;
  std::string group_case_;                    // case id of the records being collected
  std::vector<storage::IncomingRecord> group_;  // its records, flushed when the case changes
  std::map<std::string, Evidence> evidence_;  // evidence items of this bundle
  std::set<std::string> case_records_;        // cases whose case record came
  std::vector<storage::Notice> notices_;      // applied in finish(), after every record
  std::vector<std::pair<std::string, std::string>> received_;  // (case id, evidence id) with new content
  std::size_t written_ = 0;
  std::size_t unchanged_ = 0;
};

}  // namespace safehold::core::exchange
