#pragma once
// Glyphs on demand: the atlas starts with the common Simplified characters
// and the UI's own text; characters outside it that the app shows (records
// read from the vault, noted in appmodel::shown_codepoints()), that are typed
// (text events in ImGui's input queue) or pasted (the clipboard text ImGui reads) are
// added by rebuilding the atlas between frames.
//
// Contract: only code points are kept (never text), in memory; nothing typed
// or pasted into a passphrase field (MarkSecretField) is noted. Rebuilds are rate-limited
// (kMinInterval seconds of ImGui time between two), so a long paste causes
// one rebuild. Clear() (on lock) forgets every extra code point.
#include <imgui.h>

#include <set>
#include <vector>

namespace safehold::gui {

// Call right after an InputText that holds a passphrase: while it is active,
// typed and pasted characters are not noted (masked or not).
void MarkSecretField();
// True while a field marked so is active (typed or pasted text there is
// neither noted nor mapped).
[[nodiscard]] bool SecretFieldActive();
// True while a text field is being edited: a clipboard read then is a paste;
// other reads (the clipboard guard checking its copy) show nothing.
[[nodiscard]] bool TextFieldActive();

class GlyphGrowth {
 public:
  static constexpr double kMinInterval = 0.25;
  // At most this many extra glyphs (bounds the texture size).
  static constexpr std::size_t kMaxExtra = 12000;

  // Before NewFrame: wraps the clipboard (clipboard_bridge.hpp; again if the
  // host replaced it) and notes the queued typed characters.
  void BeforeFrame(ImGuiIO& io);
  // True when code points are missing from `body` or `heading` and the last
  // rebuild is at least kMinInterval before `now`.
  [[nodiscard]] bool RebuildDue(const ImFont* body, const ImFont* heading, double now);
  void Rebuilt(double now) { last_build_ = now; pending_ = false; }
  // Glyphs are missing and wait for the rate limit (the host wakes for them).
  [[nodiscard]] bool Pending() const { return pending_; }
  [[nodiscard]] std::vector<ImWchar> Extra() const { return {extra_.begin(), extra_.end()}; }
  // Forgets everything; true if the atlas holds extra glyphs to drop.
  bool Clear();

 private:
  std::set<ImWchar> extra_;
  bool pending_ = false;
  double last_build_ = -1e9;
};

}  // namespace safehold::gui
