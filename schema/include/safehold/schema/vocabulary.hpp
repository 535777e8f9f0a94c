#pragma once
// Controlled vocabularies: versioned data files with stable codes and labels in
// English, Simplified and Traditional Chinese (format: schema/README.md).
// A stored code never changes meaning; a retired code stays readable (find,
// label) but is refused for new writes (accepts_for_write).
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/schema/error.hpp"
#include "safehold/schema/text.hpp"

namespace safehold::schema {

struct VocabEntry {
  std::string code;
  Text label;
  std::optional<Text> definition;
  bool retired = false;
  std::string replaced_by;  // for a retired entry: the code to use instead, or empty
  // Extra attributes, e.g. for tactics {"group": "A", "sources": ["FH", "SD"]}.
  // Values are strings or arrays of strings.
  nlohmann::json attributes = nlohmann::json::object();
};

class Vocabulary {
 public:
  const std::string& name() const noexcept { return name_; }
  int version() const noexcept { return version_; }
  const Text& label() const noexcept { return label_; }
  std::span<const VocabEntry> entries() const noexcept { return entries_; }

  // Any entry, retired or not; nullptr when the code is not in the vocabulary.
  const VocabEntry* find(std::string_view code) const noexcept;
  // True only for a known code that is not retired.
  bool accepts_for_write(std::string_view code) const noexcept;
  // The entry whose label in `language` is exactly `label` (labels are unique
  // per vocabulary and language), for CLI input and round trips.
  const VocabEntry* find_by_label(std::string_view label, Language language) const noexcept;

 private:
  friend class VocabularyReader;
  std::string name_;
  int version_ = 0;
  Text label_;
  std::vector<VocabEntry> entries_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
  std::map<std::string, std::size_t, std::less<>> by_label_[3];
};

// One data file given to a loader: path (its file name decides the
// vocabulary name: "tactic.json" holds vocabulary "tactic") and bytes.
struct SourceFile {
  std::string_view path;
  std::string_view bytes;
};

class Vocabularies {
 public:
  // The vocabularies compiled into this binary, parsed once. Embedded data that
  // fails to load is a build defect: it throws std::logic_error (tests catch it).
  static const Vocabularies& builtin();

  // Strict loader: each file one vocabulary; rejects malformed JSON, unknown
  // members, bad or duplicate codes and labels, missing languages, and two
  // files with one name.
  [[nodiscard]] static expected<Vocabularies, LoadError> parse(std::span<const SourceFile> files);

  const Vocabulary* find(std::string_view name) const noexcept;
  // Sorted by name.
  std::span<const Vocabulary> all() const noexcept { return vocabularies_; }

 private:
  std::vector<Vocabulary> vocabularies_;
};

// Display label of `code` in the built-in vocabulary `vocabulary`; for an
// unknown vocabulary or code it returns `code` itself, so a screen never shows
// an empty cell for data written by a newer version.
std::string_view label(std::string_view vocabulary, std::string_view code, Language language) noexcept;

}  // namespace safehold::schema
