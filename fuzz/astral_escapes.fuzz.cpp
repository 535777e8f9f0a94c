// Fuzzes the stand-in table for characters outside the BMP. One table lives
// across inputs (as it does across a session's fields); an input starting
// with 0x00 clears it first, and so does every 4096th input (else the table
// fills up and most inputs only reach the refusal). Checks, for every input s:
//  - to_edit(s) succeeds exactly for well-formed UTF-8 (schema's validator),
//    unless every stand-in is taken;
//  - the edit form is well-formed UTF-8 with nothing outside the BMP, and
//    from_edit(to_edit(s)) == s;
//  - from_edit and stand_ins_in accept any bytes;
//  - the edit forms of the last 16 inputs still mean what they meant (an
//    open text field keeps its edit form while other fields map more text).
#include <array>
#include <utility>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "safehold/appmodel/astral_escapes.hpp"
#include "safehold/schema/formats.hpp"

using safehold::appmodel::AstralEscapes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static AstralEscapes table;
  static std::array<std::pair<std::string, std::string>, 16> recent;  // (text, its edit form)
  static std::size_t inputs = 0;
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  if ((!s.empty() && s.front() == '\0') || ++inputs % 4096 == 0) {
    table.clear();
    recent.fill({});
  }
  (void)table.from_edit(s);
  (void)table.stand_ins_in(s);
  const bool valid = safehold::schema::is_valid_utf8(s);
  const auto edit = table.to_edit(s);
  if (!edit) {
    // Refused valid text only when no stand-in is left.
    if (valid && !table.full()) std::abort();
    return 0;
  }
  if (!valid) std::abort();
  if (!safehold::schema::is_valid_utf8(*edit)) std::abort();
  for (char c : *edit) {
    if (static_cast<unsigned char>(c) >= 0xF0) std::abort();  // a 4-byte sequence survived
  }
  if (table.from_edit(*edit) != s) std::abort();
  for (const auto& [text, form] : recent) {
    if (table.from_edit(form) != text) std::abort();
  }
  recent[inputs % recent.size()] = {std::string(s), *edit};
  return 0;
}
