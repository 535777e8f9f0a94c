// statistics_document: a StatsTable as a Document for the report's PDF
// engine (schema/stats-v1.md section 5). Only what the table holds: codes,
// their labels in the document's language, counts as format_statistics
// prints them ("<N" for a suppressed cell), never a total when a cell is
// suppressed.
#include <algorithm>
#include <string>

#include "labels.hpp"
#include "safehold/report/stats_pdf.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::report {
namespace {

using schema::Language;

std::string fill_in(std::string text, std::string_view key, const std::string& value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

class StatsComposer {
 public:
  StatsComposer(const StatsTable& t, Language lang) : t_(t), lang_(lang) {}

  std::string L(std::string_view key) const { return std::string(detail::label(key, lang_)); }
  std::string dimension(StatsDimension d) const { return L(std::string("stats.dim.") + name_of(d)); }

  // A value as the GUI shows it: the vocabulary label, the year as is, a
  // tactic as "code label" (as in the report's chronology).
  std::string value(StatsDimension d, const std::string& code) const {
    if (code == "unknown") return L("stats.unknown");
    const std::string_view vocab = vocabulary_of(d);
    if (vocab.empty()) return code;
    const std::string label(schema::label(vocab, code, lang_));
    return d == StatsDimension::tactic && label != code ? code + " " + label : label;
  }

  Row bar(const std::string& label, const StatsCell& c) const {
    Row r{label, count_text(t_, c), false};
    r.bar = static_cast<double>(chart_value(t_, c)) / static_cast<double>(chart_scale(t_));
    r.bar_outline = c.suppressed;
    return r;
  }

  Section cover(const std::string& generated_at, const std::string& key_id, const std::string& public_key) const {
    const bool suppressed = std::any_of(t_.cells.begin(), t_.cells.end(), [](const auto& c) { return c.suppressed; });
    std::string by;
    for (auto d : t_.by) by += (by.empty() ? "" : " × ") + dimension(d);
    const bool measures = t_.unit == StatsUnit::legal_measure;
    Block facts{"", {}};
    facts.rows.push_back({L("generated_at"), generated_at, false});
    facts.rows.push_back({L("stats.counted_by"), by, false});
    facts.rows.push_back({L("stats.unit"), L(measures ? "stats.unit.legal_measure" : "stats.unit.incident"), false});
    facts.rows.push_back({L("stats.cases_included"), std::to_string(t_.cases_included), false});
    facts.rows.push_back({L("stats.cases_left_out"), std::to_string(t_.cases_left_out), false});
    // The total would give a suppressed cell back by subtraction (section 3).
    facts.rows.push_back({L("stats.total"), suppressed ? L("stats.total.hidden") : std::to_string(t_.incidents), false});
    facts.rows.push_back(
        {L("stats.suppression"), fill_in(L("stats.suppression.text"), "{n}", std::to_string(t_.min_cell)), false});
    facts.rows.push_back({L("signing_key_id"), key_id, true});
    facts.rows.push_back({L("signing_key"), public_key, true});
    Section s{L("stats.about"), {}, {}};
    s.blocks.push_back(std::move(facts));
    s.blocks.push_back({L("verify"), {{"", L("stats.verify.text"), false}}});
    return s;
  }

  // One dimension: one block of bars. Two: a block per value of the first
  // (cells are sorted by their values, so each block is one run).
  Section chart() const {
    Section s{L("stats.chart"), {}, L("stats.empty")};
    for (const auto& c : t_.cells) {
      if (t_.by.size() == 1 || c.values.size() < 2) {
        if (s.blocks.empty()) s.blocks.push_back({dimension(t_.by.front()), {}});
        s.blocks.back().rows.push_back(bar(value(t_.by.front(), c.values.front()), c));
        continue;
      }
      const std::string heading = dimension(t_.by[0]) + ": " + value(t_.by[0], c.values[0]);
      if (s.blocks.empty() || s.blocks.back().heading != heading) s.blocks.push_back({heading, {}});
      s.blocks.back().rows.push_back(bar(value(t_.by[1], c.values[1]), c));
    }
    return s;
  }

 private:
  const StatsTable& t_;
  Language lang_;
};

}  // namespace

Document statistics_document(const StatsTable& table, Language language, const std::string& generated_at,
                             const std::string& signer_key_id, const std::string& signer_public_key) {
  const StatsComposer c(table, language);
  Document doc;
  doc.language = language;
  doc.title = c.L("stats.title");
  doc.reference = generated_at;  // on every page: which counting this is
  doc.page_format = c.L("page_format");
  doc.sections.push_back(c.cover(generated_at, signer_key_id, signer_public_key));
  doc.sections.push_back(c.chart());
  return doc;
}

}  // namespace safehold::report
