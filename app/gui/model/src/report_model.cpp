#include "safehold/appmodel/report_model.hpp"

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/core/disclosure/disclosure.hpp"

namespace safehold::appmodel {

namespace dc = core::disclosure;

const std::vector<std::string>& ReportModel::audience_kinds() {
  static const std::vector<std::string> kinds = {"lawyer", "ngo", "host_authority", "un_body"};
  return kinds;
}

void ReportModel::open(const std::string& case_id) {
  if (writing()) return;  // the dialog stays on the report being written
  close();
  request_.case_id = case_id;
  request_.language = schema_language(current_language());  // the labels start in the UI's language
}

void ReportModel::close() {
  // A finished check not yet collected holds the case's report and its
  // first page as pixels in the worker's result: dropped here, so a lock
  // (which waits for the worker, then closes) keeps none of it. A write in
  // progress is waited for (never left half done) and its result dropped.
  (void)work_.poll();
  writer_.wait();
  (void)writer_.poll();
  request_ = {};
  invalidate();
  written_.reset();
  written_path_.clear();
}

void ReportModel::invalidate() {
  checked_ = false;
  ++generation_;  // a check still running answers an older choice: dropped when it arrives
  composed_.reset();
  identifying_allowed_ = false;
  identifying_refusal_.clear();
  if (preview_) {
    preview_.reset();
    ++preview_generation_;
  }
  error_key_ = nullptr;
  error_detail_.clear();
}

void ReportModel::set_contact(const std::string& contact_id) {
  if (writing()) return;  // the report being written is the one chosen
  request_.contact_id = contact_id;
  request_.audience_kind.clear();
  invalidate();
}

void ReportModel::set_audience_kind(const std::string& kind) {
  if (writing()) return;  // the report being written is the one chosen
  request_.audience_kind = kind;
  request_.contact_id.clear();
  invalidate();
}

void ReportModel::set_include_identifying(bool on) {
  if (writing()) return;  // the report being written is the one chosen
  request_.include_identifying = on;
  invalidate();
}

void ReportModel::set_language(schema::Language lang) {
  if (writing()) return;  // the report being written is the one chosen
  request_.language = lang;
  invalidate();
}

void ReportModel::set_paper(report::Paper paper) {
  if (writing()) return;  // the report being written is the one chosen
  request_.paper = paper;
  invalidate();
}

void ReportModel::fail(const report::ReportFailure& f) {
  error_key_ = report_error_key(f.code);
  error_detail_ = f.detail;
}

// On the worker: asks disclosure alone (no records read) whether
// identifying fields could go to this audience, so the dialog can say why
// not before it is asked; then composes the report and draws its first page.
// Touches nothing of the model: the vault is safe to use from several
// threads (storage's own mutex).
ReportModel::Prepared ReportModel::prepare(storage::Vault& vault, const report::ReportRequest& request,
                                           std::uint64_t generation) {
  Prepared out;
  out.generation = generation;
  const dc::Audience audience = request.contact_id.empty() ? dc::Audience::of_kind(request.audience_kind)
                                                           : dc::Audience::contact(request.contact_id);
  auto decided = dc::check_case(vault, request.case_id, std::span(&audience, 1), {.include_identifying = true});
  if (!decided) {
    out.identifying_refusal = decided.error().detail;
  } else {
    out.identifying_allowed = decided->allowed();
    if (!decided->refusals.empty()) out.identifying_refusal = decided->refusals.back().message;
  }
  auto composed = report::compose_report(vault, request);
  if (!composed) {
    out.failure = composed.error();
    return out;
  }
  auto page = report::render_page_image(composed->document, request.paper, 0, kPreviewWidth);
  if (!page) {
    out.failure = page.error();
    return out;
  }
  out.composed = std::move(*composed);
  out.preview = std::move(*page);
  return out;
}

void ReportModel::apply(Prepared&& done) {
  applied_generation_ = done.generation;
  identifying_allowed_ = done.identifying_allowed;
  identifying_refusal_ = std::move(done.identifying_refusal);
  if (done.failure) {
    fail(*done.failure);
    return;
  }
  composed_ = std::move(done.composed);
  preview_ = std::move(done.preview);
  ++preview_generation_;
}

bool ReportModel::preparing() const {
  return is_open() && !(request_.contact_id.empty() && request_.audience_kind.empty()) &&
         applied_generation_ != generation_;
}

void ReportModel::check_if_needed() {
  storage::Vault& vault = session_->vault();
  collect_write();
  if (auto done = work_.poll(); done && done->generation == generation_) apply(std::move(*done));
  if (checked_ || !is_open()) return;
  if (request_.contact_id.empty() && request_.audience_kind.empty()) {  // nothing chosen yet
    checked_ = true;
    return;
  }
  if (work_.busy()) return;  // an older choice's check: started again once it is collected
  checked_ = true;
  (void)work_.start([&vault, request = request_, generation = generation_] {
    return prepare(vault, request, generation);
  });
}

bool ReportModel::write(const std::filesystem::path& folder, const std::string& file_name) {
  if (writing() || !is_open()) return false;
  written_.reset();
  written_path_.clear();
  error_key_ = nullptr;
  error_detail_.clear();
  if (file_name.empty() || std::filesystem::path(file_name).has_parent_path()) {
    error_key_ = "report.error.file_name";
    return false;
  }
  storage::Vault& vault = session_->vault();
  // The dialog showed the plaintext warning and the user accepted it. The
  // worker composes again from the request (the vault may have changed
  // since the preview): what is written is what consent allows now.
  return writer_.start([&vault, request = request_, target = folder / file_name] {
    return WrittenFile{target, report::write_report(vault, request, target, report::PlaintextConsent::given)};
  });
}

void ReportModel::collect_write() {
  auto done = writer_.poll();
  if (!done) return;
  if (!done->result) {
    fail(done->result.error());
    return;
  }
  written_ = std::move(*done->result);
  written_path_ = std::move(done->target);
}

const char* report_error_key(report::ReportError e) noexcept {
  using report::ReportError;
  switch (e) {
    case ReportError::invalid_request:
    case ReportError::invalid_input:  // a data export to import: never made by this dialog
      return "report.error.invalid_request";
    case ReportError::not_found: return "report.error.not_found";
    case ReportError::consent_refused: return "report.error.consent_refused";
    case ReportError::not_allowed: return "report.error.not_allowed";
    case ReportError::exists: return "report.error.exists";
    case ReportError::layout_failed: return "report.error.layout_failed";
    case ReportError::signing_failed: return "report.error.signing_failed";
    case ReportError::vault_failed: return "report.error.vault_failed";
    case ReportError::file_failed: return "report.error.file_failed";
    case ReportError::cancelled: return "report.error.cancelled";
  }
  return "report.error.vault_failed";
}

}  // namespace safehold::appmodel
