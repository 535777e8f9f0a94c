#pragma once
// The audit viewer's state: entries read page by page (oldest first) as the
// list scrolls, and a chain verification on a worker thread.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/appmodel/background.hpp"
#include "safehold/storage/vault.hpp"
#include "safehold/appmodel/session.hpp"

namespace safehold::appmodel {

// i18n key of an audit action: "audit.action.<action>".
[[nodiscard]] std::string audit_action_key(std::string_view action);
// What an entry is about, in the UI language: the entity's label from the
// schema ("Incident", "事件"), or "Vault" / "File" for the vault itself and
// attachment content. Never an id.
[[nodiscard]] std::string audit_object_label(std::string_view object_type);
// The object types storage writes besides entity names ("vault", "attachment").
[[nodiscard]] const std::vector<std::string_view>& audit_non_entity_object_types();

class AuditView {
 public:
  explicit AuditView(Session& session) : session_(&session) {}

  static constexpr std::size_t kPage = 500;

  [[nodiscard]] const std::vector<storage::AuditEntry>& entries() const { return entries_; }
  [[nodiscard]] bool exhausted() const { return exhausted_; }
  // Reads the next page; false (and error_key) on a storage error.
  bool load_more();
  bool verify();
  [[nodiscard]] bool verifying() const { return verify_.busy(); }
  void poll();
  [[nodiscard]] const std::optional<storage::AuditVerification>& verification() const { return result_; }
  [[nodiscard]] const char* error_key() const { return error_key_; }
  // The reference (SH-2026-0042) of the entry's case, read when its page was
  // loaded; "" when the entry is not about a case; the translated "deleted
  // case" when the case is gone.
  [[nodiscard]] std::string case_reference(const storage::AuditEntry& e) const;
  void wait() { verify_.wait(); }
  void reset();

 private:
  Session* session_;  // the vault of the unlocked app (session.hpp)
  std::vector<storage::AuditEntry> entries_;
  std::map<std::string, std::string, std::less<>> case_refs_;  // case id -> reference ("" = gone)
  bool exhausted_ = false;
  Background<expected<storage::AuditVerification, storage::StorageError>> verify_;
  std::optional<storage::AuditVerification> result_;
  const char* error_key_ = nullptr;
};

}  // namespace safehold::appmodel
