#include "safehold/appmodel/audit_view.hpp"

#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

bool AuditView::load_more(storage::Vault& vault) {
  if (exhausted_) return true;
  const std::int64_t after = entries_.empty() ? 0 : entries_.back().seq;
  auto page = vault.audit().page(after, kPage);
  if (!page) {
    error_key_ = "audit.error.read";
    return false;
  }
  if (page->size() < kPage) exhausted_ = true;
  for (auto& e : *page) {
    shown_codepoints().add_utf8(e.actor);
    entries_.push_back(std::move(e));
  }
  return true;
}

bool AuditView::verify(storage::Vault& vault) {
  result_.reset();
  return verify_.start([&vault] { return vault.audit().verify(); });
}

void AuditView::poll() {
  auto r = verify_.poll();
  if (!r) return;
  if (*r) {
    result_ = **r;
  } else {
    error_key_ = "audit.error.read";
  }
}

void AuditView::reset() {
  verify_.wait();
  entries_.clear();
  entries_.shrink_to_fit();
  exhausted_ = false;
  result_.reset();
  error_key_ = nullptr;
}

}  // namespace safehold::appmodel
