#include "safehold/appmodel/file_browser.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace safehold::appmodel {
namespace {

bool less_folded(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

FileBrowser::FileBrowser(std::filesystem::path start, Pick pick) : pick_(pick) {
  std::error_code ec;
  while (!start.empty() && !std::filesystem::is_directory(start, ec)) {
    if (start == start.parent_path()) break;
    start = start.parent_path();
  }
  if (!go(start)) (void)go("/");
}

bool FileBrowser::list(const std::filesystem::path& folder) {
  std::vector<Entry> out;
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, std::filesystem::directory_options::skip_permission_denied, ec);
  if (ec) return false;
  for (auto end = std::filesystem::directory_iterator(); it != end; it.increment(ec)) {
    if (ec) return false;
    Entry e;
    e.name = it->path().filename().string();  // Linux paths are bytes; shown as UTF-8
    if (e.name.empty() || (!show_hidden_ && e.name[0] == '.')) continue;
    std::error_code type_ec;
    e.is_folder = it->is_directory(type_ec);
    if (!e.is_folder) {
      if (pick_ == Pick::folder) continue;
      if (!it->is_regular_file(type_ec)) continue;  // sockets, devices, broken links
      e.size = it->file_size(type_ec);
      if (type_ec) e.size = 0;
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    if (a.is_folder != b.is_folder) return a.is_folder;
    return less_folded(a.name, b.name);
  });
  entries_ = std::move(out);
  return true;
}

bool FileBrowser::go(const std::filesystem::path& folder) {
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(folder, ec);
  if (ec) canonical = folder;
  if (!list(canonical)) {
    error_key_ = "files.error.unreadable";
    return false;
  }
  folder_ = canonical;
  selected_ = -1;
  error_key_ = nullptr;
  return true;
}

FileBrowser::Typed FileBrowser::open_typed(const std::string& typed) {
  std::filesystem::path path = typed;
  if (typed == "~" || typed.rfind("~/", 0) == 0) {
    const char* home = std::getenv("HOME");
    path = std::filesystem::path(home != nullptr ? home : "/") / typed.substr(typed.size() > 1 ? 2 : 1);
  } else if (path.is_relative()) {
    path = folder_ / path;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (typed.empty() || ec || !std::filesystem::exists(status)) {
    error_key_ = "files.error.not_found";
    return Typed::refused;
  }
  if (std::filesystem::is_directory(status)) return go(path) ? Typed::opened_folder : Typed::refused;
  if (pick_ != Pick::file || !std::filesystem::is_regular_file(status)) {
    error_key_ = "files.error.not_choosable";
    return Typed::refused;
  }
  const std::string name = path.filename().string();
  if (!go(path.parent_path())) return Typed::refused;
  if (!show_hidden_ && !name.empty() && name[0] == '.') set_show_hidden(true);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].name == name) {
      select(i);
      return Typed::selected_file;
    }
  }
  error_key_ = "files.error.not_found";
  return Typed::refused;
}

bool FileBrowser::enter(std::size_t index) {
  if (index >= entries_.size() || !entries_[index].is_folder) return false;
  return go(folder_ / entries_[index].name);
}

bool FileBrowser::up() {
  if (folder_ == folder_.parent_path()) return false;
  return go(folder_.parent_path());
}

void FileBrowser::set_show_hidden(bool on) {
  if (on == show_hidden_) return;
  show_hidden_ = on;
  (void)go(folder_);
}

void FileBrowser::select(std::size_t index) {
  selected_ = index < entries_.size() ? static_cast<long>(index) : -1;
}

std::filesystem::path FileBrowser::chosen() const {
  if (selected_ >= 0) {
    const Entry& e = entries_[static_cast<std::size_t>(selected_)];
    if (pick_ == Pick::file && !e.is_folder) return folder_ / e.name;
    if (pick_ == Pick::folder && e.is_folder) return folder_ / e.name;
  }
  if (pick_ == Pick::folder) return folder_;
  return {};
}

}  // namespace safehold::appmodel

namespace safehold::appmodel {

std::string format_size(std::uintmax_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  static constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB", "PB"};
  // Integer arithmetic in tenths avoids float rounding surprises.
  std::uintmax_t tenths = bytes / 100;  // in tenths of KB
  std::size_t unit = 0;
  while (tenths >= 10000 && unit + 1 < std::size(kUnits)) {
    tenths /= 1000;
    ++unit;
  }
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + kUnits[unit];
}

}  // namespace safehold::appmodel
