// ConsentService: consent state, scope answers, the current consent and the
// dispatch history (docs/storage.md "Consent").
#include "safehold/storage/consent.hpp"

#include "case_consent.hpp"
#include "case_index.hpp"
#include "withdrawal_marks.hpp"
#include "safehold/schema/vocabulary.hpp"

namespace safehold::storage {
using detail::VaultAccess;

namespace {

bool known_scope(std::string_view code) {
  const auto* vocab = schema::Vocabularies::builtin().find("scope");
  return vocab != nullptr && vocab->find(code) != nullptr;
}

}  // namespace

expected<ConsentState, StorageError> ConsentService::state(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto header = detail::case_header(a.state(), case_id);
  if (!header) return unexpected(header.error());
  return header->consent;
}

expected<std::string, StorageError> ConsentService::scope(std::string_view case_id, std::string_view scope_code) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (!known_scope(scope_code)) return unexpected(make_error(VaultError::invalid_argument, "unknown consent scope"));
  if (auto h = detail::case_header(a.state(), case_id); !h) return unexpected(h.error());
  auto consent = detail::case_consent(a.state(), case_id);
  if (!consent) return unexpected(consent.error());
  return consent->answer(std::string(scope_code));
}

expected<CurrentConsent, StorageError> ConsentService::current(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  if (auto h = detail::case_header(a.state(), case_id); !h) return unexpected(h.error());
  return detail::case_consent(a.state(), case_id);
}

expected<void, StorageError> ConsentService::for_each_current(
    const std::function<void(const std::string& case_id, const CurrentConsent& consent)>& visit,
    const ScanHooks& hooks) {
  detail::ScanPosition after;
  std::optional<detail::WithdrawalMarks> marks;  // read with the first chunk, once
  return detail::run_chunked(hooks, [&](std::size_t limit) -> expected<std::size_t, StorageError> {
    VaultAccess a(s_);  // per chunk: the UI thread gets the vault between chunks
    if (!a.ok()) return unexpected(a.error());
    if (!marks) {
      auto loaded = detail::load_withdrawal_marks(a.state());
      if (!loaded) return unexpected(loaded.error());
      marks = std::move(*loaded);
    }
    return detail::each_case_consent(a.state(), *marks, after, limit, visit);
  });
}

expected<std::vector<Dispatch>, StorageError> ConsentService::sent_to(std::string_view case_id) {
  VaultAccess a(s_);
  if (!a.ok()) return unexpected(a.error());
  auto st = a.state().db.prepare(
      "SELECT counterparty, reference, at, action FROM audit_log WHERE case_id = ?1 "
      "AND action IN ('bundle_exported', 'report_written', 'data_exported') ORDER BY seq");
  if (!st) return unexpected(st.error());
  st->bind(1, case_id);
  return st->all_rows([](const detail::Statement& row) {
    Dispatch d{row.text(0), row.text(1), row.text(2), AuditAction::bundle_exported, ""};
    const std::string action = row.text(3);
    if (action == to_string(AuditAction::report_written)) d.action = AuditAction::report_written;
    if (action == to_string(AuditAction::data_exported)) d.action = AuditAction::data_exported;
    // A report or export for a kind of recipient names no contact
    // (audit counterparty "kind:<code>", schema/report-v1.md section 5).
    constexpr std::string_view kind_prefix = "kind:";
    if (d.contact_id.starts_with(kind_prefix)) {
      d.recipient_kind = d.contact_id.substr(kind_prefix.size());
      d.contact_id.clear();
    }
    return d;
  });
}

}  // namespace safehold::storage
