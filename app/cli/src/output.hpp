#pragma once
// Output on stdout: results only (ids, records, lists), so scripts can pipe
// them. Messages for people go to stderr. JSON follows DEVELOPERS.md
// "Records"; plain text is one item per line, tab-separated where columns help.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "safehold/schema/formats.hpp"
#include "safehold/crypto/sha256.hpp"
#include "safehold/storage/records.hpp"

namespace safehold::cli {

void print_line(std::string_view text);
void print_json(const nlohmann::json& value);
// A note for people on stderr ("safehold-cli: ..."), never record content.
void print_note(std::string_view text);

// A count with its noun for people: "1 record", "2 records" (`many`
// defaults to `one` + "s"; give it for "entry"/"entries").
std::string count_of(std::uint64_t n, std::string_view one, std::string_view many = {});

// A list printed as text lines (as items come) or as one JSON array (by
// finish()), chosen by the command's --json flag.
class Listing {
 public:
  explicit Listing(bool json) : json_(json) {}
  bool json() const noexcept { return json_; }
  void add(nlohmann::json item, std::string_view line);
  void finish() const;

 private:
  bool json_;
  nlohmann::json items_ = nlohmann::json::array();
};

// The output of a command that creates something: its id alone, or with
// the command's --json {"id": ID}, so `--json` means machine output on every
// command that prints.
struct IdOutput {
  bool json = false;
  void add_flag(CLI::App* command);
  void print(const std::string& id) const;
};

// Human-readable record: envelope lines, then one "  field: value" per field.
void print_record(const storage::Record& record);

// Current UTC time as RFC 3339 with second precision ("2026-11-28T18:00:00Z").
inline std::string utc_now() { return schema::utc_timestamp_now(); }

using crypto::to_hex;

}  // namespace safehold::cli
