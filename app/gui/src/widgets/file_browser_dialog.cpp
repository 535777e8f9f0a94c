#include "file_browser_dialog.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID

#include <string>

#include "safehold/appmodel/i18n.hpp"
#include "exact_text.hpp"
#include "theme.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace safehold::gui {

using appmodel::FileBrowser;
using appmodel::tr;

void FileBrowserDialog::Open(const std::filesystem::path& start, FileBrowser::Pick pick,
                             const char* title_key) {
  browser_.emplace(start, pick);
  title_key_ = title_key;
  open_request_ = true;
  typed_path_.clear();
  focus_path_ = true;  // the dialog opens with the cursor in the path box
  focus_list_ = false;
  chosen.clear();
}

// True when a typed file path was chosen. The path box stays empty after a
// folder opened (its hint shows how to continue; the folder is shown above).
bool FileBrowserDialog::DrawPathBox() {
  if (focus_path_) FocusNextTextField();
  focus_path_ = false;
  ImGui::SetNextItemWidth(-1);
  (void)InputTextExact("###files-path", typed_path_, {.hint = tr("files.path.hint"), .probe = "files.path"});
  const bool submitted = ImGui::IsItemDeactivated() &&
                         (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
  // Down arrow leaves the box for the list (Tab would first pass the buttons).
  if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_DownArrow, false)) focus_list_ = true;
  if (!submitted || typed_path_.empty()) return false;
  // ImGui may have made the field active again (Enter also activates the
  // focused item); leave it so the cleared text is what it shows.
  ImGui::ClearActiveID();
  switch (browser_->open_typed(typed_path_)) {
    case FileBrowser::Typed::opened_folder:
      typed_path_.clear();
      focus_path_ = true;
      return false;
    case FileBrowser::Typed::selected_file:
      return browser_->pick() == FileBrowser::Pick::file;
    case FileBrowser::Typed::refused:
      typed_path_.clear();  // the one-line error names no path; type it again
      focus_path_ = true;
      return false;
  }
  return false;
}

// The keyboard focus to the row just drawn, instead of wherever an arrow
// key pressed in the path box would have moved it.
static void FocusThisRow() {
  ImGuiWindow* list = ImGui::GetCurrentWindow();
  ImGui::ClearActiveID();
  ImGui::NavMoveRequestCancel();
  ImGui::FocusWindow(list);
  ImGui::SetFocusID(ImGui::GetItemID(), list);
  GImGui->NavDisableHighlight = false;
}

// Backspace goes up when the list (not a text field) has the keyboard.
bool FileBrowserDialog::KeyboardOnList() {
  if (ImGui::GetIO().WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return false;
  if (!ImGui::IsKeyPressed(ImGuiKey_Backspace, false)) return false;
  if (browser_->up()) focus_list_ = true;
  return true;
}

bool FileBrowserDialog::Draw() {
  if (!browser_) return false;
  if (open_request_) {
    ImGui::OpenPopup("###file-browser");
    open_request_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.75f, vp->WorkSize.y * 0.75f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const std::string title = std::string(tr(title_key_)) + "###file-browser";
  bool picked = false;
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    browser_.reset();
    return false;
  }
  FileBrowser& b = *browser_;
  picked = DrawPathBox();
  (void)KeyboardOnList();
  if (ImGui::Button(tr("files.up"))) (void)b.up();
  Probe("files.up");
  ImGui::SameLine();
  bool hidden = b.show_hidden();
  if (ImGui::Checkbox(tr("files.show_hidden"), &hidden)) b.set_show_hidden(hidden);
  ImGui::SameLine();
  ImGui::TextUnformatted(b.folder().string().c_str());
  if (b.error_key() != nullptr) {
    WrappedColored(ErrorColor(), tr(b.error_key()));
    Probe("files.error");
  }

  const float footer = ImGui::GetFrameHeightWithSpacing() * 1.5f;
  const ImGuiTableFlags tflags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                 ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  std::optional<std::size_t> enter;
  if (ImGui::BeginTable("###files", 2, tflags, ImVec2(0, -footer))) {
    TabReachesTableRows();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("files.name"), ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableSetupColumn(tr("files.size"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    const bool focus_first = focus_list_ && !b.entries().empty();
    if (focus_first) ImGui::SetScrollY(0.0f);
    focus_list_ = false;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(b.entries().size()));
    while (clipper.Step()) {
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const auto i = static_cast<std::size_t>(row);
        const auto& e = b.entries()[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(row);
        const std::string label = (e.is_folder ? "[" + e.name + "]" : e.name);
        if (ImGui::Selectable(label.c_str(), b.selected() == row,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
          b.select(i);
          const bool by_key = ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                              ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false) ||
                              ImGui::IsKeyPressed(ImGuiKey_Space, false);
          if (ImGui::IsMouseDoubleClicked(0) || by_key) {
            if (e.is_folder) enter = i; else picked = true;
          }
        } else if (focus_first && row == 0) {
          FocusThisRow();
        } else if (ImGui::IsItemFocused() && b.selected() != row) {
          b.select(i);  // arrow keys move the keyboard focus; the selection follows it
        }
        if (ProbesEnabled()) Probe(("files.row." + e.name).c_str());
        ImGui::PopID();
        ImGui::TableNextColumn();
        if (!e.is_folder) ImGui::TextUnformatted(appmodel::format_size(e.size).c_str());
      }
    }
    ImGui::EndTable();
  }
  if (enter && b.enter(*enter)) focus_list_ = true;

  const std::filesystem::path candidate = b.chosen();
  ImGui::BeginDisabled(candidate.empty());
  if (ImGui::Button(tr("files.choose"))) picked = true;
  Probe("files.choose");
  ImGui::EndDisabled();
  ImGui::SameLine();
  bool cancel = ImGui::Button(tr("files.cancel"));
  Probe("files.cancel");
  if (picked && !candidate.empty()) {
    chosen = candidate;
  } else {
    picked = false;
  }
  if (picked || cancel) {
    ImGui::CloseCurrentPopup();
    browser_.reset();
  }
  ImGui::EndPopup();
  return picked;
}

}  // namespace safehold::gui
