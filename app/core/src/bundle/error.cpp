#include "safehold/core/bundle/error.hpp"

namespace safehold::core::bundle {

const char* describe(BundleError e) noexcept {
  switch (e) {
    case BundleError::not_addressed_to_us:
      return "this bundle is not addressed to you";
    case BundleError::malformed_age:
      return "not a sealed bundle (not a binary age file)";
    case BundleError::malformed_tar:
      return "the bundle's archive is malformed";
    case BundleError::malformed_manifest:
      return "the bundle's manifest is malformed";
    case BundleError::unsupported_version:
      return "the bundle was made by a newer version of Safehold";
    case BundleError::malformed_sums:
      return "the bundle's SHA256SUMS file is malformed";
    case BundleError::malformed_signature:
      return "the bundle's signature file is malformed";
    case BundleError::tampered:
      return "the bundle has been altered or damaged";
    case BundleError::truncated:
      return "the bundle is incomplete (truncated)";
    case BundleError::unknown_signer:
      return "the bundle is signed by someone not in your contacts";
    case BundleError::unverified_signer:
      return "the bundle is signed by a contact whose key you have not verified";
    case BundleError::forwarded:
      return "the bundle was not addressed to you: a recipient forwarded it";
    case BundleError::manifest_sums_mismatch:
      return "the bundle's manifest and SHA256SUMS disagree";
    case BundleError::file_missing:
      return "a file listed in the bundle is missing";
    case BundleError::file_not_listed:
      return "the bundle holds a file its manifest does not list";
    case BundleError::unsafe_path:
      return "the bundle holds an entry with an unsafe path or type";
    case BundleError::duplicate_entry:
      return "the bundle holds the same entry twice";
    case BundleError::wrong_order:
      return "the bundle's entries are in the wrong order";
    case BundleError::too_large:
      return "the bundle exceeds a size limit";
    case BundleError::already_imported:
      return "this bundle was already imported";
    case BundleError::bundle_id_reused:
      return "a different bundle with this id was imported before (refused, nothing changed)";
    case BundleError::sender_mismatch:
      return "the bundle's sender age key is not the one of the contact who signed it";
    case BundleError::invalid_input:
      return "the bundle contents are not valid";
    case BundleError::source_mismatch:
      return "a file no longer matches its recorded size or SHA-256";
    case BundleError::cancelled:
      return "cancelled";
    case BundleError::read_failed:
      return "could not read the input";
    case BundleError::write_failed:
      return "could not write the output";
    case BundleError::disk_full:
      return "the disk is full";
  }
  return "bundle error";
}

std::string describe(const BundleFailure& f) {
  std::string out = describe(f.code);
  if (!f.detail.empty()) out += " (" + f.detail + ")";
  return out;
}

}  // namespace safehold::core::bundle
