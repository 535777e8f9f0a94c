#include "safehold/appmodel/qr_code.hpp"

#include <qrencode.h>

#include <string>

namespace safehold::appmodel {

QrCode make_qr(std::string_view text) {
  QrCode out;
  const std::string data(text);
  QRcode* code = QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()),
                                   0, QR_ECLEVEL_M);
  if (code == nullptr) return out;
  out.size = code->width;
  const auto n = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  out.dark.resize(n);
  // Bit 0 of each byte is the module's colour (qrencode.h).
  for (std::size_t i = 0; i < n; ++i) out.dark[i] = static_cast<std::uint8_t>(code->data[i] & 1u);
  QRcode_free(code);
  return out;
}

}  // namespace safehold::appmodel
