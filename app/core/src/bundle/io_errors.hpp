#pragma once
// Mapping of stream errors (io::IoError) onto bundle failure kinds.
#include "safehold/core/bundle/error.hpp"
#include "safehold/crypto/byte_io.hpp"

namespace safehold::core::bundle {

// An error met while reading bundle bytes: the age layer surfaces
// authentication failures as `corrupt` and a missing final chunk as `truncated`.
inline BundleError from_read_error(io::IoError e) noexcept {
  switch (e) {
    case io::IoError::corrupt:
      return BundleError::tampered;
    case io::IoError::truncated:
      return BundleError::truncated;
    case io::IoError::cancelled:
      return BundleError::cancelled;
    case io::IoError::too_large:
      return BundleError::too_large;
    case io::IoError::disk_full:
      return BundleError::disk_full;
    case io::IoError::write_failed:
      return BundleError::write_failed;
    case io::IoError::read_failed:
      break;
  }
  return BundleError::read_failed;
}

// An error met while writing bundle bytes (or while reading a file to seal:
// then see from_source_error).
inline BundleError from_write_error(io::IoError e) noexcept {
  switch (e) {
    case io::IoError::disk_full:
      return BundleError::disk_full;
    case io::IoError::cancelled:
      return BundleError::cancelled;
    default:
      return BundleError::write_failed;
  }
}

}  // namespace safehold::core::bundle
