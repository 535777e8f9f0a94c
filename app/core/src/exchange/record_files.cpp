// Record files of a bundle: one canonical encoding, a strict reader.
#include "safehold/core/exchange/record_files.hpp"

#include "safehold/core/bundle/paths.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/schema/strict_json.hpp"

namespace safehold::core::exchange {
namespace {

unexpected<ExchangeFailure> refused(std::string_view path, const std::string& why) {
  return exchange_fail(ExchangeError::content_refused, std::string(path) + ": " + why);
}

}  // namespace

std::string encode_record_file(const storage::Record& record) {
  // ensure_ascii off (raw UTF-8); strict on invalid UTF-8 (the vault holds none).
  return record.to_json().dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

ExchangeResult<storage::Record> parse_record_file(std::string_view path, std::span<const std::uint8_t> bytes) {
  const auto where = bundle::parse_file_path(path);
  if (!where || where->group != bundle::PathGroup::cases) return refused(path, "not a record path");
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const std::string_view record_id = name.substr(0, name.size() - 5);  // without ".json"
  if (bytes.size() > kMaxRecordFileSize) return refused(path, "record file too large");
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  auto j = schema::parse_strict_json(text, "record");
  if (!j) return refused(path, j.error().describe());
  auto record = storage::Record::from_json(*j);
  if (!record) return refused(path, record.error().describe());
  if (auto v = schema::validate_record(schema::Model::builtin(), *j, schema::Mode::read); !v) {
    return refused(path, v.error().describe());
  }
  if (record->entity == "contact") return refused(path, "contacts do not travel in bundles");
  if (record->id != record_id) return refused(path, "the record's id differs from its file name");
  const bool is_case = record->entity == "case";
  if (is_case ? record->id != where->case_id : record->case_id != where->case_id) {
    return refused(path, "the record belongs to another case than its folder");
  }
  // One encoding only: what we would have written for this record.
  if (encode_record_file(*record) != text) return refused(path, "not the canonical record encoding");
  return std::move(*record);
}

}  // namespace safehold::core::exchange
