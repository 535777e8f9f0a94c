#pragma once
// User settings. Before unlock only the defaults (and the language picked
// from the environment or on the start screen) apply: nothing is written
// outside the vault. After unlock they are read from and saved to the
// vault's settings key/value table as strings (to_pairs / from_pairs).
#include <map>
#include <string>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/vault_opener.hpp"

namespace safehold::appmodel {

enum class Theme { light, dark };
enum class QuickLockKey { ctrl_l, ctrl_shift_l, f12 };

struct Settings {
  static constexpr int kMaxAutoLockMinutes = 120;
  static constexpr float kMinFontPx = 14.0f;
  static constexpr float kMaxFontPx = 36.0f;  // 200 % of the default 18 px

  int auto_lock_minutes = 5;  // 0 = never (the settings screen warns)
  QuickLockKey quick_lock = QuickLockKey::ctrl_l;
  Language language = Language::en;
  float font_px = 18.0f;
  Theme theme = Theme::light;
  KdfStrength kdf = KdfStrength::moderate;
  int backup_reminder_days = 30;  // 0 (off), 7 or 30: backup_reminder.hpp

  [[nodiscard]] std::map<std::string, std::string> to_pairs() const;
  // Applies every recognised, valid pair; ignores unknown keys and keeps the
  // current value for invalid ones (a damaged setting must not lock anyone out).
  void apply_pairs(const std::map<std::string, std::string>& pairs);
};

[[nodiscard]] const char* quick_lock_label(QuickLockKey key) noexcept;  // "Ctrl+L"…

}  // namespace safehold::appmodel
