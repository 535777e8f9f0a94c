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
  storage::Vault& vault = session_->vault();
  if (counted_) return;
  counted_ = true;
  table_.reset();
  error_key_ = nullptr;
  error_detail_.clear();
  std::vector<StatsDimension> by{first_};
  if (second_) by.push_back(*second_);
  auto counted = report::count_statistics(vault, by, static_cast<std::size_t>(min_cell_));
  if (!counted) {
    // A choice the counting refuses (measure with an incident dimension)
    // gets its own sentence; anything else is app/report's.
    error_key_ = counted.error().code == report::ReportError::invalid_request ? "stats.error.combination"
                                                                               : report_error_key(counted.error().code);
    error_detail_ = counted.error().detail;
    return;
  }
  table_ = std::move(*counted);
}

void StatsModel::reset() {
  *this = StatsModel(*session_);
}

const char* stats_vocab(StatsDimension d) noexcept {
  switch (d) {
    case StatsDimension::year: return "";
    case StatsDimension::outcome: return "outcome";
    case StatsDimension::tactic: return "tactic";
    case StatsDimension::country: return "country";
    case StatsDimension::perpetrator: return "perp";
    case StatsDimension::host_country: return "country";
    case StatsDimension::measure: return "measure";
  }
  return "";
}

std::string stats_value_label(StatsDimension d, const std::string& value) {
  if (value == "unknown") return tr("stats.unknown");
  const std::string_view vocab = stats_vocab(d);
  if (vocab.empty()) return value;
  const std::string label(vocab_label(vocab, value));
  if (d == StatsDimension::tactic && label != value) return value + " " + label;  // "D1 label", as the report
  return label;
}

}  // namespace safehold::appmodel
