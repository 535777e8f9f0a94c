// BundleReader: section 8 step 1 (age header and our identity), then the
// plaintext checks of read_bundle_tar on the decrypting stream.
#include "safehold/core/bundle/bundle_reader.hpp"

#include "io_errors.hpp"
#include "safehold/crypto/age/decryptor.hpp"

namespace safehold::core::bundle {
namespace {

BundleFailure from_age_open(const age::AgeFailure& e) {
  switch (e.code) {
    case age::AgeError::no_match:
      return {BundleError::not_addressed_to_us, {}};
    case age::AgeError::hmac_failure:
      return {BundleError::tampered, "age header"};
    case age::AgeError::io:
      if (e.io && *e.io != base::IoError::corrupt) return {from_read_error(*e.io), {}};
      break;
    default:
      break;
  }
  return {BundleError::malformed_age, e.detail};
}

}  // namespace

BundleReader::BundleReader(const age::X25519Identity& identity, ReadOptions options)
    : identity_(identity), options_(std::move(options)) {}

Result<VerifiedBundle> BundleReader::open(base::ByteSource& bundle, BundleConsumer& consumer) {
  // Binary only (section 2): armored input fails as a malformed header.
  auto decryptor = age::Decryptor::open(bundle, identity_, {.armor = age::ArmorMode::refused});
  if (!decryptor) {
    consumer.discard();
    return unexpected(from_age_open(decryptor.error()));
  }
  // Payload failures reach the tar reader as corrupt (-> tampered) or
  // truncated, and win over whatever the tar layer makes of the damage.
  return read_bundle_tar(*decryptor, identity_.recipient().encode(), options_, consumer);
}

Result<VerifiedBundle> BundleReader::verify(base::ByteSource& bundle) {
  DiscardingConsumer nothing;
  return open(bundle, nothing);
}

}  // namespace safehold::core::bundle
