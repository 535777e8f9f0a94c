#pragma once
// Anonymised statistics across the cases of a vault (schema/stats-v1.md):
// incidents of the cases whose consent answers anonymised_statistics "yes",
// counted by one or two dimensions, small cells suppressed, the number of
// cases left out stated. Only vocabulary codes and years leave: no text, no
// ids, no identifying field.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "safehold/report/error.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::report {

enum class StatsDimension { year, outcome, tactic, country, perpetrator, host_country, measure };

// What one count is: an incident, or (with the measure dimension) a legal measure.
enum class StatsUnit { incident, legal_measure };

// "year", "outcome", "tactic", "country", "perpetrator", "host_country",
// "measure"; nullopt otherwise.
std::optional<StatsDimension> stats_dimension_from_name(std::string_view name) noexcept;
const char* name_of(StatsDimension d) noexcept;

struct StatsCell {
  std::vector<std::string> values;  // one per dimension
  std::size_t count = 0;            // 0 when suppressed
  bool suppressed = false;
};

struct StatsTable {
  std::vector<StatsDimension> by;
  std::size_t min_cell = 5;
  std::size_t cases_included = 0;
  std::size_t cases_left_out = 0;
  StatsUnit unit = StatsUnit::incident;
  std::size_t incidents = 0;  // units counted (incidents or legal measures)
  std::vector<StatsCell> cells;  // sorted by values
};

// For a count on a worker thread (the desktop app): the vault is read in
// chunks (storage/scan.hpp), so the UI thread reaches it between them.
struct StatsHooks {
  // Asked between chunks; true stops the count with ReportError::cancelled.
  std::function<bool()> cancel_requested;
  // How far the count is, 0 to 1 (the consent pass, then the records counted).
  std::function<void(float fraction)> progress;
  // Rows read per hold of the vault's lock (storage::ScanHooks::chunk).
  std::size_t chunk = 2000;
};

// `by`: one or two distinct dimensions (measure only with year, country or
// host_country); `min_cell` >= 1.
[[nodiscard]] ReportResult<StatsTable> count_statistics(storage::Vault& vault, const std::vector<StatsDimension>& by,
                                                        std::size_t min_cell = 5, const StatsHooks& hooks = {});

// The vocabulary a dimension's values come from ("" for year: shown as is).
const char* vocabulary_of(StatsDimension d) noexcept;

// The one scale of a chart (the GUI's bars and the statistics PDF): the
// largest count, but at least twice the minimum cell, so a chart of
// suppressed cells alone does not look full.
std::size_t chart_scale(const StatsTable& t) noexcept;
// How long a cell's bar is on that scale: its count, or for a suppressed
// cell the most it may be (min_cell - 1), drawn as an outline, never filled.
std::size_t chart_value(const StatsTable& t, const StatsCell& c) noexcept;
// A cell's count as printed: the number, or "<N" (N = min_cell) when suppressed.
std::string count_text(const StatsTable& t, const StatsCell& c);

enum class StatsFormat { text, csv, json };
std::string format_statistics(const StatsTable& table, StatsFormat format);

}  // namespace safehold::report
