#include "safehold/appmodel/intake_model.hpp"

#include "safehold/appmodel/session_breaks.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"
#include "safehold/schema/formats.hpp"

namespace safehold::appmodel {

void IntakeModel::forget_checks() {
  save_attempted_ = false;
  fields_left_.clear();
  steps_left_.clear();
  scroll_target_.clear();
}

std::vector<IntakeProblem> IntakeModel::problems() const {
  return draft ? intake_problems(*draft) : std::vector<IntakeProblem>{};
}

namespace {
std::string left_key(std::string_view probe, int item) { return std::string(probe) + "#" + std::to_string(item); }
}  // namespace

bool IntakeModel::step_incomplete(IntakeStep s) const {
  if (!save_attempted_ && !steps_left_.contains(s) && (!draft || draft->step != s)) return false;
  for (const auto& p : problems()) {
    if (p.step != s) continue;
    if (save_attempted_ || steps_left_.contains(s) || fields_left_.contains(left_key(p.probe, p.item))) return true;
  }
  return false;
}

void IntakeModel::field_left(std::string_view probe) {
  if (!draft) return;
  const bool list_step = draft->step == IntakeStep::incidents || draft->step == IntakeStep::people ||
                         draft->step == IntakeStep::measures;
  fields_left_.insert(left_key(probe, list_step ? selected : -1));
}

const char* IntakeModel::field_problem(std::string_view probe) const {
  if (!draft) return nullptr;
  for (const auto& p : problems()) {
    if (p.step != draft->step || p.probe != probe || (p.item >= 0 && p.item != selected)) continue;
    if (save_attempted_ || steps_left_.contains(p.step) || fields_left_.contains(left_key(p.probe, p.item))) {
      return p.message_key();
    }
  }
  return nullptr;
}

void IntakeModel::begin() {
  forget_checks();
  draft = IntakeDraft::fresh();
  selected = -1;
  paused_ = false;
  dirty_ = true;
}

std::optional<std::string> IntakeModel::saved_draft() const {
  storage::Vault& vault = session_->vault();
  auto value = vault.drafts().get(kDraftKey);
  if (!value || !*value) return std::nullopt;
  auto json = Json::parse(**value, nullptr, false);
  auto d = IntakeDraft::from_json(json);
  if (!d) return std::nullopt;
  return d->started_at;
}

bool IntakeModel::resume() {
  storage::Vault& vault = session_->vault();
  auto value = vault.drafts().get(kDraftKey);
  if (!value || !*value) return false;
  auto d = IntakeDraft::from_json(Json::parse(**value, nullptr, false));
  if (!d) return false;
  shown_codepoints().add_json(d->to_json());
  forget_checks();
  draft = std::move(*d);
  selected = -1;
  paused_ = false;
  dirty_ = false;
  return true;
}

void IntakeModel::discard() {
  storage::Vault& vault = session_->vault();
  (void)vault.drafts().remove(kDraftKey);
  draft.reset();
  dirty_ = false;
}

void IntakeModel::autosave(bool force) {
  storage::Vault& vault = session_->vault();
  if (!draft || !dirty_) return;
  if (!force && since_save_.elapsed() < kAutosaveEvery) return;
  if (vault.drafts().put(kDraftKey, draft->to_json().dump())) {
    dirty_ = false;
    save_error_key_ = nullptr;
  } else {
    save_error_key_ = "intake.error.draft_not_saved";
  }
  since_save_.reset();
}

const char* IntakeModel::consent_missing_key() const {
  if (!draft) return "intake.consent.missing.given_at";
  const Json& c = draft->consent.fields;
  if (!schema::is_utc_timestamp(text_of(c, "given_at"))) return "intake.consent.missing.given_at";
  if (text_of(c, "method").empty()) return "intake.consent.missing.method";
  if (!c.contains("scopes") || !c["scopes"].is_object() || text_of(c["scopes"], "be_interviewed") != "yes") {
    return "intake.consent.missing.interview";
  }
  return nullptr;
}

bool IntakeModel::step_open(IntakeStep s) const {
  if (!draft) return false;
  return s == IntakeStep::consent || s == IntakeStep::session || consent_complete();
}

void IntakeModel::go(IntakeStep s) {
  if (!step_open(s)) return;
  if (draft->step != s) steps_left_.insert(draft->step);
  draft->step = s;
  selected = -1;
  dirty_ = true;
}

void IntakeModel::pause(std::string_view requested_by) {
  if (!draft || paused_) return;
  start_break(draft->session.fields, requested_by);
  paused_ = true;
  dirty_ = true;
}

void IntakeModel::resume_after_pause() {
  if (!draft || !paused_) return;
  end_break(draft->session.fields);
  paused_ = false;
  dirty_ = true;
}

std::set<std::string> IntakeModel::sensitive_opened() const {
  if (!draft) return {};
  return sensitive_modules_of(draft->session.fields);
}

std::size_t IntakeModel::add_incident() {
  draft->incidents.push_back({new_uuid(), Json::object()});
  dirty_ = true;
  return draft->incidents.size() - 1;
}

std::size_t IntakeModel::add_person() {
  // Relatives in the country of origin cannot consent: marked so by default.
  draft->people.push_back({new_uuid(), Json{{"third_party_not_consented", true}}});
  dirty_ = true;
  return draft->people.size() - 1;
}

std::size_t IntakeModel::add_measure() {
  draft->measures.push_back({new_uuid(), Json::object()});
  dirty_ = true;
  return draft->measures.size() - 1;
}

std::size_t IntakeModel::add_evidence(std::string file) {
  DraftEvidence e{{new_uuid(), Json::object()}, std::move(file)};
  e.record.fields["acquired_at"] = utc_now();
  draft->evidence.push_back(std::move(e));
  dirty_ = true;
  return draft->evidence.size() - 1;
}

std::vector<std::pair<std::string, std::string>> IntakeModel::options(std::string_view entity) const {
  std::vector<std::pair<std::string, std::string>> out;
  if (!draft) return out;
  auto label_or = [](const Json& f, const char* key, std::size_t n, const char* fallback) {
    std::string s = text_of(f, key);
    return s.empty() ? std::string(fallback) + " " + std::to_string(n + 1) : s;
  };
  if (entity == "person") {
    out.emplace_back(draft->interviewee.id, label_or(draft->interviewee.fields, "pseudonym", 0, "#"));
    for (std::size_t i = 0; i < draft->people.size(); ++i) {
      out.emplace_back(draft->people[i].id, label_or(draft->people[i].fields, "pseudonym", i + 1, "#"));
    }
  } else if (entity == "incident") {
    for (std::size_t i = 0; i < draft->incidents.size(); ++i) {
      out.emplace_back(draft->incidents[i].id, label_or(draft->incidents[i].fields, "title", i, "#"));
    }
  } else if (entity == "legal_measure") {
    for (std::size_t i = 0; i < draft->measures.size(); ++i) {
      out.emplace_back(draft->measures[i].id, label_or(draft->measures[i].fields, "type", i, "#"));
    }
  } else if (entity == "evidence_item") {
    for (std::size_t i = 0; i < draft->evidence.size(); ++i) {
      out.emplace_back(draft->evidence[i].record.id, label_or(draft->evidence[i].record.fields, "kind", i, "#"));
    }
  }
  return out;
}

bool IntakeModel::save() {
  storage::Vault& vault = session_->vault();
  if (!draft || !consent_complete() || saving()) return false;
  autosave(/*force=*/true);
  if (const auto found = problems(); !found.empty()) {
    save_attempted_ = true;
    save_error_key_ = "intake.error.incomplete";
    go(found.front().step);
    selected = found.front().item;
    scroll_target_ = found.front().probe;
    return false;
  }
  save_failure_.reset();
  progress_.files_done = 0;
  progress_.files_total = 0;
  progress_.cancel = false;
  // The worker gets its own copy: the screen keeps showing (not editing) the draft.
  return save_work_.start([&vault, d = *draft, p = &progress_]() { return save_intake(vault, d, p); });
}

std::optional<SavedCase> IntakeModel::poll_save() {
  storage::Vault& vault = session_->vault();
  auto r = save_work_.poll();
  if (!r) return std::nullopt;
  if (!*r) {
    save_failure_ = r->error();
    return std::nullopt;
  }
  (void)vault.drafts().remove(kDraftKey);
  reset();
  return **r;
}

void IntakeModel::reset() {
  forget_checks();
  draft.reset();
  selected = -1;
  paused_ = false;
  dirty_ = false;
  save_error_key_ = nullptr;
  save_failure_.reset();
}

}  // namespace safehold::appmodel
