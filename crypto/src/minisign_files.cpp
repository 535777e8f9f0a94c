// minisign keys and signatures on disk.
#include "safehold/crypto/minisign_files.hpp"

#include "minisign_text.hpp"
#include "safehold/base/file_io.hpp"

namespace safehold::crypto::minisign {
namespace {

namespace fs = std::filesystem;

MinisignError from_file_error(base::FileError e) noexcept {
  return e == base::FileError::not_found ? MinisignError::not_found : MinisignError::io_failed;
}

// Reads a whole key or signature file into guarded memory (a secret key file
// may be unencrypted). Anything longer than any well-formed file is malformed.
expected<SecretBuffer, MinisignError> read_text(const fs::path& path) {
  auto src = base::FileSource::open(path);
  if (!src) return unexpected(from_file_error(src.error()));
  if (src->size() > detail::kMaxFileBytes) return unexpected(MinisignError::malformed);
  SecretBuffer text(detail::kMaxFileBytes + 1);
  auto n = src->read_full(text.span());
  if (!n) return unexpected(MinisignError::io_failed);
  if (*n > detail::kMaxFileBytes) return unexpected(MinisignError::malformed);  // grew meanwhile
  text.truncate(*n);
  return text;
}

expected<void, MinisignError> write_text(const fs::path& path, std::string_view text,
                                         unsigned mode) {
  auto r = base::write_file_atomically(
      path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), mode);
  if (!r) return unexpected(from_file_error(r.error()));
  return {};
}

}  // namespace

expected<PublicKey, MinisignError> load_public_key_file(const fs::path& path) {
  auto text = read_text(path);
  if (!text) return unexpected(text.error());
  return PublicKey::parse_file(text->view());
}

expected<void, MinisignError> save_public_key_file(const fs::path& path, const PublicKey& key) {
  return write_text(path, key.file_text(), 0644);
}

expected<Signature, MinisignError> load_signature_file(const fs::path& path) {
  auto text = read_text(path);
  if (!text) return unexpected(text.error());
  return Signature::parse(text->view());
}

expected<void, MinisignError> save_signature_file(const fs::path& path,
                                                  const Signature& signature) {
  return write_text(path, signature.text(), 0644);
}

expected<SecretKeyFile, MinisignError> load_secret_key_file(const fs::path& path) {
  auto text = read_text(path);
  if (!text) return unexpected(text.error());
  return SecretKeyFile::parse(text->view());
}

expected<void, MinisignError> save_secret_key_file(const fs::path& path, const SecretKey& key,
                                                   const SecretBuffer& passphrase,
                                                   ScryptCost cost) {
  auto text = encode_secret_key_file(key, passphrase, cost);
  if (!text) return unexpected(text.error());
  return write_text(path, text->view(), 0600);
}

expected<Signature, MinisignError> sign_file(const SecretKey& key, const fs::path& file,
                                             std::string_view trusted_comment,
                                             std::string_view untrusted_comment) {
  auto src = base::FileSource::open(file);
  if (!src) return unexpected(from_file_error(src.error()));
  return sign(key, *src, trusted_comment, untrusted_comment);
}

expected<std::string, MinisignError> verify_file(const PublicKey& key,
                                                 const fs::path& signature_file,
                                                 const fs::path& file) {
  auto signature = load_signature_file(signature_file);
  if (!signature) return unexpected(signature.error());
  auto src = base::FileSource::open(file);
  if (!src) return unexpected(from_file_error(src.error()));
  return verify(key, *signature, *src);
}

}  // namespace safehold::crypto::minisign
