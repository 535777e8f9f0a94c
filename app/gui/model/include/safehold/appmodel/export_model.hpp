#pragma once
// The export dialog's state: which cases go to which contacts, the core's
// pre-flight check (consent per case and recipient, re-run whenever the
// choice changes, before anything is written), the identifying-fields
// choice (offered only for cases whose consent allows it), and the export
// itself on a worker thread with progress and cancel.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "safehold/appmodel/background.hpp"
#include "safehold/core/exchange/export.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

struct ExportCase {
  std::string case_id;
  std::string reference;
  std::string title;
};

class ExportModel {
 public:
  explicit ExportModel(Session& session) : session_(&session) {}

  // The chosen cases and recipients (contact ids).
  void add_case(const std::string& case_id);
  void remove_case(const std::string& case_id);
  [[nodiscard]] const std::vector<ExportCase>& cases() const { return cases_; }
  void toggle_recipient(const std::string& contact_id);
  [[nodiscard]] bool has_recipient(const std::string& contact_id) const;
  [[nodiscard]] const std::vector<std::string>& recipients() const { return recipients_; }
  void set_include_identifying(bool on);
  [[nodiscard]] bool include_identifying() const { return include_identifying_; }

  // Cases offered by the picker: the newest `limit` matching `text`.
  bool search_cases(const std::string& text, std::size_t limit = 50);
  [[nodiscard]] const std::vector<storage::CaseSummary>& choices() const { return choices_; }

  // Re-runs the core's check when the choice changed since the last one.
  void check_if_needed();
  void invalidate() { checked_ = false; }
  [[nodiscard]] const std::optional<core::exchange::ExportPlan>& plan() const { return plan_; }
  // Whether consent allows identifying fields for this case (and so for all
  // of them, identifying_allowed()).
  [[nodiscard]] bool identifying_allowed(const std::string& case_id) const;
  [[nodiscard]] bool identifying_allowed() const;
  [[nodiscard]] bool ready() const;  // something chosen, checked, no problem, nothing running

  // Starts the export to `folder`/`file_name` on a worker thread.
  bool start(const std::filesystem::path& folder, const std::string& file_name);
  [[nodiscard]] bool running() const { return work_.busy(); }
  void cancel() { cancel_ = true; }
  // Fraction done (0..1), or -1 while the total is unknown.
  [[nodiscard]] float progress() const;
  void poll();
  void wait() { work_.wait(); }
  [[nodiscard]] const std::optional<core::exchange::ExportResult>& result() const { return result_; }
  [[nodiscard]] const std::filesystem::path& written() const { return written_; }

  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  [[nodiscard]] core::exchange::ExportRequest request(bool identifying) const;
  std::vector<ExportCase> cases_;
  std::vector<std::string> recipients_;
  std::vector<storage::CaseSummary> choices_;
  bool include_identifying_ = false;
  bool checked_ = false;
  std::optional<core::exchange::ExportPlan> plan_;
  std::vector<std::string> identifying_ok_;  // case ids whose consent allows identifying fields
  Background<core::exchange::ExchangeResult<core::exchange::ExportResult>> work_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> total_{0};
  std::atomic<bool> cancel_{false};
  std::optional<core::exchange::ExportResult> result_;
  std::filesystem::path pending_, written_;
  const char* error_key_ = nullptr;
  std::string error_detail_;
};

}  // namespace safehold::appmodel
