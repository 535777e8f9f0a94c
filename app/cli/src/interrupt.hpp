#pragma once
// Ctrl-C during passphrase prompts and long operations: while an
// InterruptScope lives, SIGINT/SIGTERM only set a flag (without SA_RESTART,
// so a blocking read returns EINTR) and the operation cancels itself through
// storage::OperationHooks, leaving nothing behind. Outside a scope the
// default action (terminate) applies.
#include <csignal>
#include <cstdint>
#include <string>

#include "safehold/storage/attachments.hpp"
#include "safehold/storage/backup.hpp"

namespace safehold::cli {

class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

bool interrupt_requested() noexcept;

// Waits until `fd` has input (true) or an interrupt was requested (false).
// Polls in short steps, so a signal that lands just before a blocking read
// cannot leave the process waiting forever.
bool wait_readable(int fd) noexcept;

// Progress on stderr, only when stderr is a terminal; at most a few updates a
// second. `label` is a fixed word ("encrypting"), never a file name.
class ProgressLine {
 public:
  explicit ProgressLine(std::string label);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  void update(std::uint64_t done, std::uint64_t total);
  // Ends the line (also done by the destructor); call before printing results.
  void finish();

 private:
  std::string label_;
  bool enabled_ = false;
  bool shown_ = false;
  std::int64_t last_ms_ = 0;
};

// Hooks that report to `progress` and cancel on Ctrl-C.
storage::OperationHooks hooks_for(ProgressLine& progress);
// The same for backup, backup verify and restore (bytes of the backup file).
storage::BackupHooks backup_hooks_for(ProgressLine& progress);

}  // namespace safehold::cli
