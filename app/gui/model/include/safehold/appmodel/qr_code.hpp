#pragma once
// A QR code as a square matrix of dark/light modules (libqrencode), for the
// GUI to draw as rectangles: no image file is ever written.
#include <cstdint>
#include <string_view>
#include <vector>

namespace safehold::appmodel {

struct QrCode {
  int size = 0;                  // modules per side; 0 = none
  std::vector<std::uint8_t> dark;  // size*size, row-major, 1 = dark
  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] != 0;
  }
};

// Encodes `text` as 8-bit data at error-correction level M. Empty on failure
// (text too long for a QR code).
[[nodiscard]] QrCode make_qr(std::string_view text);

}  // namespace safehold::appmodel
