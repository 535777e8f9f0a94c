#pragma once
// The import dialog's state: a bundle file is verified first (every check of
// the format and of the content, the vault untouched) on a worker thread;
// the user reads who sent it, the signer's fingerprint, whether that signer
// is a verified contact, and which cases and files it holds; only then can
// it be imported (all or nothing, on a worker thread, with progress and
// cancel). A signer who is a contact not yet verified is accepted only when
// the user explicitly chose to (allow_unverified), after a warning.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "safehold/appmodel/background.hpp"
#include "safehold/appmodel/import_summary.hpp"
#include "safehold/core/exchange/import.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

class ImportModel {
 public:
  explicit ImportModel(Session& session) : session_(&session) {}

  enum class Stage { pick, verifying, verified, importing, imported, failed };

  // Verifies `bundle` on a worker thread (drops any earlier report).
  bool verify(const std::filesystem::path& bundle);
  // Verifies the same file again (after adding or verifying its signer, or
  // choosing allow_unverified).
  bool reverify() { return verify(file_); }
  // Imports the verified file (the report must be showing).
  bool import();
  void cancel() { cancel_ = true; }
  void poll();
  void wait();

  // The explicit, warned choice to accept a contact that is not verified.
  void set_allow_unverified(bool on) { allow_unverified_ = on; }
  [[nodiscard]] bool allow_unverified() const { return allow_unverified_; }

  [[nodiscard]] Stage stage() const { return stage_; }
  [[nodiscard]] bool busy() const { return stage_ == Stage::verifying || stage_ == Stage::importing; }
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }
  [[nodiscard]] float progress() const;  // 0..1, -1 while unknown
  [[nodiscard]] const std::optional<core::exchange::BundleReport>& report() const { return report_; }
  [[nodiscard]] const std::optional<core::exchange::ImportResult>& result() const { return result_; }
  // The trust summary of the report (read from the address book once per
  // report); nullptr without a report or when the vault could not be read.
  [[nodiscard]] const ImportSummary* summary();
  // The refusal, if the last step failed.
  [[nodiscard]] const std::optional<core::exchange::ExchangeFailure>& failure() const { return failure_; }
  [[nodiscard]] const char* error_key() const { return error_key_; }
  // Set for unknown and unverified signers: who signed, so the user can check
  // the fingerprint and add or verify the contact.
  [[nodiscard]] const core::exchange::SignerInfo* signer() const;
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  void begin_work();
  storage::OperationHooks work_hooks();  // progress into done_/total_, cancel_ flag
  Stage stage_ = Stage::pick;
  std::filesystem::path file_;
  bool allow_unverified_ = false;
  Background<core::exchange::ExchangeResult<core::exchange::BundleReport>> verify_;
  Background<core::exchange::ExchangeResult<core::exchange::ImportResult>> import_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> total_{0};
  std::atomic<bool> cancel_{false};
  std::optional<core::exchange::BundleReport> report_;
  std::optional<ImportSummary> summary_;
  std::optional<core::exchange::ImportResult> result_;
  std::optional<core::exchange::ExchangeFailure> failure_;
  const char* error_key_ = nullptr;
};

}  // namespace safehold::appmodel
