#pragma once
// The audit viewer's state: entries read page by page (oldest first) as the
// list scrolls, and a chain verification on a worker thread.
#include <optional>
#include <vector>

#include "safehold/appmodel/background.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::appmodel {

class AuditView {
 public:
  static constexpr std::size_t kPage = 500;

  [[nodiscard]] const std::vector<storage::AuditEntry>& entries() const { return entries_; }
  [[nodiscard]] bool exhausted() const { return exhausted_; }
  // Reads the next page; false (and error_key) on a storage error.
  bool load_more(storage::Vault& vault);
  bool verify(storage::Vault& vault);
  [[nodiscard]] bool verifying() const { return verify_.busy(); }
  void poll();
  [[nodiscard]] const std::optional<storage::AuditVerification>& verification() const { return result_; }
  [[nodiscard]] const char* error_key() const { return error_key_; }
  void wait() { verify_.wait(); }
  void reset();

 private:
  std::vector<storage::AuditEntry> entries_;
  bool exhausted_ = false;
  Background<expected<storage::AuditVerification, storage::StorageError>> verify_;
  std::optional<storage::AuditVerification> result_;
  const char* error_key_ = nullptr;
};

}  // namespace safehold::appmodel
