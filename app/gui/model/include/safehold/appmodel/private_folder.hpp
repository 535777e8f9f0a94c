#pragma once
// A fresh folder only the user can enter (mode 0700), removed with everything
// in it when the object dies. Used by --demo for its throw-away vault: the
// vault inside is encrypted like any other, and the folder is deleted on exit.
#include <filesystem>

#include "safehold/expected.hpp"

namespace safehold::appmodel {

class PrivateFolder {
 public:
  // Under $XDG_RUNTIME_DIR (a per-user tmpfs) when set, else the temp dir.
  [[nodiscard]] static expected<PrivateFolder, int> create(const char* prefix);
  PrivateFolder(PrivateFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  PrivateFolder& operator=(PrivateFolder&&) = delete;
  PrivateFolder(const PrivateFolder&) = delete;
  ~PrivateFolder();
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  explicit PrivateFolder(std::filesystem::path p) : path_(std::move(p)) {}
  std::filesystem::path path_;
};

}  // namespace safehold::appmodel
