#include "safehold/appmodel/type_to_select.hpp"

#include <cstddef>

namespace safehold::appmodel {
namespace {

constexpr double kPause = 1.0;  // seconds without typing that start a new prefix

// ASCII letters lower-cased; other characters as they are.
std::string lower_ascii(std::string_view utf8) {
  std::string out(utf8);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool starts_with_folded(std::string_view label, std::string_view prefix) {
  if (label.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = label[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

// True if `typed` is `one` repeated.
bool is_repeat_of(std::string_view typed, std::string_view one) {
  if (one.empty() || typed.size() % one.size() != 0) return false;
  for (std::size_t i = 0; i < typed.size(); i += one.size()) {
    if (typed.substr(i, one.size()) != one) return false;
  }
  return true;
}

}  // namespace

int TypeToSelect::type(std::string_view c, double now, std::span<const std::string_view> labels, int current) {
  if (now - last_ > kPause) typed_.clear();
  last_ = now;
  const std::string one = lower_ascii(c);
  typed_ += one;
  const int n = static_cast<int>(labels.size());
  if (n == 0) return -1;
  if (is_repeat_of(typed_, one)) {
    // The same letter again: the next entry starting with it, round the end.
    for (int k = 1; k <= n; ++k) {
      const int i = ((current < 0 ? -1 : current) + k) % n;
      if (starts_with_folded(labels[static_cast<std::size_t>(i)], one)) return i;
    }
    return -1;
  }
  // A longer prefix: the first entry from the current one that starts with it.
  for (int k = 0; k < n; ++k) {
    const int i = ((current < 0 ? 0 : current) + k) % n;
    if (starts_with_folded(labels[static_cast<std::size_t>(i)], typed_)) return i;
  }
  return -1;
}

}  // namespace safehold::appmodel
