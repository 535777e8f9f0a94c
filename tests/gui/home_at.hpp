#pragma once
// HOME points at a test folder while the in-app file browser is used (it
// opens at HOME), restored afterwards.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace safehold::test {

struct HomeAt {
  std::string old;
  explicit HomeAt(const std::filesystem::path& p) {
    if (const char* h = std::getenv("HOME")) old = h;
    setenv("HOME", p.c_str(), 1);
  }
  ~HomeAt() { setenv("HOME", old.c_str(), 1); }
};

}  // namespace safehold::test
