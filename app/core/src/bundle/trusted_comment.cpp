#include "safehold/core/bundle/trusted_comment.hpp"

#include "safehold/crypto/secret.hpp"

namespace safehold::core::bundle {

Sha256Digest recipients_digest(const std::vector<std::string>& recipients) {
  Sha256 h;
  for (const auto& r : recipients) {
    h.update(as_bytes(r));
    h.update(as_bytes("\n"));
  }
  return h.finish();
}

std::string build_trusted_comment(const Manifest& m) {
  return "safehold-bundle v1 id=" + m.bundle_id +
         " recipients=" + to_hex(recipients_digest(m.recipients));
}

bool trusted_comment_matches(std::string_view comment, const Manifest& m) {
  // Rebuilding and comparing accepts exactly one spelling. The comment is
  // authenticated by the signature already; the compare need not be secret,
  // but the digest part is compared in constant time anyway.
  const std::string expected = build_trusted_comment(m);
  return comment.size() == expected.size() &&
         crypto::equal_constant_time(as_bytes(comment), as_bytes(expected));
}

}  // namespace safehold::core::bundle
