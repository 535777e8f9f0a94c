#pragma once
// Drawing stored text through ShapeForDisplay (appmodel/display_text.hpp):
// Arabic-script text joined and right to left, and a marker where what is
// drawn is only an approximation ("stored exactly; shown approximately").
// Labels, headings, list and table cells call these; editable fields keep
// logical order and get ShapedPreview() under them.
#include <string>
#include <string_view>

namespace safehold::gui {

// TextUnformatted / TextWrapped of the shaped text, followed on the same line
// by a small "≈" whose tooltip says the text is stored exactly but shown
// approximately, when it is.
void TextShaped(std::string_view stored);
void TextWrappedShaped(std::string_view stored);
// One line that fits the available width (a table cell of a list whose rows
// are one line high): when the shaped text is wider it is cut at a
// character and "…" shows where (at the right, or at the left for
// right-to-left text, so its beginning stays); hovering shows it whole.
void TextShapedFit(std::string_view stored);

// Under an editable field holding right-to-left or approximate text: a
// read-only line with the shaped text (right-aligned when right to left)
// and the note. Draws nothing for other text.
void ShapedPreview(std::string_view stored);

}  // namespace safehold::gui
