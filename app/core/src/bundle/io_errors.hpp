#pragma once
// Mapping of stream errors (base::IoError) onto bundle failure kinds.
#include "safehold/core/bundle/error.hpp"
#include "safehold/base/byte_io.hpp"

namespace safehold::core::bundle {

// An error met while reading bundle bytes: the age layer surfaces
// authentication failures as `corrupt` and a missing final chunk as `truncated`.
inline BundleError from_read_error(base::IoError e) noexcept {
  switch (e) {
    case base::IoError::corrupt:
      return BundleError::tampered;
    case base::IoError::truncated:
      return BundleError::truncated;
    case base::IoError::cancelled:
      return BundleError::cancelled;
    case base::IoError::too_large:
      return BundleError::too_large;
    case base::IoError::disk_full:
      return BundleError::disk_full;
    case base::IoError::write_failed:
      return BundleError::write_failed;
    case base::IoError::read_failed:
      break;
  }
  return BundleError::read_failed;
}

// An error met while writing bundle bytes (or while reading a file to seal:
// then see from_source_error).
inline BundleError from_write_error(base::IoError e) noexcept {
  switch (e) {
    case base::IoError::disk_full:
      return BundleError::disk_full;
    case base::IoError::cancelled:
      return BundleError::cancelled;
    default:
      return BundleError::write_failed;
  }
}

}  // namespace safehold::core::bundle
