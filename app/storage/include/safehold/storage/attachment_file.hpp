#pragma once
// The on-disk format of an attachment file (docs/storage.md "Attachment
// files"): a 12-byte header, then the plaintext sealed with STREAM (the age v1
// payload construction, crypto/stream.hpp) under the file's own random key,
// which lives only in the database.
//
//   offset size  field
//        0    8  magic "SHATTACH"
//        8    2  format version, big-endian, = 1
//       10    2  reserved, = 0
//       12    …  STREAM: 64 KiB chunks, each + 16-byte Poly1305 tag
#include <array>
#include <cstdint>
#include <span>

#include "safehold/expected.hpp"

namespace safehold::storage {

inline constexpr std::size_t kAttachmentHeaderSize = 12;

enum class AttachmentFileError { truncated, bad_magic, unsupported_version, nonzero_reserved };
const char* describe(AttachmentFileError e) noexcept;

std::array<std::uint8_t, kAttachmentHeaderSize> attachment_header() noexcept;
// Strict: exactly the header above (input shorter than 12 bytes: truncated).
[[nodiscard]] expected<void, AttachmentFileError> parse_attachment_header(std::span<const std::uint8_t> bytes);

}  // namespace safehold::storage
