#pragma once
// The one error type of the report module (schema/report-v1.md).
//
// Contract: `detail` holds only ids, case references, scope and vocabulary
// codes, contact display names, counts and paths the user typed: never
// testimony, names of interviewees or file content.
#include <string>

#include "safehold/expected.hpp"

namespace safehold::report {

enum class ReportError {
  invalid_request,  // bad audience, language, paper, or no --plaintext consent to write
  not_found,        // no such case or contact
  consent_refused,  // the case's consent does not let it go to this audience
  not_allowed,      // the contact is not verified or has no kind
  exists,           // FILE.pdf or FILE.pdf.minisig already exists
  layout_failed,    // Pango/Cairo could not lay out or write the PDF
  signing_failed,   // the vault's signing key could not be loaded or used
  vault_failed,     // the vault refused or failed
  file_failed,      // writing the output failed (disk full, permission...)
  invalid_input,    // a data export to import that is not a valid one (schema/export-v1.md section 5)
  cancelled,        // the caller cancelled (statistics in the desktop app); nothing was written
};

struct ReportFailure {
  ReportError code = ReportError::vault_failed;
  std::string detail;
  std::string describe() const;  // one line
};

const char* describe(ReportError e) noexcept;

template <class T>
using ReportResult = expected<T, ReportFailure>;

inline unexpected<ReportFailure> report_fail(ReportError code, std::string detail) {
  return unexpected<ReportFailure>(ReportFailure{code, std::move(detail)});
}

}  // namespace safehold::report
