#pragma once
// Internal: the vault folder on disk: creation with private permissions, the
// exclusive lock that keeps a second process out, and the clean-up of stale
// temporaries and orphan attachment files on unlock.
#include <filesystem>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"
#include "sqlite_db.hpp"

namespace safehold::storage::detail {

// Opens `folder` and takes an exclusive, non-blocking flock on it; returns
// the descriptor (closing it releases the lock). in_use if already held.
[[nodiscard]] expected<int, StorageError> lock_folder(const std::filesystem::path& folder);

// Creates `folder` (0700) or accepts an existing empty one (chmod 0700).
[[nodiscard]] expected<bool, StorageError> prepare_new_folder(const std::filesystem::path& folder);

// Creates an empty file with mode 0600 (so SQLite's -wal/-shm inherit it).
[[nodiscard]] expected<void, StorageError> create_private_file(const std::filesystem::path& file);

// Removes stale AtomicFileWriter temporaries in the vault folder and in
// attachments/, and attachment files that have no key row. Files whose names
// Safehold never writes are left alone.
[[nodiscard]] expected<void, StorageError> remove_stale_files(const std::filesystem::path& folder,
                                                              Database& db);

// True for names Safehold gives attachment files: 32 lowercase hex digits.
bool is_attachment_file_name(std::string_view name) noexcept;

StorageError from_file_error(int errno_value);

}  // namespace safehold::storage::detail
