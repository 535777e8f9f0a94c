#pragma once
// Key indices in io.KeysDown. The GLFW backend (ImGui 1.86) indexes
// io.KeysDown by GLFW key codes: letters are their upper-case ASCII values,
// F12 is 301. main.cpp static_asserts these against GLFW's own constants;
// the headless tests press the same indices.
namespace safehold::gui::keys {

inline constexpr int kL = 'L';
inline constexpr int kF12 = 301;
inline constexpr int kCount = 512;  // size of io.KeysDown

}  // namespace safehold::gui::keys
