#pragma once
// The ids of the last few widgets of one kind (passphrase fields), to ask whether the widget being edited is one of them. ImGui keeps no
// such flag in its text state (a passphrase shown in clear has no Password flag). Widget ids are hashes of labels, not
// content.
#include <imgui.h>
#include <imgui_internal.h>  // ImGui::GetActiveID

#include <cstddef>

namespace safehold::gui {

class RecentIds {
 public:
  void Note(ImGuiID id) {
    for (ImGuiID known : ids_) {
      if (known == id) return;
    }
    ids_[next_] = id;
    next_ = (next_ + 1) % kSize;
  }
  [[nodiscard]] bool HasActive() const {
    if (ImGui::GetCurrentContext() == nullptr || ImGui::GetActiveID() == 0) return false;
    for (ImGuiID id : ids_) {
      if (id == ImGui::GetActiveID()) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kSize = 8;
  ImGuiID ids_[kSize] = {};
  std::size_t next_ = 0;
};

}  // namespace safehold::gui
