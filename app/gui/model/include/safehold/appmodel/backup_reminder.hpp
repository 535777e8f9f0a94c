#pragma once
// The gentle "back up" reminder after unlock: due when the vault has no
// verified backup, or its last one was verified longer ago than the
// setting allows (off, 7 or 30 days).
#include <chrono>
#include <optional>
#include <string_view>

#include "safehold/storage/backup.hpp"

namespace safehold::appmodel {

// The choices the settings screen offers; 0 = off.
inline constexpr int kBackupReminderDays[] = {0, 7, 30};

// Seconds since the epoch of an RFC 3339 UTC time as storage writes it
// ("2026-12-06T14:05:00Z"); nullopt for anything else.
[[nodiscard]] std::optional<std::chrono::system_clock::time_point> parse_utc(std::string_view rfc3339);

// A record that cannot be read counts as no backup (the reminder shows).
[[nodiscard]] bool backup_reminder_due(const std::optional<storage::VerifiedBackup>& last, int days,
                                       std::chrono::system_clock::time_point now);

}  // namespace safehold::appmodel
