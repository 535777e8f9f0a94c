#include "safehold/storage/attachment_file.hpp"

#include <cstring>

namespace safehold::storage {
namespace {
constexpr std::uint8_t kMagic[8] = {'S', 'H', 'A', 'T', 'T', 'A', 'C', 'H'};
}

const char* describe(AttachmentFileError e) noexcept {
  switch (e) {
    case AttachmentFileError::truncated: return "attachment file is truncated";
    case AttachmentFileError::bad_magic: return "not a Safehold attachment file";
    case AttachmentFileError::unsupported_version: return "unsupported attachment file version";
    case AttachmentFileError::nonzero_reserved: return "reserved attachment header bytes are not zero";
  }
  return "malformed attachment file";
}

std::array<std::uint8_t, kAttachmentHeaderSize> attachment_header() noexcept {
  std::array<std::uint8_t, kAttachmentHeaderSize> h{};
  std::memcpy(h.data(), kMagic, sizeof kMagic);
  h[9] = 1;
  return h;
}

expected<void, AttachmentFileError> parse_attachment_header(std::span<const std::uint8_t> b) {
  if (b.size() < kAttachmentHeaderSize) return unexpected(AttachmentFileError::truncated);
  if (std::memcmp(b.data(), kMagic, sizeof kMagic) != 0) return unexpected(AttachmentFileError::bad_magic);
  if (b[8] != 0 || b[9] != 1) return unexpected(AttachmentFileError::unsupported_version);
  if (b[10] != 0 || b[11] != 0) return unexpected(AttachmentFileError::nonzero_reserved);
  return {};
}

}  // namespace safehold::storage
