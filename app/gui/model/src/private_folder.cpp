#include "safehold/appmodel/private_folder.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

namespace safehold::appmodel {

expected<PrivateFolder, int> PrivateFolder::create(const char* prefix) {
  std::filesystem::path base;
  if (const char* run = std::getenv("XDG_RUNTIME_DIR"); run != nullptr && *run == '/') {
    base = run;
  } else {
    std::error_code ec;
    base = std::filesystem::temp_directory_path(ec);
    if (ec) return unexpected(ec.value());
  }
  std::string templ = (base / (std::string(prefix) + "-XXXXXX")).string();
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  // mkdtemp creates the folder with mode 0700.
  if (mkdtemp(buf.data()) == nullptr) return unexpected(errno);
  return PrivateFolder(std::filesystem::path(buf.data()));
}

PrivateFolder::~PrivateFolder() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace safehold::appmodel
