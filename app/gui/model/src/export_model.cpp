#include "safehold/appmodel/export_model.hpp"
#include "safehold/appmodel/ui_wake.hpp"

#include <algorithm>

#include "safehold/appmodel/contacts_model.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

namespace ex = core::exchange;

void ExportModel::add_case(const std::string& case_id) {
  storage::Vault& vault = session_->vault();
  for (const auto& c : cases_) {
    if (c.case_id == case_id) return;
  }
  auto summary = vault.cases().get(case_id);
  if (!summary) {
    error_key_ = "export.error.case";
    return;
  }
  shown_codepoints().add_utf8(summary->reference + summary->title);  // drawn in the chosen list
  cases_.push_back({case_id, summary->reference, summary->title});
  checked_ = false;
}

void ExportModel::remove_case(const std::string& case_id) {
  std::erase_if(cases_, [&](const ExportCase& c) { return c.case_id == case_id; });
  checked_ = false;
}

void ExportModel::toggle_recipient(const std::string& contact_id) {
  auto it = std::find(recipients_.begin(), recipients_.end(), contact_id);
  if (it == recipients_.end()) {
    recipients_.push_back(contact_id);
  } else {
    recipients_.erase(it);
  }
  checked_ = false;
}

bool ExportModel::has_recipient(const std::string& contact_id) const {
  return std::find(recipients_.begin(), recipients_.end(), contact_id) != recipients_.end();
}

void ExportModel::set_include_identifying(bool on) {
  include_identifying_ = on;
  checked_ = false;
}

bool ExportModel::search_cases(const std::string& text, std::size_t limit) {
  storage::Vault& vault = session_->vault();
  storage::CaseQuery q;
  q.text = text;
  q.limit = limit;
  auto rows = vault.cases().list(q);
  if (!rows) {
    error_key_ = "export.error.case";
    return false;
  }
  // The picker draws these titles; the case list may not have been shown
  // since unlock, so their glyphs may not be in the atlas yet.
  for (const auto& r : *rows) shown_codepoints().add_utf8(r.reference + r.title);
  choices_ = std::move(*rows);
  return true;
}

ex::ExportRequest ExportModel::request(bool identifying) const {
  ex::ExportRequest r;
  for (const auto& c : cases_) r.cases.push_back(c.case_id);
  r.recipients = recipients_;
  r.include_identifying = identifying;
  return r;
}

void ExportModel::check_if_needed() {
  storage::Vault& vault = session_->vault();
  if (checked_ || running()) return;
  checked_ = true;
  plan_.reset();
  identifying_ok_.clear();
  if (cases_.empty() || recipients_.empty()) return;
  error_key_ = nullptr;
  error_detail_.clear();
  // The plan for the choice as it stands, and one asking for identifying
  // fields, to know where consent would allow them (the checkbox).
  auto plan = ex::check_export(vault, request(include_identifying_));
  auto with_identity = include_identifying_ ? plan : ex::check_export(vault, request(true));
  if (!plan || !with_identity) {
    const auto& f = plan ? with_identity.error() : plan.error();
    error_key_ = failure_key(f);
    error_detail_ = f.describe();
    return;
  }
  for (const auto& c : with_identity->cases) {
    const bool refused = std::any_of(with_identity->problems.begin(), with_identity->problems.end(),
                                     [&](const ex::ExportProblem& p) {
                                       return p.case_id == c.case_id && p.contact_id.empty() &&
                                              p.scope == "store_real_identity";
                                     });
    if (!refused) identifying_ok_.push_back(c.case_id);
  }
  plan_ = std::move(*plan);
}

bool ExportModel::identifying_allowed(const std::string& case_id) const {
  return std::find(identifying_ok_.begin(), identifying_ok_.end(), case_id) != identifying_ok_.end();
}

bool ExportModel::identifying_allowed() const {
  if (cases_.empty()) return false;
  return std::all_of(cases_.begin(), cases_.end(), [&](const ExportCase& c) { return identifying_allowed(c.case_id); });
}

bool ExportModel::ready() const {
  return checked_ && plan_ && plan_->ok() && !cases_.empty() && !recipients_.empty() && !running();
}

bool ExportModel::start(const std::filesystem::path& folder, const std::string& file_name) {
  storage::Vault& vault = session_->vault();
  if (!ready()) return false;
  error_key_ = nullptr;
  error_detail_.clear();
  result_.reset();
  written_.clear();
  if (file_name.empty() || file_name.find('/') != std::string::npos) {
    error_key_ = "contacts.error.file_name";
    return false;
  }
  pending_ = folder / file_name;
  done_ = 0;
  total_ = 0;
  cancel_ = false;
  storage::OperationHooks hooks;
  hooks.progress = [this](std::uint64_t done, std::uint64_t total) {
    done_ = done;
    total_ = total;
    wake_ui_for_progress();
  };
  hooks.cancel_requested = [this] { return cancel_.load(); };
  return work_.start([&vault, req = request(include_identifying_), dest = pending_, hooks] {
    return ex::export_bundle(vault, req, dest, hooks);
  });
}

float ExportModel::progress() const {
  const std::uint64_t total = total_;
  if (total == 0) return -1.0f;
  return static_cast<float>(static_cast<double>(done_.load()) / static_cast<double>(total));
}

void ExportModel::poll() {
  auto r = work_.poll();
  if (!r) return;
  if (*r) {
    result_ = std::move(**r);
    written_ = pending_;
  } else {
    error_key_ = failure_key(r->error());
    error_detail_ = r->error().describe();
  }
  checked_ = false;  // the case now lists this bundle as already sent
}

void ExportModel::reset() {
  cancel_ = true;
  work_.wait();
  (void)work_.poll();
  cases_.clear();
  recipients_.clear();
  choices_.clear();
  include_identifying_ = false;
  checked_ = false;
  plan_.reset();
  identifying_ok_.clear();
  result_.reset();
  pending_.clear();
  written_.clear();
  error_key_ = nullptr;
  error_detail_.clear();
  cancel_ = false;
}

}  // namespace safehold::appmodel
