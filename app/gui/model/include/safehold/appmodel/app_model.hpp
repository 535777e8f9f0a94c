#pragma once
// The whole app's state, independent of ImGui: which screen is up, the
// unlocked session, settings, timers. Screens read it and call its commands;
// the GUI shell calls tick() once per frame.
//
// Lock contract: lock() drops the session (closing the database and wiping
// its keys), resets every screen's state and text buffers, wipes the start
// screen's passphrases, and bumps lock_generation() so the GUI can clear what
// ImGui itself holds (its input-text state) on the next frame.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "safehold/appmodel/audit_view.hpp"
#include "safehold/appmodel/backup_model.hpp"
#include "safehold/appmodel/case_list_model.hpp"
#include "safehold/appmodel/case_view_model.hpp"
#include "safehold/appmodel/clock.hpp"
#include "safehold/appmodel/contacts_model.hpp"
#include "safehold/appmodel/export_model.hpp"
#include "safehold/appmodel/import_model.hpp"
#include "safehold/appmodel/intake_model.hpp"
#include "safehold/appmodel/passphrase_change.hpp"
#include "safehold/appmodel/report_model.hpp"
#include "safehold/appmodel/session.hpp"
#include "safehold/appmodel/settings.hpp"
#include "safehold/appmodel/start_model.hpp"
#include "safehold/appmodel/stats_model.hpp"
#include "safehold/appmodel/timers.hpp"
#include "safehold/appmodel/vault_opener.hpp"
#include "safehold/appmodel/wipe_model.hpp"

namespace safehold::appmodel {

enum class Screen { start, cases, intake, case_view, contacts, exchange, audit, settings, statistics };

class AppModel {
  // First members: the timers and models below keep pointers to them, and
  // the session outlives every model (their worker threads hold its vault).
  Clocks clocks_;
  Session session_;

 public:
  AppModel(const VaultOpener& opener, Clocks clocks = {});
  // Locks, as the user's lock does: an intake in progress and an unsaved
  // add-form are kept as encrypted drafts. (The models' worker threads, which
  // hold the open vault, are joined before `session_`, declared before the
  // models, closes it.)
  ~AppModel();
  AppModel(const AppModel&) = delete;
  AppModel& operator=(const AppModel&) = delete;

  [[nodiscard]] Screen screen() const { return screen_; }
  void go(Screen s);  // ignored (stays on start) while locked
  [[nodiscard]] bool unlocked() const { return session_.open(); }
  // The vault the models work on (session.hpp): open while unlocked.
  [[nodiscard]] Session& session() { return session_; }

  // Once per frame: collects a finished unlock/create, applies auto-lock.
  // `had_input` is whether the user touched mouse or keyboard this frame.
  void tick(bool had_input);
  void lock();
  [[nodiscard]] std::uint64_t lock_generation() const { return lock_generation_; }

  // Settings changed by the settings screen: applies language and auto-lock
  // minutes (the GUI watches font_px/theme itself) and, while unlocked, saves
  // them in the vault's settings table.
  void apply_settings(const Settings& s);
  // Language chosen on the start screen: applies now and, because the user
  // chose it explicitly, wins over the vault's stored language at unlock.
  void language_picked(Language lang);

  // One-line status for the shell (i18n key), e.g. settings not saved.
  [[nodiscard]] const char* status_key() const { return status_key_; }
  void clear_status() { status_key_ = nullptr; }
  [[nodiscard]] const Settings& settings() const { return settings_; }

  // The case shown by the case view.
  void open_case(std::string case_id);
  [[nodiscard]] const std::string& current_case() const { return current_case_; }

  // An intake draft waiting in the vault is offered right after unlock
  // ("Unsaved intake from 14:12 — continue?"). Continue opens it in the
  // intake; Later keeps it (the intake screen asks again); discarding takes
  // ask_discard_draft() then discard_draft() (a confirmation).
  struct DraftOffer {
    std::string started_at;  // RFC 3339 UTC, as the draft records it
    bool confirming_discard = false;
  };
  [[nodiscard]] const std::optional<DraftOffer>& draft_offer() const { return draft_offer_; }
  void continue_draft();
  void later_draft() { draft_offer_.reset(); }
  void ask_discard_draft(bool ask);
  void discard_draft();  // only after ask_discard_draft(true)

  StartModel start;
  IdleLock idle;
  ClipboardGuard clipboard;
  // Screen states of the unlocked app; lock() resets every one of them.
  PassphraseChange passwd{session_};
  AuditView audit{session_};
  IntakeModel intake{clocks_, session_};
  CaseListModel cases{clocks_, session_};
  CaseViewModel case_view{session_};
  ContactsModel contacts{session_};
  ExportModel exporter{session_};
  ImportModel importer{session_};
  ReportModel report{session_};  // the case view's Report… dialog
  StatsModel stats{session_};

  // Backup, emergency wipe, before you travel (Settings → Backup); lock()
  // resets all three (the travel checklist is stored nowhere).
  BackupModel backup{session_};
  WipeConfirm wipe;
  TravelChecklist travel;
  // The reminder after unlock (backup_reminder.hpp), until dismissed.
  [[nodiscard]] bool backup_reminder() const { return reminder_ && !reminder_dismissed_; }
  void dismiss_backup_reminder() { reminder_dismissed_ = true; }
  // "Back up now": Settings with its Backup tab in front.
  void open_backup();
  bool backup_tab_requested = false;  // the settings screen selects the tab once
  // Guarded as `safehold-cli wipe`: refuses (false) unless a verified backup
  // is newer than the last change or wipe.accept_loss, and the word is
  // typed. Then locks (nothing of the vault left in the model) and returns
  // to the start screen, where a worker destroys the key file first and
  // removes the folder (StartModel::wiping()); tick() collects the outcome
  // (last_wipe()). True when the wipe started.
  bool wipe_vault();
  [[nodiscard]] const std::optional<WipeOutcome>& last_wipe() const { return last_wipe_; }
  void forget_wipe() { last_wipe_.reset(); }

  // Opens the export screen with this case chosen.
  void export_case(const std::string& case_id);
  enum class ExchangeTab { send, receive };
  ExchangeTab exchange_tab = ExchangeTab::send;
  bool exchange_tab_requested = false;  // the screen selects exchange_tab once

  // --demo: creates a throw-away vault in `folder` (a private temporary
  // folder the caller deletes on exit) with the demo passphrase, which the
  // start screen shows; a banner says the data is fictional.
  void start_demo(const std::filesystem::path& folder);
  static constexpr const char* kDemoPassphrase = "demo only fictional cases";
  bool demo = false;
  // The demo's private folder (holds the demo vault, the fictional clinic's
  // vault and the bundle it sent: demo_exchange.hpp).
  [[nodiscard]] std::filesystem::path demo_folder() const;

 private:
  Settings settings_;
  Screen screen_ = Screen::start;
  std::uint64_t lock_generation_ = 0;
  bool language_explicit_ = false;
  bool demo_seeded_ = false;
  std::string current_case_;
  const char* status_key_ = nullptr;
  std::optional<DraftOffer> draft_offer_;
  bool reminder_ = false;
  bool reminder_dismissed_ = false;
  std::optional<WipeOutcome> last_wipe_;

  void update_backup_reminder();
  void wipe_finished(const StartModel::WipeResult& r);

  void load_settings_from_vault();
  void save_settings_to_vault();
};

}  // namespace safehold::appmodel
