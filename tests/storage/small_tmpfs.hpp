#pragma once
// A small tmpfs for full-disk tests, mounted in a private mount namespace of
// the test process (as root, or through an unprivileged user namespace), so
// nothing outside the test sees it. Tests SKIP when neither is possible.
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace safehold::test {

class SmallTmpfs {
 public:
  // On failure, ok() is false and why() says what did not work.
  SmallTmpfs(const std::filesystem::path& dir, std::size_t bytes) : dir_(dir) {
    std::filesystem::create_directories(dir);
    if (!enter_namespace()) return;
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      why_ = "cannot make mounts private";
      return;
    }
    const std::string opts = "size=" + std::to_string(bytes / 1024) + "k,mode=0700";
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) != 0) {
      why_ = "cannot mount a tmpfs";
      return;
    }
    mounted_ = true;
  }
  ~SmallTmpfs() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  SmallTmpfs(const SmallTmpfs&) = delete;
  SmallTmpfs& operator=(const SmallTmpfs&) = delete;
  bool ok() const { return mounted_; }
  const std::string& why() const { return why_; }

 private:
  bool enter_namespace() {
    if (::geteuid() == 0) {
      if (::unshare(CLONE_NEWNS) == 0) return true;
      why_ = "unshare(CLONE_NEWNS) refused";
      return false;
    }
    const auto uid = ::getuid();
    const auto gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
      why_ = "unprivileged user namespaces are not available";
      return false;
    }
    std::ofstream("/proc/self/setgroups") << "deny";
    std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
    std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
    return true;
  }
  std::filesystem::path dir_;
  bool mounted_ = false;
  std::string why_;
};

}  // namespace safehold::test
