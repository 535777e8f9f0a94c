#include "safehold/appmodel/stats_model.hpp"

#include <algorithm>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/report_model.hpp"
#include "safehold/appmodel/schema_text.hpp"

namespace safehold::appmodel {

using report::StatsDimension;

const std::vector<StatsDimension>& StatsModel::dimensions() {
  static const std::vector<StatsDimension> all = {StatsDimension::year,        StatsDimension::outcome,
                                                  StatsDimension::tactic,      StatsDimension::country,
                                                  StatsDimension::perpetrator, StatsDimension::host_country,
                                                  StatsDimension::measure};
  return all;
}

void StatsModel::set_first(StatsDimension d) {
  first_ = d;
  if (second_ == d) second_.reset();
  counted_ = false;
}

void StatsModel::set_second(std::optional<StatsDimension> d) {
  second_ = d == first_ ? std::nullopt : d;
  counted_ = false;
}

void StatsModel::set_min_cell(int n) {
  min_cell_ = std::clamp(n, 1, 1000);
  counted_ = false;
}

void StatsModel::count_if_needed() {
  collect_write();
  if (auto done = work_.poll()) {
    // A count of an older choice (cancelled or finished late) is dropped.
    if (done->generation == generation_ && counted_) apply(std::move(done->result));
  }
  if (counted_) return;
  if (work_.busy()) {
    cancel_->store(true);  // the new choice is counted once the old count stops (one chunk)
    return;
  }
  start_count();
}

void StatsModel::start_count() {
  counted_ = true;
  cancelled_ = false;
  table_.reset();
  error_key_ = nullptr;
  error_detail_.clear();
  ++generation_;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  progress_->store(0.0F);
  std::vector<StatsDimension> by{first_};
  if (second_) by.push_back(*second_);
  storage::Vault& vault = session_->vault();
  (void)work_.start([&vault, by, min_cell = static_cast<std::size_t>(min_cell_), cancel = cancel_,
                     progress = progress_, generation = generation_] {
    report::StatsHooks hooks;
    hooks.cancel_requested = [cancel] { return cancel->load(); };
    hooks.progress = [progress](float f) { progress->store(f); };
    return Counted{generation, report::count_statistics(vault, by, min_cell, hooks)};
  });
}

void StatsModel::apply(report::ReportResult<report::StatsTable> counted) {
  if (!counted) {
    if (counted.error().code == report::ReportError::cancelled) {
      cancelled_ = true;
      return;
    }
    // A choice the counting refuses (measure with an incident dimension)
    // gets its own sentence; anything else is app/report's.
    error_key_ = counted.error().code == report::ReportError::invalid_request ? "stats.error.combination"
                                                                               : report_error_key(counted.error().code);
    error_detail_ = counted.error().detail;
    return;
  }
  table_ = std::move(*counted);
}

void StatsModel::cancel() {
  if (work_.busy()) cancel_->store(true);
}

void StatsModel::stop() {
  cancel_->store(true);
  work_.wait();
  (void)work_.poll();  // collect and drop the result
}

bool StatsModel::write_pdf(const std::filesystem::path& folder, const std::string& file_name) {
  if (writing()) return false;
  written_.reset();
  written_path_.clear();
  write_error_key_ = nullptr;
  write_error_detail_.clear();
  if (!table_) {
    write_error_key_ = "stats.pdf.nothing";
    return false;
  }
  if (file_name.empty() || std::filesystem::path(file_name).has_parent_path()) {
    write_error_key_ = "report.error.file_name";
    return false;
  }
  storage::Vault& vault = session_->vault();
  const report::StatsPdfOptions options{.language = schema_language(current_language()),
                                        .paper = report::Paper::a4, .generated_at = {}};
  // The screen showed the plaintext warning and the user accepted it. The
  // worker gets its own copy of the table shown.
  return writer_.start([&vault, table = *table_, options, target = folder / file_name] {
    return WrittenFile{target, report::write_statistics_pdf(vault, table, options, target, report::PlaintextConsent::given)};
  });
}

void StatsModel::collect_write() {
  auto done = writer_.poll();
  if (!done) return;
  if (!done->result) {
    write_error_key_ = report_error_key(done->result.error().code);
    write_error_detail_ = done->result.error().detail;
    return;
  }
  written_ = std::move(*done->result);
  written_path_ = std::move(done->target);
}

void StatsModel::reset() {
  writer_.wait();  // a write publishes both files or neither; its result is dropped
  (void)writer_.poll();
  stop();
  first_ = StatsDimension::year;
  second_.reset();
  min_cell_ = 5;
  counted_ = false;
  cancelled_ = false;
  table_.reset();
  error_key_ = nullptr;
  error_detail_.clear();
  written_.reset();
  written_path_.clear();
  write_error_key_ = nullptr;
  write_error_detail_.clear();
}

std::string stats_value_label(StatsDimension d, const std::string& value) {
  if (value == "unknown") return tr("stats.unknown");
  const std::string_view vocab = report::vocabulary_of(d);
  if (vocab.empty()) return value;
  const std::string label(vocab_label(vocab, value));
  if (d == StatsDimension::tactic && label != value) return value + " " + label;  // "D1 label", as the report
  return label;
}

}  // namespace safehold::appmodel
