#include "safehold/appmodel/import_model.hpp"
#include "safehold/appmodel/ui_wake.hpp"

#include "safehold/appmodel/contacts_model.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

namespace ex = core::exchange;

void ImportModel::begin_work() {
  done_ = 0;
  total_ = 0;
  cancel_ = false;
  failure_.reset();
  error_key_ = nullptr;
}

storage::OperationHooks ImportModel::work_hooks() {
  storage::OperationHooks hooks;
  hooks.progress = [this](std::uint64_t d, std::uint64_t t) {
    done_ = d;
    total_ = t;
    wake_ui_for_progress();
  };
  hooks.cancel_requested = [this] { return cancel_.load(); };
  return hooks;
}

bool ImportModel::verify(const std::filesystem::path& bundle) {
  storage::Vault& vault = session_->vault();
  if (busy()) return false;
  begin_work();
  file_ = bundle;
  report_.reset();
  summary_.reset();
  result_.reset();
  const storage::OperationHooks hooks = work_hooks();
  const ex::ImportOptions options{allow_unverified_};
  stage_ = Stage::verifying;
  return verify_.start([&vault, file = file_, options, hooks] { return ex::verify_bundle(vault, file, options, hooks); });
}

bool ImportModel::import() {
  storage::Vault& vault = session_->vault();
  if (stage_ != Stage::verified || !report_ || report_->already_imported) return false;
  begin_work();
  const storage::OperationHooks hooks = work_hooks();
  const ex::ImportOptions options{allow_unverified_};
  stage_ = Stage::importing;
  return import_.start([&vault, file = file_, options, hooks] { return ex::import_bundle(vault, file, options, hooks); });
}

void ImportModel::poll() {
  if (auto r = verify_.poll()) {
    if (*r) {
      report_ = std::move(**r);
      // The dialog draws the signer's claimed name and the cases' titles:
      // text from outside the vault, whose glyphs the atlas may lack.
      shown_codepoints().add_utf8(report_->sender.claimed_name + report_->sender.contact_name);
      for (const auto& c : report_->cases) shown_codepoints().add_utf8(c.reference + c.title);
      stage_ = Stage::verified;
    } else {
      failure_ = r->error();
      error_key_ = failure_key(*failure_);
      stage_ = Stage::failed;
    }
  }
  if (auto r = import_.poll()) {
    if (*r) {
      result_ = std::move(**r);
      stage_ = Stage::imported;
    } else {
      failure_ = r->error();
      error_key_ = failure_key(*failure_);
      // The vault is as it was: the report still stands, so the user can try
      // again (e.g. after a cancel or freeing disk space).
      stage_ = report_ ? Stage::verified : Stage::failed;
    }
  }
}

void ImportModel::wait() {
  verify_.wait();
  import_.wait();
}

float ImportModel::progress() const {
  const std::uint64_t total = total_;
  if (total == 0) return -1.0f;
  return static_cast<float>(static_cast<double>(done_.load()) / static_cast<double>(total));
}

const ex::SignerInfo* ImportModel::signer() const {
  if (failure_ && failure_->signer) return &*failure_->signer;
  return nullptr;
}

void ImportModel::reset() {
  cancel_ = true;
  wait();
  (void)verify_.poll();
  (void)import_.poll();
  stage_ = Stage::pick;
  file_.clear();
  allow_unverified_ = false;
  report_.reset();
  summary_.reset();
  result_.reset();
  failure_.reset();
  error_key_ = nullptr;
  cancel_ = false;
}

const ImportSummary* ImportModel::summary() {
  storage::Vault& vault = session_->vault();
  if (!report_) return nullptr;
  if (!summary_) {
    auto contacts = core::exchange::ContactBook(vault).list();
    auto own = vault.identity().info();
    if (!contacts || !own) return nullptr;  // shown without the summary
    summary_ = summarize_import(*report_, *contacts, own->age_recipient);
  }
  return &*summary_;
}

}  // namespace safehold::appmodel
