#include "safehold/appmodel/backup_reminder.hpp"

#include <ctime>
#include <string>

namespace safehold::appmodel {

std::optional<std::chrono::system_clock::time_point> parse_utc(std::string_view s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') {
    return std::nullopt;
  }
  auto num = [&](std::size_t at, std::size_t len, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  std::tm tm{};
  int year = 0, month = 0;
  if (!num(0, 4, year) || !num(5, 2, month) || !num(8, 2, tm.tm_mday) || !num(11, 2, tm.tm_hour) ||
      !num(14, 2, tm.tm_min) || !num(17, 2, tm.tm_sec)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
      tm.tm_sec > 60) {
    return std::nullopt;
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

bool backup_reminder_due(const std::optional<storage::VerifiedBackup>& last, int days,
                         std::chrono::system_clock::time_point now) {
  if (days <= 0) return false;
  if (!last) return true;
  const auto at = parse_utc(last->verified_at);
  if (!at) return true;
  return now - *at > std::chrono::hours(24) * days;
}

}  // namespace safehold::appmodel
