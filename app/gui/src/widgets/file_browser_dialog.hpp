#pragma once
// Modal in-app file browser over appmodel::FileBrowser (which does the
// directory reading). Used to add evidence files and to pick a vault folder.
#include <filesystem>
#include <optional>
#include <string>

#include "safehold/appmodel/file_browser.hpp"

namespace safehold::gui {

struct FileBrowserDialog {
  void Open(const std::filesystem::path& start, appmodel::FileBrowser::Pick pick,
            const char* title_key);
  // Draws the dialog while open. Returns true on the frame the user chose a
  // path (then `chosen` holds it).
  bool Draw();
  [[nodiscard]] bool IsOpen() const { return browser_.has_value(); }
  std::filesystem::path chosen;

 private:
  // Keyboard: the path box (Enter opens a typed folder, chooses a typed
  // file) and the list (arrows move, Enter opens/chooses, Backspace = up).
  bool DrawPathBox();
  bool KeyboardOnList();
  std::optional<appmodel::FileBrowser> browser_;
  std::string typed_path_;
  bool focus_path_ = false;
  bool focus_list_ = false;
  bool open_request_ = false;
  const char* title_key_ = "files.title";
};

}  // namespace safehold::gui
