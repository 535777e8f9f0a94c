#pragma once
// Who owns a record and which revision of it a vault holds (schema/bundle-v1.md
// section 12): the shape shared by storage, the bundle importer and exporter.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace safehold::storage {

// How many earlier revision ids a record carries (bundle-v1.md 12.1).
inline constexpr std::size_t kRevisionHistory = 32;

struct Revision {
  std::int64_t n = 1;                // how many times the owner has written the record
  std::string id;                    // random uuid4 per revision (never a hash of content)
  std::vector<std::string> history;  // earlier ids, newest first, at most kRevisionHistory
  bool operator==(const Revision&) const = default;
};

struct RecordMeta {
  std::string owner_key;              // minisign public key line; "" = this vault (in storage only)
  Revision revision;
  std::vector<std::string> withheld;  // fields the exporter left out of this copy, sorted
  bool operator==(const RecordMeta&) const = default;
};

// The revision after `r`: n + 1, `new_id`, history = r.id then r.history, cut.
Revision next_revision(const Revision& r, std::string new_id);
// True if `later` descends from `earlier` (earlier's id is in later's history).
bool descends_from(const Revision& later, const Revision& earlier);

}  // namespace safehold::storage
