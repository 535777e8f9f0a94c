#pragma once
// The Report… dialog's state (issue 13): one case, one audience (a contact
// or a kind of recipient), identifying fields, language and paper. Every
// change of the choice re-runs app/report's own check (compose_report: the
// consent and redaction decisions of core::disclosure, nothing decided
// here) and renders the first page in memory for the preview; write() then
// calls write_report exactly as the CLI does, only after the user accepted
// that a PDF is plaintext. Nothing here touches the disk but write().
//
// The check and the preview run on a worker thread (a 232-page case takes
// seconds): check_if_needed() only starts it and collects a finished one,
// so no frame waits. Each change of the choice bumps a generation; a result
// of an older generation is dropped when it arrives, and the check for the
// current choice starts as soon as the worker is free. preparing() says
// the shown answer is not yet the current choice's.
//
// Writing the PDF (and its .minisig) runs on a second worker too: write()
// only starts it, check_if_needed() collects it. While it runs, writing()
// is true, the choice cannot change (the setters and open() do nothing) and
// close() waits for it: write_report publishes both files or neither
// (temporaries linked only when complete), so there is never half a file,
// and its result is then dropped. A lock waits for it (wait()), as for the
// check.
//
// Errors: error_key() is an i18n key, error_detail() app/report's one-line
// description (codes, references, contact names: never record content).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "safehold/appmodel/background.hpp"
#include "safehold/report/pdf.hpp"
#include "safehold/report/report.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"
#include "safehold/appmodel/written_file.hpp"

namespace safehold::appmodel {

class ReportModel {
 public:
  explicit ReportModel(Session& session) : session_(&session) {}

  // The kinds of recipient an audience may be, as the CLI's --audience.
  static const std::vector<std::string>& audience_kinds();

  void open(const std::string& case_id);
  void close();  // forgets everything, the preview included
  [[nodiscard]] bool is_open() const { return !request_.case_id.empty(); }
  [[nodiscard]] const std::string& case_id() const { return request_.case_id; }

  // Choosing one clears the other.
  void set_contact(const std::string& contact_id);
  void set_audience_kind(const std::string& kind);
  void set_include_identifying(bool on);
  void set_language(schema::Language lang);
  void set_paper(report::Paper paper);
  [[nodiscard]] const report::ReportRequest& request() const { return request_; }

  // Once per frame: collects a finished check (dropped if the choice changed
  // since it started) and starts one for the current choice when it is
  // needed and the worker is free. Never blocks.
  void check_if_needed();
  // An audience is chosen and its check and preview are not in yet.
  [[nodiscard]] bool preparing() const;
  // Blocks until both workers are idle (lock: they hold a reference to the
  // vault). A write runs to its end: its files are published or not at all.
  void wait() {
    work_.wait();
    writer_.wait();
  }
  // A check or a write is running, or its result is not collected yet
  // (each holds a reference to the vault, a check the case's text).
  [[nodiscard]] bool working() const { return work_.busy() || writer_.busy(); }
  // A write started by write() is running or not collected yet.
  [[nodiscard]] bool writing() const { return writer_.busy(); }
  // The report as it would be written (the cover's facts and what is left
  // out and why), or nullopt when refused (then error_key()).
  [[nodiscard]] const std::optional<report::ComposedReport>& composed() const { return composed_; }
  // Whether consent allows identifying fields for this audience, and the
  // one-line reason when it does not.
  [[nodiscard]] bool identifying_allowed() const { return identifying_allowed_; }
  [[nodiscard]] const std::string& identifying_refusal() const { return identifying_refusal_; }
  // The first page, laid out as in the PDF (pixels in memory only, in a
  // buffer wiped when freed).
  [[nodiscard]] const std::optional<report::PageImage>& preview() const { return preview_; }
  // Bumped whenever preview() changes (the GUI re-uploads its texture).
  [[nodiscard]] std::uint64_t preview_generation() const { return preview_generation_; }
  [[nodiscard]] bool ready() const { return composed_.has_value(); }

  // Starts writing `folder`/`file_name` and its .minisig on the worker
  // (write_report, the CLI's call, with the plaintext consent the dialog
  // asked for); check_if_needed() collects the result into written() or
  // error_key(). False, nothing started, for a name that is not a plain file
  // name (error_key() says so), when the dialog is closed, or while a write
  // runs.
  bool write(const std::filesystem::path& folder, const std::string& file_name);
  [[nodiscard]] const std::optional<report::ReportWritten>& written() const { return written_; }
  [[nodiscard]] const std::filesystem::path& written_path() const { return written_path_; }

  [[nodiscard]] const char* error_key() const { return error_key_; }
  [[nodiscard]] const std::string& error_detail() const { return error_detail_; }

  static constexpr int kPreviewWidth = 800;  // pixels; drawn smaller, so the text stays sharp

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  // What the worker hands back for one generation of the choice.
  struct Prepared {
    std::uint64_t generation = 0;
    bool identifying_allowed = false;
    std::string identifying_refusal;
    std::optional<report::ComposedReport> composed;
    std::optional<report::PageImage> preview;
    std::optional<report::ReportFailure> failure;
  };
  static Prepared prepare(storage::Vault& vault, const report::ReportRequest& request, std::uint64_t generation);
  void collect_write();
  void apply(Prepared&& done);
  void invalidate();
  void fail(const report::ReportFailure& f);

  report::ReportRequest request_;
  bool checked_ = false;             // the current choice's check was started (or needs none)
  std::uint64_t generation_ = 1;     // bumped at every change of the choice
  std::uint64_t applied_generation_ = 0;
  Background<Prepared> work_;
  Background<WrittenFile<report::ReportWritten>> writer_;
  std::optional<report::ComposedReport> composed_;
  bool identifying_allowed_ = false;
  std::string identifying_refusal_;
  std::optional<report::PageImage> preview_;
  std::uint64_t preview_generation_ = 0;
  std::optional<report::ReportWritten> written_;
  std::filesystem::path written_path_;
  const char* error_key_ = nullptr;
  std::string error_detail_;
};

// "report.error.<code>" for a failure of app/report.
[[nodiscard]] const char* report_error_key(report::ReportError e) noexcept;

}  // namespace safehold::appmodel
