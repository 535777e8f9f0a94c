#pragma once
// Type-to-select in a closed combo or list, as in native lists: letters
// typed while it has the keyboard focus choose an entry. Typing the same
// letter again moves to the next entry starting with it ("o", "o": the
// second "Oral…" method); other letters extend the prefix ("or"). A pause
// of a second starts over. Labels are compared without case (ASCII) on
// their beginning.
#include <span>
#include <string>
#include <string_view>

namespace safehold::appmodel {

class TypeToSelect {
 public:
  // One typed character `c` (its UTF-8) at time `now` (seconds) over `labels`, where
  // `current` is the entry chosen now (-1: none). Returns the entry to
  // choose, or -1 when none matches (the choice stays as it is).
  int type(std::string_view c, double now, std::span<const std::string_view> labels, int current);
  void clear() { typed_.clear(); }

 private:
  std::string typed_;  // lower-cased UTF-8 of the characters typed so far
  double last_ = -1e9;
};

}  // namespace safehold::appmodel
