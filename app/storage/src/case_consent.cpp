#include "case_consent.hpp"
#include "withdrawal_marks.hpp"

#include "json_access.hpp"
#include "record_rows.hpp"

namespace safehold::storage::detail {
namespace {

using nlohmann::json;

// Later given_at wins; ties (or not answered) fall back to creation order.
bool is_later(const Record& a, const Record& b) {
  const std::string ga = text_of(a.fields, "given_at");
  const std::string gb = text_of(b.fields, "given_at");
  if (ga != gb) return ga > gb;
  return a.created_at > b.created_at;
}

}  // namespace

}  // namespace safehold::storage::detail

namespace safehold::storage {

std::string CurrentConsent::answer(const std::string& scope) const {
  auto it = scopes.find(scope);
  return it == scopes.end() ? std::string() : it->second;
}

}  // namespace safehold::storage

namespace safehold::storage::detail {

bool allowed_before_consent(const Record& r) {
  if (r.entity == "case" || r.entity == "consent" || r.entity == "interview_session") return true;
  if (r.entity != "person") return false;
  const json* roles = member(r.fields, "roles");
  if (roles == nullptr || !roles->is_array()) return false;
  for (const auto& role : *roles) {
    if (role.is_string() && role.get<std::string>() == "interviewee") return true;
  }
  return false;
}

CaseConsent evaluate_consent(const std::vector<Record>& records) {
  CaseConsent out;
  const Record* current = nullptr;
  for (const auto& r : records) {
    if (current == nullptr || is_later(r, *current)) current = &r;
  }
  if (current == nullptr) return out;
  out.state = ConsentState::given;
  out.consent_id = current->id;
  const json& f = current->fields;
  out.disclosure = text_of(f, "disclosure");
  if (const json* scopes = member(f, "scopes"); scopes != nullptr && scopes->is_object()) {
    for (const auto& [scope, answer] : scopes->get_ref<const json::object_t&>()) {
      if (answer.is_string()) out.scopes[scope] = answer.get<std::string>();
    }
  }
  if (const json* list = member(f, "allowed_recipients"); list != nullptr && list->is_array()) {
    for (const auto& item : list->get_ref<const json::array_t&>()) {
      const std::string contact = text_of(item, "contact");
      const std::string org = text_of(item, "organisation");
      if (!contact.empty()) out.allowed_contacts.insert(contact);
      if (!org.empty()) out.allowed_organisations.insert(org);
      out.restricts_recipients = out.restricts_recipients || !contact.empty() || !org.empty();
    }
  }
  // A withdrawal is recorded by filling in `withdrawal` with a time or an extent.
  const json* w = member(f, "withdrawal");
  if (w == nullptr || !w->is_object()) return out;
  const std::string at = text_of(*w, "at");
  std::string extent = text_of(*w, "extent");
  if (at.empty() && extent.empty()) return out;
  if (extent.empty()) extent = "all";
  if (extent == "listed_scopes") {
    if (const json* listed = member(*w, "scopes"); listed != nullptr && listed->is_array()) {
      for (const auto& scope : listed->get_ref<const json::array_t&>()) {
        if (scope.is_string()) out.scopes[scope.get<std::string>()] = "no";
      }
    }
    return out;
  }
  out.state = ConsentState::withdrawn;
  for (auto& [scope, answer] : out.scopes) answer = "no";
  return out;
}

namespace {

// A withdrawal recorded on a copy holds whatever the owner's copies say.
void add_mark(CaseConsent& consent, std::optional<WithdrawalMark> mark) {
  if (!mark) return;
  apply_withdrawal_mark(consent, *mark);
  consent.withdrawal_mark = std::move(mark);
}

}  // namespace

expected<CaseConsent, StorageError> case_consent(VaultState& s, std::string_view case_id) {
  auto records = load_case_records(s, case_id, "consent");
  if (!records) return unexpected(records.error());
  auto out = evaluate_consent(*records);
  auto mark = load_withdrawal_mark(s, case_id);
  if (!mark) return unexpected(mark.error());
  add_mark(out, std::move(*mark));
  return out;
}

expected<std::size_t, StorageError> each_case_consent(
    VaultState& s, const WithdrawalMarks& marks, ScanPosition& after, std::size_t limit,
    const std::function<void(const std::string& case_id, const CaseConsent& consent)>& visit) {
  // The next `limit` cases with their consent records (none: one row of
  // NULLs), case after case and within a case in the order
  // load_case_records gives (created_at, rid: evaluate_consent breaks exact
  // ties by it), so only one case's records are held at a time.
  auto st = s.db.prepare(
      "SELECT c.id, r.id, r.created_at, r.fields, c.rid, c.created_at FROM "
      "(SELECT k.rid, k.id, k.created_at FROM records k WHERE" + chunk_clause("k") + ") c "
      "LEFT JOIN records r ON r.case_id = c.id AND r.entity = 'consent' "
      "ORDER BY c.created_at, c.rid, r.created_at, r.rid");
  if (!st) return unexpected(st.error());
  st->bind(1, std::string_view("case")).bind(2, after.created_at).bind(3, after.rid);
  st->bind(4, static_cast<std::int64_t>(limit));
  std::size_t cases = 0;
  std::string case_id;
  std::vector<Record> one_case;
  auto flush = [&] {
    if (case_id.empty()) return;
    CaseConsent c = evaluate_consent(one_case);
    const auto mark = marks.find(case_id);
    add_mark(c, mark == marks.end() ? std::nullopt : std::optional<WithdrawalMark>(mark->second));
    visit(case_id, c);
    one_case.clear();
  };
  for (;;) {
    auto row = st->step();
    if (!row) return unexpected(row.error());
    if (!*row) break;
    const std::string id = st->text(0);
    if (id != case_id) {
      flush();
      case_id = id;
      after = {st->text(5), st->integer(4)};
      ++cases;
    }
    if (st->is_null(1)) continue;  // a case without consent records: state none
    Record r;
    r.entity = "consent";
    r.case_id = id;
    r.id = st->text(1);
    r.created_at = st->text(2);
    r.fields = nlohmann::json::parse(st->text(3), nullptr, false);
    if (!r.fields.is_object()) return unexpected(make_error(VaultError::database_corrupt, "record " + r.id + " fields"));
    one_case.push_back(std::move(r));
  }
  flush();
  return cases;
}

}  // namespace safehold::storage::detail
