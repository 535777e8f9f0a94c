#include "safehold/appmodel/app_model.hpp"

#include "safehold/appmodel/backup_reminder.hpp"

#include "safehold/appmodel/demo_data.hpp"
#include "safehold/appmodel/demo_exchange.hpp"
#include "safehold/appmodel/shown_glyphs.hpp"

namespace safehold::appmodel {

AppModel::AppModel(const VaultOpener& opener, Clocks clocks)
    : clocks_(std::move(clocks)), start(opener), idle(clocks_), clipboard(clocks_) {
  idle.activity();
  settings_.language = current_language();
  idle.set_minutes(settings_.auto_lock_minutes);
}

void AppModel::start_demo(const std::filesystem::path& folder) {
  demo = true;
  start.mode = StartModel::Mode::create;
  start.folder = folder.string();
  start.owner_name = "Demo";
  start.passphrase.assign(kDemoPassphrase);
  start.repeat.assign(kDemoPassphrase);
  start.passphrase_edited();
  start.loss_acknowledged = true;
  (void)start.submit();
}

void AppModel::open_case(std::string case_id) {
  current_case_ = std::move(case_id);
  go(Screen::case_view);
}

std::filesystem::path AppModel::demo_folder() const {
  return std::filesystem::path(start.folder).parent_path();
}

void AppModel::export_case(const std::string& case_id) {
  if (!unlocked()) return;
  exporter.add_case(case_id);
  go(Screen::exchange);
  exchange_tab = ExchangeTab::send;
  exchange_tab_requested = true;
}

void AppModel::go(Screen s) {
  if (!unlocked()) {
    screen_ = Screen::start;
    return;
  }
  screen_ = s == Screen::start ? Screen::cases : s;
  // Consent or contacts may have changed elsewhere: check again on arrival.
  if (screen_ == Screen::exchange) exporter.invalidate();
  if (screen_ == Screen::contacts || screen_ == Screen::exchange) contacts.reload();
}

void AppModel::tick(bool had_input) {
  if (had_input) idle.activity();
  if (auto wiped = start.poll_wipe()) wipe_finished(*wiped);
  if (auto vault = start.poll()) {
    session_.open(std::move(*vault));
    idle.activity();
    screen_ = Screen::cases;
    load_settings_from_vault();
    last_wipe_.reset();
    backup.refresh();
    update_backup_reminder();
    if (auto at = intake.saved_draft()) draft_offer_ = DraftOffer{*at};
    if (demo && !demo_seeded_) {
      demo_seeded_ = true;
      if (!seed_demo_cases(session_.vault(), DemoOptions{}) ||
          !seed_demo_exchange(session_.vault(), demo_folder())) {
        status_key_ = "status.demo_not_seeded";
      }
    }
  }
  passwd.poll();
  audit.poll();
  // A finished export adds custody events ("transferred"), an import cases
  // and custody events ("received"): the case list and view read again.
  const bool exchange_was_busy = exporter.running() || importer.busy();
  exporter.poll();
  importer.poll();
  if (exchange_was_busy && !exporter.running() && !importer.busy()) {
    cases.invalidate();
    case_view.reload();
  }
  if (unlocked()) {
    const bool backup_was_running = backup.running();
    backup.poll();
    if (backup_was_running && !backup.running()) update_backup_reminder();
    intake.autosave();
    if (auto saved = intake.poll_save()) {
      cases.invalidate();
      open_case(saved->case_id);
    }
    if (case_view.poll_add()) cases.invalidate();
  }
  if (unlocked() && idle.due()) lock();
}

void AppModel::continue_draft() {
  if (!draft_offer_ || !unlocked()) return;
  draft_offer_.reset();
  if (intake.resume()) screen_ = Screen::intake;
}

void AppModel::ask_discard_draft(bool ask) {
  if (draft_offer_) draft_offer_->confirming_discard = ask;
}

void AppModel::discard_draft() {
  if (!draft_offer_ || !draft_offer_->confirming_discard || !unlocked()) return;
  draft_offer_.reset();
  intake.discard();
}

AppModel::~AppModel() { lock(); }

void AppModel::lock() {
  const bool was_open = unlocked();
  draft_offer_.reset();
  // Work on worker threads holds references to the vault: finish it first.
  passwd.wait();
  audit.wait();
  report.wait();  // the report dialog's check and preview
  intake.cancel_save();
  exporter.reset();  // cancels a running export (nothing is kept) and waits
  backup.reset();    // cancels a running backup (no file kept) and wipes its passphrase
  wipe.reset();
  travel.reset();
  reminder_ = reminder_dismissed_ = false;
  importer.reset();  // same for an import: the vault stays as it was
  contacts.reset();
  passwd.clear();
  audit.reset();
  // A save that finished meanwhile is collected first (it deletes the
  // draft); an intake still in progress survives as an encrypted draft.
  if (unlocked()) {
    (void)intake.poll_save();
    intake.autosave(/*force=*/true);
    case_view.keep_unsaved_add();
  }
  intake.reset();
  cases.reset();
  case_view.reset();
  report.close();  // the preview holds the case's text as pixels
  stats.reset();
  shown_codepoints().clear();
  session_.close();
  current_case_.clear();
  start.clear_secrets();
  // The vault that was open exists: next comes unlocking it again.
  if (was_open) start.mode = StartModel::Mode::unlock;
  screen_ = Screen::start;
  ++lock_generation_;
  idle.activity();
}

void AppModel::apply_settings(const Settings& s) {
  settings_ = s;
  set_language(s.language);
  idle.set_minutes(s.auto_lock_minutes);
  if (unlocked()) {
    save_settings_to_vault();
    update_backup_reminder();
  }
}

void AppModel::update_backup_reminder() {
  reminder_ = backup_reminder_due(backup.last_verified(), settings_.backup_reminder_days, clocks_.wall());
}

void AppModel::open_backup() {
  go(Screen::settings);
  backup_tab_requested = true;
  reminder_dismissed_ = true;
}

bool AppModel::wipe_vault() {
  if (!unlocked() || backup.running()) return false;
  backup.refresh();  // the guard as of now, not as last drawn
  if (wipe.blocked_reason(backup.verified_is_current()) != nullptr) return false;
  const std::filesystem::path folder = session_.vault().folder();
  lock();  // closes the database and wipes its keys; resets every screen
  // On a worker (a 1 GiB vault takes over a second): the start screen says
  // it is wiping until tick() collects the result.
  last_wipe_.reset();
  start.start_wipe(folder);
  return true;
}

void AppModel::wipe_finished(const StartModel::WipeResult& r) {
  WipeOutcome out;
  if (r) {
    out.ok = true;
    out.key_destroyed_ms = r->key_destroyed_after.count() / 1000;
    out.total_ms = r->total.count() / 1000;
    out.files_removed = r->files_removed;
    out.left_behind = r->left_behind.size();
  } else {
    out.error_key = backup_error_key(r.error().code);
    out.error_detail = r.error().describe();
  }
  last_wipe_ = std::move(out);
  start.mode = start.vault_exists() ? StartModel::Mode::unlock : StartModel::Mode::create;
}

void AppModel::language_picked(Language lang) {
  language_explicit_ = true;
  auto s = settings_;
  s.language = lang;
  apply_settings(s);
}

void AppModel::load_settings_from_vault() {
  auto kv = session_.vault().settings();
  std::map<std::string, std::string> pairs;
  auto keys = kv.keys("ui.");
  if (!keys) {
    status_key_ = "status.settings_not_loaded";
    return;
  }
  for (const auto& key : *keys) {
    auto value = kv.get(key);
    if (value && *value) pairs.emplace(key, **value);
  }
  Settings s = settings_;
  const Language chosen = settings_.language;
  s.apply_pairs(pairs);
  if (language_explicit_) s.language = chosen;
  apply_settings(s);
}

void AppModel::save_settings_to_vault() {
  auto kv = session_.vault().settings();
  for (const auto& [key, value] : settings_.to_pairs()) {
    if (!kv.put(key, value)) {
      status_key_ = "status.settings_not_saved";
      return;
    }
  }
}

}  // namespace safehold::appmodel
