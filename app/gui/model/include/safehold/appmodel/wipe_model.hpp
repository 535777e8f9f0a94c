#pragma once
// The emergency wipe's confirmation and the before-you-travel checklist.
// The wipe itself is AppModel::wipe_vault(): guarded exactly as
// `safehold-cli wipe` (a verified backup newer than the last change, or the
// person's explicit choice to lose the data), then the vault is locked and
// storage::wipe_vault destroys the key file first.
//
// The travel checklist says where the backup goes as a few choices held
// only here, never stored (a note would be plaintext about a colleague).
#include <cstdint>
#include <optional>
#include <string>

#include "safehold/storage/backup.hpp"

namespace safehold::appmodel {

// What the person must type to wipe (the same word in every language: it
// is typed, not read, and every keyboard has these letters).
inline constexpr const char* kWipeWord = "WIPE";

struct WipeConfirm {
  bool open = false;          // the confirmation is shown
  // Frames left to scroll it into view (two: the first frame that draws it
  // still has the old content height, which limits the scroll).
  int reveal = 0;
  static constexpr int kRevealFrames = 2;
  std::string typed;          // must equal kWipeWord
  bool accept_loss = false;   // wipe without a current verified backup
  // i18n key of why "Wipe now" is disabled, or nullptr.
  [[nodiscard]] const char* blocked_reason(bool backup_current) const;
  void reset() { *this = WipeConfirm{}; }
};

struct TravelChecklist {
  // Where the verified backup goes (any that apply).
  bool with_colleague = false;   // handed to someone trusted
  bool separate_drive = false;   // on a drive that travels apart from the laptop
  bool off_this_laptop = false;  // no copy of the backup file left on this laptop
  bool passphrase_known = false; // the backup's passphrase is known without this laptop
  [[nodiscard]] bool destination_chosen() const { return with_colleague || separate_drive; }
  [[nodiscard]] bool ready() const { return destination_chosen() && off_this_laptop && passphrase_known; }
  void reset() { *this = TravelChecklist{}; }
};

// What the start screen says after a wipe (no names, no paths).
struct WipeOutcome {
  bool ok = false;
  std::int64_t key_destroyed_ms = 0;
  std::int64_t total_ms = 0;
  std::size_t files_removed = 0;
  std::size_t left_behind = 0;
  const char* error_key = nullptr;
  std::string error_detail;
};

}  // namespace safehold::appmodel
