#include "safehold/appmodel/audit_view.hpp"

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/record_fields.hpp"
#include "safehold/appmodel/schema_text.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

std::string audit_action_key(std::string_view action) { return "audit.action." + std::string(action); }

const std::vector<std::string_view>& audit_non_entity_object_types() {
  static const std::vector<std::string_view> kTypes = {"vault", "attachment"};
  return kTypes;
}

std::string audit_object_label(std::string_view object_type) {
  if (object_type == "vault") return tr("audit.object.vault");
  if (object_type == "attachment") return tr("audit.object.attachment");
  if (const auto* e = schema::Model::builtin().entity(object_type)) return in_ui_language(e->label);
  return tr("audit.object.other");
}

std::string AuditView::case_reference(const storage::AuditEntry& e) const {
  if (e.case_id.empty()) return {};
  const auto it = case_refs_.find(e.case_id);
  if (it == case_refs_.end() || it->second.empty()) return tr("audit.case.gone");
  return it->second;
}

bool AuditView::load_more() {
  storage::Vault& vault = session_->vault();
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
    if (!e.case_id.empty() && !case_refs_.contains(e.case_id)) {
      auto c = vault.records().get(e.case_id);
      case_refs_.emplace(e.case_id, c ? text_of(c->fields, "reference") : std::string());
    }
    entries_.push_back(std::move(e));
  }
  return true;
}

bool AuditView::verify() {
  storage::Vault& vault = session_->vault();
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
  case_refs_.clear();
  exhausted_ = false;
  result_.reset();
  error_key_ = nullptr;
}

}  // namespace safehold::appmodel
