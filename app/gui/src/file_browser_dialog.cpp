#include "file_browser_dialog.hpp"

#include <imgui.h>

#include <string>

#include "safehold/appmodel/i18n.hpp"
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
  chosen.clear();
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
  if (ImGui::Button(tr("files.up"))) (void)b.up();
  Probe("files.up");
  ImGui::SameLine();
  bool hidden = b.show_hidden();
  if (ImGui::Checkbox(tr("files.show_hidden"), &hidden)) b.set_show_hidden(hidden);
  ImGui::SameLine();
  ImGui::TextUnformatted(b.folder().string().c_str());
  if (b.error_key() != nullptr) WrappedColored(ErrorColor(), tr(b.error_key()));

  const float footer = ImGui::GetFrameHeightWithSpacing() * 1.5f;
  const ImGuiTableFlags tflags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                 ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
  std::optional<std::size_t> enter;
  if (ImGui::BeginTable("###files", 2, tflags, ImVec2(0, -footer))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("files.name"), ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableSetupColumn(tr("files.size"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
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
          if (ImGui::IsMouseDoubleClicked(0)) {
            if (e.is_folder) enter = i; else picked = true;
          }
        }
        if (ProbesEnabled()) Probe(("files.row." + e.name).c_str());
        ImGui::PopID();
        ImGui::TableNextColumn();
        if (!e.is_folder) ImGui::TextUnformatted(appmodel::format_size(e.size).c_str());
      }
    }
    ImGui::EndTable();
  }
  if (enter) (void)b.enter(*enter);

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
