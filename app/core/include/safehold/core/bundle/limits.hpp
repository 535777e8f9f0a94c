#pragma once
// Limits of bundle format v1 (schema/bundle-v1.md section 3.4).
#include <cstddef>
#include <cstdint>

namespace safehold::core::bundle {

// Written by this build; readers take kOldestFormatVersion..kFormatVersion
// (schema/bundle-v1.md 12: version 2 adds owners, revisions and notices).
inline constexpr int kFormatVersion = 2;
inline constexpr int kOldestFormatVersion = 1;
inline constexpr std::size_t kMaxFiles = 20000;
inline constexpr std::size_t kMaxManifestSize = 8u << 20;
inline constexpr std::size_t kMaxSumsSize = 4u << 20;
inline constexpr std::size_t kMaxSignatureSize = 4u << 10;
inline constexpr std::uint64_t kMaxCaseFileSize = 16ull << 20;
// A notice lists at most 10 000 record ids (bundle-v1.md 12.4).
inline constexpr std::uint64_t kMaxNoticeFileSize = 1ull << 20;
inline constexpr std::uint64_t kMaxAuditFileSize = 256ull << 20;
inline constexpr std::uint64_t kMaxAttachmentSize = 1ull << 36;
inline constexpr std::uint64_t kMaxTotalSize = 1ull << 40;
inline constexpr std::size_t kMaxRecipients = 32;
inline constexpr std::size_t kMaxCases = 1000;
// Zero bytes allowed from the start of the end-of-archive marker.
inline constexpr std::uint64_t kMaxTarTail = 1u << 20;

}  // namespace safehold::core::bundle
