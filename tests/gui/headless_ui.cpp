#include "headless_ui.hpp"

#include <imgui_internal.h>

#include "safehold/appmodel/wiping_allocator.hpp"

namespace safehold::test {

std::string as_imwchar_bytes(std::string_view utf8) {
  std::string s(utf8);
  std::string out;
  const char* p = s.c_str();
  const char* end = p + s.size();
  while (p < end) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    const auto w = static_cast<ImWchar>(c);
    out.append(reinterpret_cast<const char*>(&w), sizeof w);
  }
  return out;
}

bool imgui_memory_holds(std::string_view utf8) {
  return appmodel::wiping_live_contains(utf8) ||
         appmodel::wiping_live_contains(as_imwchar_bytes(utf8));
}

}  // namespace safehold::test
