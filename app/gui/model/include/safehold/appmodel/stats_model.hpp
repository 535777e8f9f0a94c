#pragma once
// The Statistics screen's state (issue 13): one or two dimensions and the
// minimum cell, counted by app/report's count_statistics (consent,
// suppression and the left-out count are decided there, not here). The
// screen draws the table it returns as bars and as a table, and writes that
// same table as the signed statistics PDF (write_pdf: write_statistics_pdf,
// the CLI's `stats --format pdf`) once the user accepted that it is plaintext.
// The PDF is written on a worker (write_pdf() starts it, count_if_needed()
// collects it once per frame); reset() (the lock) waits for it: the files
// are published whole or not at all, and the result is dropped.
//
// The count runs on a worker: over 100,000 cases it takes 5-17 s of CPU
// (docs/reports.md), and the vault is read in chunks so the UI thread
// reaches it meanwhile. A change of the choice cancels the running count and
// starts the new one; lock (reset) cancels it and waits, which takes at
// most one chunk.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "safehold/appmodel/background.hpp"
#include "safehold/report/stats.hpp"
#include "safehold/report/stats_pdf.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"
#include "safehold/appmodel/written_file.hpp"

namespace safehold::appmodel {

class StatsModel {
 public:
  explicit StatsModel(Session& session) : session_(&session) {}
  ~StatsModel() { stop(); }
  StatsModel(const StatsModel&) = delete;
  StatsModel& operator=(const StatsModel&) = delete;

  // Every dimension, in the order the screen offers them.
  static const std::vector<report::StatsDimension>& dimensions();

  void set_first(report::StatsDimension d);
  // nullopt: one dimension only.
  void set_second(std::optional<report::StatsDimension> d);
  void set_min_cell(int n);  // clamped to 1..1000
  [[nodiscard]] report::StatsDimension first() const { return first_; }
  [[nodiscard]] const std::optional<report::StatsDimension>& second() const { return second_; }
  [[nodiscard]] int min_cell() const { return min_cell_; }

  // Once per frame: collects a finished count, and starts one on the worker
  // when the choice changed since the last count (or refresh()), cancelling
  // a count of an older choice first.
  void count_if_needed();
  void refresh() { counted_ = false; }
  // The user's Cancel: stops the running count; nothing is shown until
  // "Count again" (refresh()).
  void cancel();
  [[nodiscard]] bool counting() const { return work_.busy(); }
  [[nodiscard]] bool cancelled() const { return cancelled_; }
  [[nodiscard]] float progress() const { return progress_->load(); }
  // The table of the current choice; empty while it is being counted.
  [[nodiscard]] const std::optional<report::StatsTable>& table() const { return table_; }

  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }

  // Starts writing table() as `folder`/`file_name` and its .minisig on the
  // worker, labels in the UI's language (the dialog asked the plaintext
  // question first). False, nothing started, without a table, for a name
  // that is not a plain file name (write_error_key()), or while a write runs.
  bool write_pdf(const std::filesystem::path& folder, const std::string& file_name);
  // A write is running or not collected yet (count_if_needed() collects it).
  [[nodiscard]] bool writing() const { return writer_.busy(); }
  void wait() { writer_.wait(); }
  [[nodiscard]] const std::optional<report::StatsPdfWritten>& written() const { return written_; }
  [[nodiscard]] const std::filesystem::path& written_path() const { return written_path_; }
  [[nodiscard]] const char* write_error_key() const { return write_error_key_; }
  [[nodiscard]] const std::string& write_error_detail() const { return write_error_detail_; }
  // Back to the defaults (lock): cancels a running count and waits for it
  // and for a PDF being written.
  void reset();

 private:
  void collect_write();
  struct Counted {
    std::uint64_t generation = 0;
    report::ReportResult<report::StatsTable> result;
  };
  void start_count();
  void apply(report::ReportResult<report::StatsTable> result);
  void stop();  // cancel and wait

  Session* session_;  // the vault of the unlocked app (session.hpp)
  report::StatsDimension first_ = report::StatsDimension::year;
  std::optional<report::StatsDimension> second_;
  int min_cell_ = 5;
  bool counted_ = false;  // a count of the current choice was started (or refused)
  bool cancelled_ = false;
  std::uint64_t generation_ = 0;  // of the count started last
  // Shared with the worker, which may outlive a cancel by one chunk.
  std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<std::atomic<float>> progress_ = std::make_shared<std::atomic<float>>(0.0F);
  Background<Counted> work_;
  std::optional<report::StatsTable> table_;
  const char* error_key_ = nullptr;
  std::string error_detail_;
  std::optional<report::StatsPdfWritten> written_;
  std::filesystem::path written_path_;
  const char* write_error_key_ = nullptr;
  std::string write_error_detail_;
  Background<WrittenFile<report::StatsPdfWritten>> writer_;  // last: destroyed (waited for) first
};

// A value as the UI shows it: the vocabulary label in the UI language, the
// year as is, "unknown" translated.
[[nodiscard]] std::string stats_value_label(report::StatsDimension d, const std::string& value);

}  // namespace safehold::appmodel
