#include "case_index.hpp"

#include <cstdio>

#include "case_consent.hpp"
#include "json_access.hpp"

namespace safehold::storage::detail {
namespace {

using nlohmann::json;

int priority_rank(const std::string& p) {
  return p == "urgent" ? 4 : p == "high" ? 3 : p == "normal" ? 2 : p == "low" ? 1 : 0;
}

int risk_rank(const std::string& r) {
  return r == "critical" ? 4 : r == "high" ? 3 : r == "medium" ? 2 : r == "low" ? 1 : 0;
}

expected<void, StorageError> run_with_case(VaultState& s, const char* sql, std::string_view case_id) {
  auto st = s.db.prepare(sql);
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  return st->run();
}

// Facets come straight from the stored JSON with SQLite's JSON functions;
// json_type guards skip "not answered" markers.
expected<void, StorageError> refresh_incident_facets(VaultState& s, std::string_view case_id) {
  if (auto r = run_with_case(s, "DELETE FROM case_facets WHERE case_id = ?1 AND kind IN ('tactic', 'country')", case_id);
      !r) {
    return r;
  }
  if (auto r = run_with_case(
          s,
          "INSERT OR IGNORE INTO case_facets (kind, code, case_id) "
          "SELECT 'tactic', j.value, ?1 FROM records r, json_each(r.fields, '$.tactics') j "
          "WHERE r.case_id = ?1 AND r.entity = 'incident' AND json_type(r.fields, '$.tactics') = 'array' "
          "AND j.type = 'text'",
          case_id);
      !r) {
    return r;
  }
  return run_with_case(
      s,
      "INSERT OR IGNORE INTO case_facets (kind, code, case_id) "
      "SELECT 'country', json_extract(r.fields, CASE r.entity WHEN 'incident' THEN '$.country' ELSE '$.jurisdiction' END), ?1 "
      "FROM records r WHERE r.case_id = ?1 AND r.entity IN ('incident', 'legal_measure') "
      "AND json_type(r.fields, CASE r.entity WHEN 'incident' THEN '$.country' ELSE '$.jurisdiction' END) = 'text'",
      case_id);
}

expected<void, StorageError> refresh_risk(VaultState& s, std::string_view case_id) {
  auto st = s.db.prepare(
      "SELECT CASE WHEN json_type(fields, '$.rating') = 'text' THEN json_extract(fields, '$.rating') ELSE '' END "
      "FROM records WHERE case_id = ?1 AND entity = 'risk_assessment' "
      "ORDER BY CASE WHEN json_type(fields, '$.assessed_at') = 'text' THEN json_extract(fields, '$.assessed_at') "
      "ELSE created_at END DESC, rid DESC LIMIT 1");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  auto row = st->step();
  if (!row) return unexpected(row.error());
  const std::string rating = *row ? st->text(0) : std::string();
  st->reset();
  auto upd = s.db.prepare("UPDATE case_summary SET risk_rating = ?2, risk_rank = ?3 WHERE case_id = ?1");
  if (!upd) return unexpected(upd.error());
  upd->bind(1, case_id).bind(2, rating).bind(3, std::int64_t{risk_rank(rating)});
  return upd->run();
}

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

expected<std::string, StorageError> next_case_reference(VaultState& s, int year) {
  auto st = s.db.prepare(
      "INSERT INTO case_reference_counters (year, last_number) VALUES (?1, 1) "
      "ON CONFLICT(year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number");
  if (!st) return unexpected(st.error());
  st->bind(1, std::int64_t{year});
  auto row = st->step();
  if (!row) return unexpected(row.error());
  const auto number = st->integer(0);
  if (auto r = st->run(); !r) return unexpected(r.error());
  char buf[48];
  std::snprintf(buf, sizeof buf, "SH-%04d-%04lld", year, static_cast<long long>(number));
  return std::string(buf);
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
  if (auto r = st->run(); !r) return r;
  if (auto r = run_with_case(s, "DELETE FROM case_facets WHERE case_id = ?1 AND kind = 'purpose'", c.id); !r) return r;
  return run_with_case(s,
                       "INSERT OR IGNORE INTO case_facets (kind, code, case_id) "
                       "SELECT 'purpose', j.value, r.id FROM records r, json_each(r.fields, '$.purposes') j "
                       "WHERE r.id = ?1 AND json_type(r.fields, '$.purposes') = 'array' AND j.type = 'text'",
                       c.id);
}

expected<void, StorageError> refresh_case_summary(VaultState& s, std::string_view case_id, std::string_view entity,
                                                  const std::string& now) {
  if (entity == "incident" || entity == "legal_measure") {
    if (auto r = refresh_incident_facets(s, case_id); !r) return r;
  } else if (entity == "risk_assessment") {
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
