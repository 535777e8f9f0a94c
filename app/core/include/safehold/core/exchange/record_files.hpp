#pragma once
// What Safehold puts in a bundle's files (schema/bundle-v1.md section 11):
// one record per `cases/<case-id>/<record-id>.json`, in the DEVELOPERS.md
// record shape, encoded in exactly one way (nlohmann-json's dump(2) and a
// final LF: sorted members, two-space indent, raw UTF-8), so a person who
// opens a bundle with stock tools can read it and a reader can refuse any
// other encoding.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "safehold/core/exchange/exchange_error.hpp"
#include "safehold/storage/records.hpp"

namespace safehold::core::exchange {

// The largest record file Safehold writes or reads (bundle-v1.md 3.4).
inline constexpr std::size_t kMaxRecordFileSize = 16u << 20;

// A record as a bundle carries it: format version 2 adds its owner (key
// line), revision and withheld fields (schema/bundle-v1.md 12.1).
struct RecordFile {
  storage::Record record;
  std::optional<storage::RecordMeta> meta;  // version 2; nullopt in version 1
};

std::string encode_record_file(const storage::Record& record);                                   // version 1
std::string encode_record_file(const storage::Record& record, const storage::RecordMeta& meta);  // version 2

// Strict: strict JSON (UTF-8, no duplicate keys), exactly the record shape,
// the canonical encoding, a record valid for the model (read mode: retired
// codes accepted), not a contact, and its id and case matching `path`
// (cases/<case-id>/<record-id>.json; the case record is
// cases/<case-id>/<case-id>.json). Failure: content_refused, with the reason
// (never a value from the record).
// Version 2 also needs exactly the members of section 12.1, valid.
[[nodiscard]] ExchangeResult<RecordFile> parse_record_file(std::string_view path, std::span<const std::uint8_t> bytes,
                                                           int format_version);

}  // namespace safehold::core::exchange
