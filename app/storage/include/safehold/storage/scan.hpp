#pragma once
// Reads over every record of a kind (statistics over 100,000 cases) run in
// chunks: the vault's lock is held for one chunk at a time, so the UI thread
// can read and write between chunks instead of waiting seconds, and a cancel
// (a lock of the app, the user's Cancel) is honoured at the next chunk.
// Each row is visited at most once; rows added while a scan runs may or may
// not be visited (the scan is not one snapshot).
#include <cstddef>
#include <functional>

namespace safehold::storage {

struct ScanHooks {
  // Asked before each chunk; true stops the scan with VaultError::cancelled.
  std::function<bool()> cancel_requested;
  // After each chunk: the rows (records, or cases) visited so far.
  std::function<void(std::size_t visited)> progress;
  // Rows per chunk, i.e. per hold of the vault's lock (at least 1).
  std::size_t chunk = 2000;
};

}  // namespace safehold::storage
