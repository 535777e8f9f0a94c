// count_statistics and format_statistics (schema/stats-v1.md).
#include "safehold/report/stats.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "report_case.hpp"
#include "safehold/core/disclosure/disclosure.hpp"

namespace safehold::report {
namespace {

using nlohmann::json;

std::string code_of(const json& fields, const char* name) {
  const auto it = fields.find(name);
  return it != fields.end() && it->is_string() && !it->get<std::string>().empty() ? it->get<std::string>() : "unknown";
}

std::vector<std::string> year_of(const json& f, const char* name) {
  const auto it = f.find(name);
  if (it != f.end() && it->is_object() && it->contains("value") && (*it)["value"].is_string()) {
    const std::string v = (*it)["value"].get<std::string>();
    if (v.size() >= 4) return {v.substr(0, 4)};
  }
  return {"unknown"};
}

// The host countries of each case: where its interviewees live
// (schema/stats-v1.md section 2), each once, sorted.
using HostCountries = std::map<std::string, std::vector<std::string>, std::less<>>;

ReportResult<HostCountries> host_countries(storage::Vault& vault, const storage::ScanHooks& hooks) {
  std::map<std::string, std::set<std::string>> found;
  const std::string names[] = {"roles", "location"};
  auto scanned = vault.records().scan_fields("person", names, [&](const storage::PartialRecord& p) {
    const json& f = p.fields;
    const auto roles = f.find("roles");
    const bool interviewee =
        roles != f.end() && roles->is_array() && std::find(roles->begin(), roles->end(), "interviewee") != roles->end();
    if (!interviewee) return;
    const auto loc = f.find("location");
    if (loc != f.end() && loc->is_object()) {
      const std::string country = code_of(*loc, "country");
      if (country != "unknown") found[p.case_id].insert(country);
    }
  }, hooks);
  if (!scanned) return unexpected(detail::from_storage(scanned.error()));
  HostCountries out;
  for (auto& [case_id, countries] : found) out[case_id] = {countries.begin(), countries.end()};
  return out;
}

// The values a unit (incident or legal measure) has in a dimension (several
// for tactics, perpetrator types and host countries, each once).
std::vector<std::string> values_of(const storage::PartialRecord& unit, bool measure, StatsDimension d,
                                   const HostCountries& hosts) {
  const json& f = unit.fields;
  switch (d) {
    case StatsDimension::year: return year_of(f, measure ? "date" : "start_date");
    case StatsDimension::outcome: return {code_of(f, "outcome")};
    case StatsDimension::country: return {code_of(f, measure ? "jurisdiction" : "country")};
    case StatsDimension::measure: return {code_of(f, "type")};
    case StatsDimension::host_country: {
      const auto it = hosts.find(unit.case_id);
      if (it == hosts.end() || it->second.empty()) return {"unknown"};
      return it->second;
    }
    case StatsDimension::tactic:
    case StatsDimension::perpetrator: {
      std::set<std::string> out;
      const auto it = f.find(d == StatsDimension::tactic ? "tactics" : "perpetrators");
      if (it != f.end() && it->is_array()) {
        for (const auto& v : *it) {
          if (d == StatsDimension::tactic && v.is_string()) out.insert(v.get<std::string>());
          if (d == StatsDimension::perpetrator && v.is_object()) out.insert(code_of(v, "type"));
        }
      }
      if (out.empty()) return {"unknown"};
      return {out.begin(), out.end()};
    }
  }
  return {"unknown"};
}

// The fields values_of reads, so only those leave the database.
std::vector<std::string> fields_read(const std::vector<StatsDimension>& by, bool measures) {
  std::vector<std::string> out;
  for (auto d : by) {
    switch (d) {
      case StatsDimension::year: out.push_back(measures ? "date" : "start_date"); break;
      case StatsDimension::outcome: out.push_back("outcome"); break;
      case StatsDimension::country: out.push_back(measures ? "jurisdiction" : "country"); break;
      case StatsDimension::measure: out.push_back("type"); break;
      case StatsDimension::tactic: out.push_back("tactics"); break;
      case StatsDimension::perpetrator: out.push_back("perpetrators"); break;
      case StatsDimension::host_country: break;  // the case's persons, not the unit
    }
  }
  if (out.empty()) out.push_back("type");  // host_country alone: any field, the case id is what counts
  return out;
}

// One StatsHooks over the passes of a count: each pass's rows advance one
// fraction of the whole, whose size is known in advance (count_entity).
class Passes {
 public:
  Passes(const StatsHooks& hooks, std::size_t total) : hooks_(hooks), total_(std::max<std::size_t>(total, 1)) {}
  // Hooks for the next pass; `rows` is how many it will visit.
  storage::ScanHooks next(std::size_t rows) {
    done_ += rows_;
    rows_ = rows;
    storage::ScanHooks h;
    h.chunk = hooks_.chunk;
    h.cancel_requested = hooks_.cancel_requested;
    if (hooks_.progress) {
      h.progress = [this](std::size_t visited) {
        const std::size_t at = done_ + std::min(visited, rows_);
        hooks_.progress(static_cast<float>(at) / static_cast<float>(total_));
      };
    }
    return h;
  }

 private:
  const StatsHooks& hooks_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::size_t rows_ = 0;
};

ReportResult<std::size_t> rows_of(storage::Vault& vault, std::string_view entity) {
  auto n = vault.records().count_entity(entity);
  if (!n) return unexpected(detail::from_storage(n.error()));
  return *n;
}

bool describes_incidents_only(StatsDimension d) {
  return d == StatsDimension::outcome || d == StatsDimension::tactic || d == StatsDimension::perpetrator;
}

}  // namespace

std::optional<StatsDimension> stats_dimension_from_name(std::string_view name) noexcept {
  for (auto d : {StatsDimension::year, StatsDimension::outcome, StatsDimension::tactic, StatsDimension::country,
                 StatsDimension::perpetrator, StatsDimension::host_country, StatsDimension::measure}) {
    if (name == name_of(d)) return d;
  }
  return std::nullopt;
}

const char* name_of(StatsDimension d) noexcept {
  switch (d) {
    case StatsDimension::year: return "year";
    case StatsDimension::outcome: return "outcome";
    case StatsDimension::tactic: return "tactic";
    case StatsDimension::country: return "country";
    case StatsDimension::perpetrator: return "perpetrator";
    case StatsDimension::host_country: return "host_country";
    case StatsDimension::measure: return "measure";
  }
  return "unknown";
}

ReportResult<StatsTable> count_statistics(storage::Vault& vault, const std::vector<StatsDimension>& by,
                                          std::size_t min_cell, const StatsHooks& hooks) {
  if (by.empty() || by.size() > 2 || (by.size() == 2 && by[0] == by[1])) {
    return report_fail(ReportError::invalid_request, "statistics are by one or two different dimensions");
  }
  if (min_cell == 0) return report_fail(ReportError::invalid_request, "--min-cell must be at least 1");
  const bool measures = std::find(by.begin(), by.end(), StatsDimension::measure) != by.end();
  if (measures && std::any_of(by.begin(), by.end(), describes_incidents_only)) {
    return report_fail(ReportError::invalid_request,
                       "measure counts legal measures: combine it with year, country or host_country only");
  }
  StatsTable table;
  table.unit = measures ? StatsUnit::legal_measure : StatsUnit::incident;
  table.by = by;
  table.min_cell = min_cell;
  const char* unit_entity = measures ? "legal_measure" : "incident";
  const bool by_host = std::find(by.begin(), by.end(), StatsDimension::host_country) != by.end();
  // The progress total costs three counts: only when progress is shown.
  const bool totals = static_cast<bool>(hooks.progress);
  auto case_rows = totals ? rows_of(vault, "case") : ReportResult<std::size_t>(0);
  auto person_rows = totals && by_host ? rows_of(vault, "person") : ReportResult<std::size_t>(0);
  auto unit_rows = totals ? rows_of(vault, unit_entity) : ReportResult<std::size_t>(0);
  if (!case_rows || !person_rows || !unit_rows) {
    return unexpected(!case_rows ? case_rows.error() : !person_rows ? person_rows.error() : unit_rows.error());
  }
  Passes passes(hooks, *case_rows + *person_rows + *unit_rows);
  // One decision for every case, by core/disclosure's rule (counts_in_statistics).
  auto consent = core::disclosure::cases_in_statistics(vault, passes.next(*case_rows));
  if (!consent) return unexpected(detail::from_disclosure(consent.error()));
  const auto& included = consent->counted;
  table.cases_included = included.size();
  table.cases_left_out = consent->cases - included.size();
  HostCountries hosts;
  if (by_host) {
    auto found = host_countries(vault, passes.next(*person_rows));
    if (!found) return unexpected(found.error());
    hosts = std::move(*found);
  }
  std::map<std::vector<std::string>, std::size_t> counts;
  const auto names = fields_read(by, measures);
  auto scanned = vault.records().scan_fields(
      unit_entity, names, [&](const storage::PartialRecord& i) {
        if (!included.contains(i.case_id)) return;
        ++table.incidents;
        const auto first = values_of(i, measures, by[0], hosts);
        const auto second = by.size() == 2 ? values_of(i, measures, by[1], hosts) : std::vector<std::string>{""};
        for (const auto& a : first) {
          for (const auto& b : second) {
            std::vector<std::string> key{a};
            if (by.size() == 2) key.push_back(b);
            ++counts[key];
          }
        }
      },
      passes.next(*unit_rows));
  if (!scanned) return unexpected(detail::from_storage(scanned.error()));
  for (const auto& [values, n] : counts) {
    const bool small = n < min_cell;
    table.cells.push_back({values, small ? 0 : n, small});
  }
  return table;
}

const char* vocabulary_of(StatsDimension d) noexcept {
  switch (d) {
    case StatsDimension::year: return "";
    case StatsDimension::outcome: return "outcome";
    case StatsDimension::tactic: return "tactic";
    case StatsDimension::country:
    case StatsDimension::host_country: return "country";
    case StatsDimension::perpetrator: return "perp";
    case StatsDimension::measure: return "measure";
  }
  return "";
}

std::size_t chart_scale(const StatsTable& t) noexcept {
  std::size_t largest = std::max<std::size_t>(2 * t.min_cell, 1);
  for (const auto& c : t.cells) largest = std::max(largest, c.count);
  return largest;
}

std::size_t chart_value(const StatsTable& t, const StatsCell& c) noexcept {
  if (!c.suppressed) return c.count;
  return t.min_cell > 1 ? t.min_cell - 1 : 1;
}

std::string count_text(const StatsTable& t, const StatsCell& c) {
  return c.suppressed ? "<" + std::to_string(t.min_cell) : std::to_string(c.count);
}

std::string format_statistics(const StatsTable& t, StatsFormat format) {
  // The total would give back a suppressed cell by subtraction
  // (schema/stats-v1.md section 3): shown only when nothing is suppressed.
  const bool any_suppressed = std::any_of(t.cells.begin(), t.cells.end(), [](const StatsCell& c) { return c.suppressed; });
  const bool measures = t.unit == StatsUnit::legal_measure;
  if (format == StatsFormat::json) {
    json by = json::array(), cells = json::array();
    for (auto d : t.by) by.push_back(name_of(d));
    for (const auto& c : t.cells) {
      json cell{{"values", c.values}};
      if (c.suppressed) {
        cell["suppressed"] = true;
      } else {
        cell["count"] = c.count;
      }
      cells.push_back(std::move(cell));
    }
    return json{{"version", 1}, {"by", by}, {"min_cell", t.min_cell}, {"cases_included", t.cases_included},
                {"cases_left_out", t.cases_left_out},
                {measures ? "legal_measures" : "incidents", any_suppressed ? json(nullptr) : json(t.incidents)},
                {"cells", cells}}
               .dump(2) + "\n";
  }
  const char sep = format == StatsFormat::csv ? ',' : '\t';
  std::string out;
  if (format == StatsFormat::text) {
    out += "cases included: " + std::to_string(t.cases_included) +
           ", left out (no consent to anonymised statistics): " + std::to_string(t.cases_left_out) +
           (measures ? ", legal measures: " : ", incidents: ") +
           (any_suppressed ? std::string("not shown (a cell is suppressed)") : std::to_string(t.incidents)) +
           ", cells under " + std::to_string(t.min_cell) +
           " suppressed\n";
  }
  for (auto d : t.by) out += std::string(name_of(d)) + sep;
  out += "count\n";
  for (const auto& c : t.cells) {
    for (const auto& v : c.values) out += v + sep;
    out += count_text(t, c) + "\n";
  }
  return out;
}

}  // namespace safehold::report
