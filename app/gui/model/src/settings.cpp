#include "safehold/appmodel/settings.hpp"

#include <charconv>
#include <cstdio>

namespace safehold::appmodel {
namespace {

template <class T>
bool parse_number(const std::string& s, T& out) {
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

const char* quick_lock_label(QuickLockKey key) noexcept {
  switch (key) {
    case QuickLockKey::ctrl_l: return "Ctrl+L";
    case QuickLockKey::ctrl_shift_l: return "Ctrl+Shift+L";
    case QuickLockKey::f12: return "F12";
  }
  return "Ctrl+L";
}

std::map<std::string, std::string> Settings::to_pairs() const {
  char font[16];
  std::snprintf(font, sizeof font, "%.0f", static_cast<double>(font_px));
  return {
      {"ui.auto_lock_minutes", std::to_string(auto_lock_minutes)},
      {"ui.quick_lock", std::to_string(static_cast<int>(quick_lock))},
      {"ui.language", std::string(language_code(language))},
      {"ui.font_px", font},
      {"ui.theme", theme == Theme::dark ? "dark" : "light"},
      {"ui.kdf", kdf == KdfStrength::sensitive ? "sensitive" : "moderate"},
      {"ui.backup_reminder_days", std::to_string(backup_reminder_days)},
  };
}

void Settings::apply_pairs(const std::map<std::string, std::string>& pairs) {
  for (const auto& [key, value] : pairs) {
    if (key == "ui.auto_lock_minutes") {
      int m = 0;
      if (parse_number(value, m) && m >= 0 && m <= kMaxAutoLockMinutes) auto_lock_minutes = m;
    } else if (key == "ui.quick_lock") {
      int k = 0;
      if (parse_number(value, k) && k >= 0 && k <= 2) quick_lock = static_cast<QuickLockKey>(k);
    } else if (key == "ui.language") {
      Language l{};
      if (language_from_code(value, l)) language = l;
    } else if (key == "ui.font_px") {
      int px = 0;
      if (parse_number(value, px) && px >= static_cast<int>(kMinFontPx) && px <= static_cast<int>(kMaxFontPx)) {
        font_px = static_cast<float>(px);
      }
    } else if (key == "ui.theme") {
      if (value == "dark") theme = Theme::dark;
      if (value == "light") theme = Theme::light;
    } else if (key == "ui.kdf") {
      if (value == "sensitive") kdf = KdfStrength::sensitive;
      if (value == "moderate") kdf = KdfStrength::moderate;
    } else if (key == "ui.backup_reminder_days") {
      int d = -1;
      if (parse_number(value, d) && (d == 0 || d == 7 || d == 30)) backup_reminder_days = d;
    }
  }
}

}  // namespace safehold::appmodel
