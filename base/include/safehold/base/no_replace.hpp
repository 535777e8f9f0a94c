#pragma once
// Moving a finished temporary file to its final name without ever replacing
// a file already there: for files handed to the user (bundles, plaintext
// copies, an exported key), where silently overwriting someone's file would
// lose it. Each function returns 0 or an errno value (EEXIST when the name
// is taken); on failure `from` is left in place for the caller to remove.
#include <filesystem>

namespace safehold::base {

// renameat2(RENAME_NOREPLACE); where the file system refuses the flag, the
// hard-link way; where it has no hard links either (FAT through FUSE, some
// SMB mounts), the copying way.
[[nodiscard]] int move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

// The two fallbacks, exposed so that tests can run them on any file system.
// link(2) then unlink(2): atomic, fails with EEXIST like the rename.
[[nodiscard]] int move_by_link(const std::filesystem::path& from, const std::filesystem::path& to);
// O_CREAT|O_EXCL, copy, fsync, then unlink `from`: not atomic to readers (the
// name appears before its last byte), but it still never replaces a file.
[[nodiscard]] int move_by_copy(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace safehold::base
