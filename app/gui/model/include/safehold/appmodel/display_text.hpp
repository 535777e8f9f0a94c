#pragma once
// Text as Dear ImGui can draw it. ImGui draws code point by code point, left
// to right, one glyph each: no joining, no reordering, no stacking. For
// display (labels, headings, list and table cells: never an editable field,
// which keeps logical order) FriBidi turns stored (logical-order) text into
// visual order with Arabic-script letters replaced by their joined
// presentation forms (U+FB50–FDFF, U+FE70–FEFF) and mirrored brackets.
// Docs: docs/gui.md "Scripts: shaping and right-to-left".
//
// Where that cannot be exact, `approximate` says so, so the UI can say
// "stored exactly; shown approximately": Tibetan stacks and vowel signs,
// combining marks (drawn as separate glyphs), Arabic-script letters that have
// no presentation form for their joined shape (e.g. Uyghur ە after a joining
// letter).
#include <string>
#include <string_view>

namespace safehold::appmodel {

struct DisplayText {
  std::string visual;        // UTF-8, visual order, joined forms
  bool approximate = false;  // drawn, but not as a shaping engine would
  bool right_to_left = false;  // some line has a right-to-left base direction
};

// Shapes each line of `logical` (UTF-8; malformed bytes are dropped). Text
// with nothing right-to-left, Arabic or combining is returned unchanged.
[[nodiscard]] DisplayText ShapeForDisplay(std::string_view logical);

// True when ShapeForDisplay may change `utf8` or call it approximate
// (ASCII-only text is decided without allocating).
[[nodiscard]] bool NeedsShaping(std::string_view utf8);

}  // namespace safehold::appmodel
