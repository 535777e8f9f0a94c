#pragma once
// Characters outside the BMP (emoji, CJK Extension B and later) in text
// fields whose editor holds 16-bit code units only: Debian's Dear ImGui is
// built with 16-bit ImWchar and turns every such character into U+FFFD.
//
// While text is edited, each distinct code point above U+FFFF stands in as a
// code point of the BMP Private Use Area (allocated from U+F8FF downward);
// from_edit() turns the stand-ins back. A Private Use character that is
// genuinely in the text and already serves as a stand-in is itself given a
// stand-in (an escape), and a genuine one seen first is never allocated
// later, so from_edit(to_edit(s)) == s for every well-formed UTF-8 `s`, and
// text typed or pasted meanwhile (mapped the same way) keeps its meaning.
//
// Contract: the table is session-wide (a stand-in keeps its meaning until
// clear()), holds code points derived from record text, so it lives only in
// memory and AppModel::lock() clears it. Not thread-safe: GUI thread only.
// to_edit() refuses (nullopt) text that is not well-formed UTF-8 (overlong
// forms, surrogates, values past U+10FFFF, truncated sequences) and text
// that needs a stand-in once all 6,400 are taken: such a field must be shown
// read-only. from_edit() accepts any bytes and copies malformed ones as they
// are.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace safehold::appmodel {

class AstralEscapes {
 public:
  static constexpr char32_t kHighest = 0xF8FF;  // first stand-in handed out
  static constexpr char32_t kLowest = 0xE000;   // Private Use Area start

  // The form of `utf8` an editor with 16-bit code units keeps intact.
  [[nodiscard]] std::optional<std::string> to_edit(std::string_view utf8);
  // One typed or pasted code point as the editor must receive it; nullopt
  // when it needs a stand-in and none is left.
  [[nodiscard]] std::optional<char32_t> to_edit(char32_t cp);
  // The stored form of edited text: stand-ins back to what they stand for.
  [[nodiscard]] std::string from_edit(std::string_view edit) const;
  // How many stand-ins `edit` holds (characters the screen cannot draw).
  [[nodiscard]] std::size_t stand_ins_in(std::string_view edit) const;
  // Stand-ins handed out.
  [[nodiscard]] std::size_t size() const { return to_original_.size(); }
  // True when no stand-in is left to hand out.
  [[nodiscard]] bool full() const;
  void clear();

 private:
  [[nodiscard]] std::optional<char32_t> stand_in_for(char32_t original);

  std::unordered_map<char32_t, char32_t> to_stand_in_;
  std::unordered_map<char32_t, char32_t> to_original_;
  std::unordered_set<char32_t> genuine_;  // Private Use code points met as themselves
  char32_t next_ = kHighest;
};

// The process's one table: the GUI's text fields, typing and clipboard use it.
AstralEscapes& astral_escapes();

}  // namespace safehold::appmodel
