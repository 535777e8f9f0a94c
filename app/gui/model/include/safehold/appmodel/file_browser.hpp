#pragma once
// The in-app file browser's state: the app never uses the desktop's file
// dialog, which would record recently used files and folders outside the
// vault (GTK's recently-used.xbel and the like).
//
// Contract: listing reads only directory entries and their sizes (never file
// contents). Folders are listed first, then files, each sorted by name
// (case-insensitive byte order). Hidden entries (leading '.') appear only
// when show_hidden is set. Errors leave the previous listing in place and set
// error_key().
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace safehold::appmodel {

class FileBrowser {
 public:
  enum class Pick { file, folder };
  struct Entry {
    std::string name;  // UTF-8
    bool is_folder = false;
    std::uintmax_t size = 0;  // files only
  };

  FileBrowser(std::filesystem::path start, Pick pick);

  [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
  [[nodiscard]] Pick pick() const { return pick_; }
  [[nodiscard]] const char* error_key() const { return error_key_; }

  bool go(const std::filesystem::path& folder);  // false (and error) if unreadable
  // A path typed into the dialog's path box (relative to the current
  // folder; a leading "~/" is the home folder). Looks only at what the path
  // is (stat), never at a file's content. A folder is opened; a file the
  // pick accepts is selected (chosen() then returns it); anything else sets
  // a one-line error and keeps the listing.
  enum class Typed { opened_folder, selected_file, refused };
  Typed open_typed(const std::string& typed);
  bool enter(std::size_t index);                 // folder entry → go into it
  bool up();
  void set_show_hidden(bool on);
  [[nodiscard]] bool show_hidden() const { return show_hidden_; }

  void select(std::size_t index);  // -1 clears
  [[nodiscard]] long selected() const { return selected_; }
  // The chosen path: the selected file (Pick::file), or the selected
  // folder entry or else the current folder (Pick::folder). Empty if nothing
  // suitable is selected.
  [[nodiscard]] std::filesystem::path chosen() const;

 private:
  bool list(const std::filesystem::path& folder);
  std::filesystem::path folder_;
  std::vector<Entry> entries_;
  Pick pick_;
  bool show_hidden_ = false;
  long selected_ = -1;
  const char* error_key_ = nullptr;
};

}  // namespace safehold::appmodel

namespace safehold::appmodel {
// "0 B", "999 B", "1.0 KB", "12.3 MB", "4.7 GB" (powers of 1000, as file
// managers show them).
[[nodiscard]] std::string format_size(std::uintmax_t bytes);
}  // namespace safehold::appmodel
