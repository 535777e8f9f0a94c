// Notice files: one canonical encoding, a strict reader (bundle-v1.md 12.4).
#include "safehold/core/exchange/notice_files.hpp"

#include <algorithm>
#include <functional>

#include "safehold/core/bundle/limits.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/core/bundle/text_formats.hpp"
#include "safehold/crypto/minisign.hpp"
#include "safehold/schema/strict_json.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::core::exchange {
namespace {

using nlohmann::json;

unexpected<ExchangeFailure> notice_refused(std::string_view path, const std::string& why) {
  return exchange_fail(ExchangeError::content_refused, std::string(path) + ": " + why);
}

bool is_utc(const json& j) { return j.is_string() && bundle::parse_utc(j.get<std::string>()).has_value(); }

bool has_exactly(const json& j, std::initializer_list<const char*> names) {
  if (!j.is_object() || j.size() != names.size()) return false;
  return std::all_of(names.begin(), names.end(), [&j](const char* n) { return j.contains(n); });
}

// An array of strings, ascending by byte value, unique, each passing `ok`.
bool sorted_strings(const json& j, std::size_t max, const std::function<bool(const std::string&)>& ok,
                    std::vector<std::string>& out) {
  if (!j.is_array() || j.size() > max) return false;
  for (const auto& e : j) {
    if (!e.is_string() || !ok(e.get_ref<const std::string&>())) return false;
    if (!out.empty() && !(out.back() < e.get_ref<const std::string&>())) return false;
    out.push_back(e.get<std::string>());
  }
  return true;
}

bool in_vocabulary(const char* vocab, const std::string& code) {
  const auto* v = schema::Vocabularies::builtin().find(vocab);
  return v != nullptr && v->find(code) != nullptr;
}

}  // namespace

std::string encode_notice_file(const storage::Notice& n) {
  json j{{"id", n.id}, {"kind", n.kind}, {"case_id", n.case_id}, {"owner", n.owner_key}, {"issued_at", n.issued_at}};
  if (n.kind == "withdrawal") {
    j["withdrawal"] = {{"at", n.withdrawn_at}, {"extent", n.extent}, {"scopes", n.scopes}};
  } else {
    j["records"] = n.records;
  }
  return j.dump(2, ' ', false, json::error_handler_t::strict) + "\n";
}

ExchangeResult<storage::Notice> parse_notice_file(std::string_view path, std::span<const std::uint8_t> bytes) {
  const auto where = bundle::parse_file_path(path);
  if (!where || where->group != bundle::PathGroup::notices) return notice_refused(path, "not a notice path");
  if (bytes.size() > bundle::kMaxNoticeFileSize) return notice_refused(path, "notice file too large");
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  auto parsed = schema::parse_strict_json(text, "notice");
  if (!parsed) return notice_refused(path, parsed.error().describe());
  const json& j = *parsed;
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) return notice_refused(path, "notice needs a kind");
  storage::Notice n;
  n.kind = j["kind"].get<std::string>();
  if (n.kind == "withdrawal") {
    if (!has_exactly(j, {"id", "kind", "case_id", "owner", "issued_at", "withdrawal"})) {
      return notice_refused(path, "a withdrawal notice has exactly id, kind, case_id, owner, issued_at and withdrawal");
    }
    const json& w = j["withdrawal"];
    if (!has_exactly(w, {"at", "extent", "scopes"})) return notice_refused(path, "withdrawal needs exactly at, extent and scopes");
    if (!is_utc(w["at"])) return notice_refused(path, "withdrawal at is not a UTC time");
    if (!w["extent"].is_string() || !in_vocabulary("withdrawal_extent", w["extent"].get<std::string>())) {
      return notice_refused(path, "withdrawal extent is not a withdrawal_extent code");
    }
    n.withdrawn_at = w["at"].get<std::string>();
    n.extent = w["extent"].get<std::string>();
    if (!sorted_strings(w["scopes"], 64, [](const std::string& s) { return in_vocabulary("scope", s); }, n.scopes)) {
      return notice_refused(path, "withdrawal scopes are not ascending, unique scope codes");
    }
    if ((n.extent == "listed_scopes") == n.scopes.empty()) {
      return notice_refused(path, "withdrawal scopes are listed with extent listed_scopes, and only then");
    }
  } else if (n.kind == "deletion") {
    if (!has_exactly(j, {"id", "kind", "case_id", "owner", "issued_at", "records"})) {
      return notice_refused(path, "a deletion notice has exactly id, kind, case_id, owner, issued_at and records");
    }
    if (!sorted_strings(j["records"], kMaxNoticeRecords, [](const std::string& s) { return bundle::is_uuid4(s); },
                        n.records)) {
      return notice_refused(path, "deletion records are not ascending, unique uuid4 ids (at most 10000)");
    }
  } else {
    return notice_refused(path, "notice kind is neither withdrawal nor deletion");
  }
  if (!j["id"].is_string() || j["id"].get<std::string>() != where->notice_id) {
    return notice_refused(path, "the notice's id differs from its file name");
  }
  n.id = j["id"].get<std::string>();
  if (!j["case_id"].is_string() || !bundle::is_uuid4(j["case_id"].get<std::string>())) {
    return notice_refused(path, "case_id is not a uuid4");
  }
  n.case_id = j["case_id"].get<std::string>();
  if (!j["owner"].is_string() || j["owner"].get_ref<const std::string&>().size() != 56 ||
      !crypto::minisign::PublicKey::parse_key_line(j["owner"].get<std::string>())) {
    return notice_refused(path, "owner is not a minisign public key line");
  }
  n.owner_key = j["owner"].get<std::string>();
  if (!is_utc(j["issued_at"])) return notice_refused(path, "issued_at is not a UTC time");
  n.issued_at = j["issued_at"].get<std::string>();
  if (encode_notice_file(n) != text) return notice_refused(path, "not the canonical notice encoding");
  return n;
}

}  // namespace safehold::core::exchange
