#include "case_index.hpp"

#include <cstdio>
#include <set>
#include <utility>

#include "case_consent.hpp"
#include "json_access.hpp"
#include "record_rows.hpp"

namespace safehold::storage::detail {
namespace {

using nlohmann::json;

int priority_rank(const std::string& p) {
  return p == "urgent" ? 4 : p == "high" ? 3 : p == "normal" ? 2 : p == "low" ? 1 : 0;
}

int risk_rank(const std::string& r) {
  return r == "critical" ? 4 : r == "high" ? 3 : r == "medium" ? 2 : r == "low" ? 1 : 0;
}

void add_codes(std::set<std::pair<std::string, std::string>>& out, const char* kind, const json& fields,
               const char* name) {
  const json* list = member(fields, name);
  if (list == nullptr || !list->is_array()) return;  // absent or "not answered"
  for (const auto& code : list->get_ref<const json::array_t&>()) {
    if (code.is_string()) out.emplace(kind, code.get<std::string>());
  }
}

// The facets one record gives its case.
std::set<std::pair<std::string, std::string>> facets_of(const Record& r) {
  std::set<std::pair<std::string, std::string>> out;
  if (r.entity == "case") {
    add_codes(out, "purpose", r.fields, "purposes");
  } else if (r.entity == "incident") {
    add_codes(out, "tactic", r.fields, "tactics");
    if (auto c = text_of(r.fields, "country"); !c.empty()) out.emplace("country", c);
  } else if (r.entity == "legal_measure") {
    if (auto c = text_of(r.fields, "jurisdiction"); !c.empty()) out.emplace("country", c);
  }
  return out;
}

expected<void, StorageError> refresh_risk(VaultState& s, std::string_view case_id) {
  auto risks = load_case_records(s, case_id, "risk_assessment");
  if (!risks) return unexpected(risks.error());
  // The latest assessment by assessed_at (else by creation) gives the rating.
  const Record* latest = nullptr;
  auto when = [](const Record& r) {
    auto at = text_of(r.fields, "assessed_at");
    return at.empty() ? r.created_at : at;
  };
  for (const auto& r : *risks) {
    if (latest == nullptr || when(r) >= when(*latest)) latest = &r;
  }
  const std::string rating = latest ? text_of(latest->fields, "rating") : std::string();
  auto upd = s.db.prepare("UPDATE case_summary SET risk_rating = ?2, risk_rank = ?3 WHERE case_id = ?1");
  if (!upd) return unexpected(upd.error());
  upd->bind(1, case_id).bind(2, rating).bind(3, std::int64_t{risk_rank(rating)});
  return upd->run();
}

}  // namespace

// The summary's display columns: each facet kind as sorted distinct codes,
// read in index order and joined here (SQL's DISTINCT/ORDER BY/group_concat
// would build temporary tables on every write).
expected<void, StorageError> refresh_case_facets(VaultState& s, std::string_view case_id) {
  auto st = s.db.prepare("SELECT kind, code FROM case_facets WHERE case_id = ?1 ORDER BY kind, code");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  std::string tactics, countries, purposes;
  std::string last_kind, last_code;
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    std::string kind = st->text(0);
    std::string code = st->text(1);
    if (kind == last_kind && code == last_code) continue;
    std::string& out = kind == "tactic" ? tactics : kind == "country" ? countries : purposes;
    out += (out.empty() ? "" : ",") + code;
    last_kind = std::move(kind);
    last_code = std::move(code);
  }
  auto upd = s.db.prepare("UPDATE case_summary SET tactics = ?2, countries = ?3, purposes = ?4 WHERE case_id = ?1");
  if (!upd) return unexpected(upd.error());
  upd->bind(1, case_id).bind(2, tactics).bind(3, countries).bind(4, purposes);
  return upd->run();
}

namespace {

expected<void, StorageError> refresh_consent(VaultState& s, std::string_view case_id) {
  auto consent = case_consent(s, case_id);
  if (!consent) return unexpected(consent.error());
  auto upd = s.db.prepare("UPDATE case_summary SET consent_state = ?2 WHERE case_id = ?1");
  if (!upd) return unexpected(upd.error());
  upd->bind(1, case_id).bind(2, to_string(consent->state));
  return upd->run();
}

}  // namespace

ConsentState consent_state_from(std::string_view text) noexcept {
  return text == "given" ? ConsentState::given : text == "withdrawn" ? ConsentState::withdrawn : ConsentState::none;
}

expected<CaseHeader, StorageError> case_header(VaultState& s, std::string_view case_id) {
  auto st = s.db.prepare("SELECT reference, consent_state FROM case_summary WHERE case_id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  if (!*row) return unexpected(make_error(VaultError::not_found, "case " + std::string(case_id)));
  return CaseHeader{st->text(0), consent_state_from(st->text(1))};
}

namespace {

expected<std::int64_t, StorageError> next_number(VaultState& s, int year) {
  auto st = s.db.prepare(
      "INSERT INTO case_reference_counters (year, last_number) VALUES (?1, 1) "
      "ON CONFLICT(year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number");
  if (!st) return unexpected(st.error());
  st->bind(1, std::int64_t{year});
  auto row = st->step();
  if (!row) return unexpected(row.error());
  const auto number = st->integer(0);
  if (auto r = st->run(); !r) return unexpected(r.error());
  return number;
}

}  // namespace

expected<std::string, StorageError> next_case_reference(VaultState& s, int year) {
  // Every vault numbers from SH-YYYY-0001, so imported cases hold numbers of
  // other vaults: our own numbering skips every reference a case here holds,
  // so a new case never shares one (issue 10, finding 7).
  for (;;) {
    auto number = next_number(s, year);
    if (!number) return unexpected(number.error());
    char buf[48];
    std::snprintf(buf, sizeof buf, "SH-%04d-%04lld", year, static_cast<long long>(*number));
    auto taken = s.db.prepare("SELECT 1 FROM case_summary WHERE reference = ?1 LIMIT 1");
    if (!taken) return unexpected(taken.error());
    taken->bind(1, std::string_view(buf));
    auto row = taken->step();
    if (!row) return unexpected(row.error());
    const bool in_use = *row;
    taken->reset();
    if (!in_use) return std::string(buf);
  }
}

expected<void, StorageError> write_case_summary(VaultState& s, const Record& c) {
  const std::string priority = text_of(c.fields, "priority");
  auto st = s.db.prepare(
      "INSERT INTO case_summary (case_id, reference, title, status, priority, priority_rank, created_at, last_change, "
      "change_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "(SELECT coalesce(max(change_seq), 0) + 1 FROM case_summary)) "
      "ON CONFLICT(case_id) DO UPDATE SET reference = excluded.reference, "
      "title = excluded.title, status = excluded.status, priority = excluded.priority, "
      "priority_rank = excluded.priority_rank, last_change = max(last_change, excluded.last_change), "
      "change_seq = excluded.change_seq");
  if (!st) return unexpected(st.error());
  st->bind(1, c.id).bind(2, text_of(c.fields, "reference")).bind(3, text_of(c.fields, "title"));
  st->bind(4, text_of(c.fields, "status")).bind(5, priority).bind(6, std::int64_t{priority_rank(priority)});
  st->bind(7, c.created_at).bind(8, c.updated_at);
  return st->run();
}

expected<void, StorageError> write_case_facets(VaultState& s, const Record& r, bool fresh) {
  const auto facets = facets_of(r);
  if (!fresh) {
    auto del = s.db.prepare("DELETE FROM case_facets WHERE record_id = ?1");
    if (!del) return unexpected(del.error());
    del->bind(1, r.id);
    if (auto x = del->run(); !x) return x;
  }
  const std::string& case_id = r.entity == "case" ? r.id : r.case_id;
  for (const auto& [kind, code] : facets) {
    auto ins = s.db.prepare("INSERT INTO case_facets (kind, code, case_id, record_id) VALUES (?1, ?2, ?3, ?4)");
    if (!ins) return unexpected(ins.error());
    ins->bind(1, kind).bind(2, code).bind(3, case_id).bind(4, r.id);
    if (auto x = ins->run(); !x) return x;
  }
  if (fresh && facets.empty()) return {};
  return refresh_case_facets(s, case_id);
}

expected<void, StorageError> refresh_case_summary(VaultState& s, std::string_view case_id, std::string_view entity,
                                                  const std::string& now) {
  if (entity == "risk_assessment") {
    if (auto r = refresh_risk(s, case_id); !r) return r;
  } else if (entity == "consent") {
    if (auto r = refresh_consent(s, case_id); !r) return r;
  }
  auto st = s.db.prepare(
      "UPDATE case_summary SET last_change = max(last_change, ?2), "
      "change_seq = (SELECT coalesce(max(change_seq), 0) + 1 FROM case_summary) WHERE case_id = ?1");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id).bind(2, now);
  return st->run();
}

}  // namespace safehold::storage::detail
