// Record files of a bundle: one canonical encoding, a strict reader.
#include "safehold/core/exchange/record_files.hpp"

#include <algorithm>

#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/schema/strict_json.hpp"

namespace safehold::core::exchange {
namespace {

using nlohmann::json;

unexpected<ExchangeFailure> refused(std::string_view path, const std::string& why) {
  return exchange_fail(ExchangeError::content_refused, std::string(path) + ": " + why);
}

constexpr std::int64_t kMaxRevision = (std::int64_t{1} << 53) - 1;

bool sorted_unique(const std::vector<std::string>& v) { return std::adjacent_find(v.begin(), v.end(), std::greater_equal<>()) == v.end(); }

// The version 2 members (bundle-v1.md 12.1), taken out of `j`. The reason on
// failure names the rule, never a value.
expected<storage::RecordMeta, std::string> take_meta(json& j) {
  for (const char* key : {"owner", "revision", "withheld"}) {
    if (!j.contains(key)) return unexpected(std::string("member ") + key + " missing (format version 2)");
  }
  storage::RecordMeta m;
  const json& owner = j["owner"];
  if (!owner.is_string() || owner.get_ref<const std::string&>().size() != 56 ||
      !crypto::minisign::PublicKey::parse_key_line(owner.get<std::string>())) {
    return unexpected(std::string("owner is not a minisign public key line"));
  }
  m.owner_key = owner.get<std::string>();
  const json& rev = j["revision"];
  if (!rev.is_object() || rev.size() != 3 || !rev.contains("n") || !rev.contains("id") || !rev.contains("history")) {
    return unexpected(std::string("revision needs exactly n, id and history"));
  }
  const json& n = rev["n"];
  if (!n.is_number_unsigned() || n.get<std::uint64_t>() < 1 ||
      n.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxRevision)) {
    return unexpected(std::string("revision n out of range"));
  }
  m.revision.n = static_cast<std::int64_t>(n.get<std::uint64_t>());
  if (!rev["id"].is_string() || !bundle::is_uuid4(rev["id"].get<std::string>())) {
    return unexpected(std::string("revision id is not a uuid4"));
  }
  m.revision.id = rev["id"].get<std::string>();
  if (!rev["history"].is_array()) return unexpected(std::string("revision history is not an array"));
  for (const auto& h : rev["history"]) {
    if (!h.is_string() || !bundle::is_uuid4(h.get<std::string>())) {
      return unexpected(std::string("revision history holds something other than a uuid4"));
    }
    m.revision.history.push_back(h.get<std::string>());
  }
  const auto expected_len = std::min<std::uint64_t>(static_cast<std::uint64_t>(m.revision.n) - 1,
                                                    storage::kRevisionHistory);
  if (m.revision.history.size() != expected_len) return unexpected(std::string("revision history length"));
  auto ids = m.revision.history;
  ids.push_back(m.revision.id);
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
    return unexpected(std::string("revision ids repeat"));
  }
  const json& withheld = j["withheld"];
  if (!withheld.is_array()) return unexpected(std::string("withheld is not an array"));
  for (const auto& w : withheld) {
    if (!w.is_string()) return unexpected(std::string("withheld holds something other than a field name"));
    m.withheld.push_back(w.get<std::string>());
  }
  if (!sorted_unique(m.withheld)) return unexpected(std::string("withheld is not sorted and unique"));
  j.erase("owner");
  j.erase("revision");
  j.erase("withheld");
  return m;
}

// Withheld names must be fields of the entity that the copy does not hold.
bool withheld_fits(const storage::Record& r, const storage::RecordMeta& m) {
  const auto* def = schema::Model::builtin().entity(r.entity);
  if (def == nullptr) return false;
  for (const auto& name : m.withheld) {
    if (r.fields.contains(name)) return false;
    if (def->field(name) == nullptr) return false;
  }
  return true;
}

}  // namespace

std::string encode_record_file(const storage::Record& record) {
  // ensure_ascii off (raw UTF-8); strict on invalid UTF-8 (the vault holds none).
  return record.to_json().dump(2, ' ', false, json::error_handler_t::strict) + "\n";
}

std::string encode_record_file(const storage::Record& record, const storage::RecordMeta& meta) {
  json j = record.to_json();
  j["owner"] = meta.owner_key;
  j["revision"] = {{"n", meta.revision.n}, {"id", meta.revision.id}, {"history", meta.revision.history}};
  j["withheld"] = meta.withheld;
  return j.dump(2, ' ', false, json::error_handler_t::strict) + "\n";
}

ExchangeResult<RecordFile> parse_record_file(std::string_view path, std::span<const std::uint8_t> bytes,
                                             int format_version) {
  const auto where = bundle::parse_file_path(path);
  if (!where || where->group != bundle::PathGroup::cases) return refused(path, "not a record path");
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const std::string_view record_id = name.substr(0, name.size() - 5);  // without ".json"
  if (bytes.size() > kMaxRecordFileSize) return refused(path, "record file too large");
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  auto j = schema::parse_strict_json(text, "record");
  if (!j) return refused(path, j.error().describe());
  RecordFile out;
  if (format_version >= 2) {
    if (!j->is_object()) return refused(path, "record is not an object");
    auto meta = take_meta(*j);
    if (!meta) return refused(path, meta.error());
    out.meta = std::move(*meta);
  }
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
  if (out.meta && !withheld_fits(*record, *out.meta)) {
    return refused(path, "withheld names a field the entity lacks or the copy holds");
  }
  // One encoding only: what we would have written for this record.
  const std::string again = out.meta ? encode_record_file(*record, *out.meta) : encode_record_file(*record);
  if (again != text) return refused(path, "not the canonical record encoding");
  out.record = std::move(*record);
  return out;
}

}  // namespace safehold::core::exchange
