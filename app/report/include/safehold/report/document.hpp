#pragma once
// The document model of a report (schema/report-v1.md section 2): already
// disclosed, already labelled text, in reading order. It knows nothing of the
// vault or of PDF; compose.hpp fills it, pdf.hpp lays it out.
#include <string>
#include <vector>

#include "safehold/schema/text.hpp"

namespace safehold::report {

enum class Paper { a4, letter };

// One line of a block: a label and its value (the value may hold newlines
// and any script; it is laid out as a paragraph).
struct Row {
  std::string label;
  std::string value;
  bool code = false;  // hashes and keys: set in a monospaced face so they read digit by digit
  // A statistics chart row (stats_pdf.hpp): a bar this fraction (0..1) of
  // the value column long, drawn before the value (the count as printed);
  // < 0: no bar. An outlined bar marks a suppressed cell: at most that long,
  // never a filled bar that would read as a count.
  double bar = -1.0;
  bool bar_outline = false;
};

// One thing in a section: an incident, an evidence item, the cover...
struct Block {
  std::string heading;  // may be empty
  std::vector<Row> rows;
};

struct Section {
  std::string title;
  std::vector<Block> blocks;
  std::string empty_note;  // shown when `blocks` is empty ("none")
};

struct Document {
  schema::Language language = schema::Language::en;
  std::string title;           // "Evidence report" in the document's language
  std::string reference;       // the case reference, on every page
  std::string records_sha256;  // 64 hex digits, shortened in every footer ("" = none: statistics)
  std::string page_format;     // "page {n} of {m}" in the document's language
  std::vector<Section> sections;  // the cover is the first
};

}  // namespace safehold::report
