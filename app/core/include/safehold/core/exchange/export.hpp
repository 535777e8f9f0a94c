#pragma once
// Exporting cases as a sealed bundle (schema/bundle-v1.md) to contacts, with
// consent enforced by the software (data-model.md "Consent is enforced").
//
//   ExportRequest req{.cases = {case_id}, .recipients = {contact_id}};
//   auto plan = check_export(vault, req);        // pre-flight: writes nothing
//   if (plan && plan->ok()) export_bundle(vault, req, "/media/usb/case.age", hooks);
//
// The rules, per case and recipient (consent and identifying fields are
// decided by core/disclosure, safehold/core/disclosure/disclosure.hpp):
// - the recipient is a contact whose fingerprint was verified and who has a
//   kind (recipient_kind): sending to an unchecked key could hand the case to
//   an impostor;
// - the case's consent exists, is not withdrawn, answers "yes" to the
//   sharing scope of the recipient's kind (lawyer -> share_own_lawyer, ngo ->
//   share_named_ngos, host_authority -> share_host_authorities, un_body ->
//   share_un_bodies), and, if it lists allowed recipients, lists this contact
//   (by id, or by its organisation);
// - identifying fields (per the model) are left out, unless the request asks
//   for them and the consent allows them (scope store_real_identity "yes"
//   and disclosure level "named"); asking for them when consent does not
//   allow it is a refusal, not a silent omission.
//
// Streaming and constant memory: records are serialised per case, attachments
// stream from the vault's decrypting reader into the bundle writer, which
// re-checks their recorded SHA-256. The bundle is written through an atomic
// file writer and renamed into place only when complete; every exported case
// gets one bundle_exported audit entry per recipient and every exported
// evidence item a custody event "transferred" (bundle id and recipients), in
// one transaction committed just before the rename (so "to whom was this case
// sent" never misses a bundle that exists).
//
// Callable from a worker thread; progress and cancel through the hooks.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "safehold/core/exchange/exchange_error.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::core::exchange {

struct ExportRequest {
  std::vector<std::string> cases;       // case ids
  std::vector<std::string> recipients;  // contact ids
  bool include_identifying = false;
  // Only the withdrawal and deletion notices of these cases still waiting
  // for these recipients (schema/bundle-v1.md 12.4): no record, so no
  // consent check (a withdrawn or deleted case too); recipients verified.
  bool notices_only = false;
};

// One reason the export cannot go ahead.
struct ExportProblem {
  std::string case_id;     // "" for a problem of a recipient alone
  std::string reference;   // the case reference (SH-2026-0042), "" with case_id
  std::string contact_id;  // "" for a problem of a case alone
  std::string scope;       // the V-Scope code that is missing, if that is the reason
  std::string message;     // one line naming the case reference, contact and scope
};

struct CaseExportCheck {
  std::string case_id;
  std::string reference;
  storage::ConsentState consent = storage::ConsentState::none;
  std::vector<storage::Dispatch> already_sent;  // earlier bundles with this case
  bool identifying_included = false;
  std::size_t records = 0;
  std::size_t attachments = 0;
  std::uint64_t attachment_bytes = 0;
};

struct ExportPlan {
  std::vector<CaseExportCheck> cases;
  std::vector<ExportProblem> problems;
  bool ok() const noexcept { return problems.empty(); }
};

// Everything export_bundle checks, without writing anything. Fails (rather
// than listing a problem) only for unknown cases or contacts and vault errors.
[[nodiscard]] ExchangeResult<ExportPlan> check_export(storage::Vault& vault, const ExportRequest& request);

struct ExportResult {
  std::string bundle_id;
  std::string created;  // UTC, RFC 3339
  std::vector<std::string> recipients;  // contact ids
  std::size_t records = 0;
  std::size_t attachments = 0;
  std::size_t notices = 0;  // withdrawal and deletion notices carried (waiting for a recipient)
  std::uint64_t bytes = 0;  // size of the sealed file
};

// Writes the bundle to `destination` (which must not exist: conflict). A
// refusal by consent fails with consent_refused naming the first problem (all
// of them are in check_export's plan); cancellation or any failure leaves
// neither the file nor a temporary nor any audit entry.
[[nodiscard]] ExchangeResult<ExportResult> export_bundle(storage::Vault& vault, const ExportRequest& request,
                                                         const std::filesystem::path& destination,
                                                         const storage::OperationHooks& hooks = {});

}  // namespace safehold::core::exchange
