#pragma once
// minisign keys and signatures on disk. Writes are atomic (temporary file,
// fsync, rename, fsync the folder); secret key files get mode 0600 and their
// text only ever sits in guarded memory.
#include <filesystem>
#include <string>
#include <string_view>

#include "safehold/crypto/minisign.hpp"
#include "safehold/crypto/minisign_secret_key.hpp"

namespace safehold::crypto::minisign {

[[nodiscard]] expected<PublicKey, MinisignError> load_public_key_file(
    const std::filesystem::path& path);
[[nodiscard]] expected<void, MinisignError> save_public_key_file(
    const std::filesystem::path& path, const PublicKey& key);

[[nodiscard]] expected<Signature, MinisignError> load_signature_file(
    const std::filesystem::path& path);
[[nodiscard]] expected<void, MinisignError> save_signature_file(
    const std::filesystem::path& path, const Signature& signature);

[[nodiscard]] expected<SecretKeyFile, MinisignError> load_secret_key_file(
    const std::filesystem::path& path);
[[nodiscard]] expected<void, MinisignError> save_secret_key_file(
    const std::filesystem::path& path, const SecretKey& key, const SecretBuffer& passphrase,
    ScryptCost cost = kMinisignScryptCost);

// sign()/verify() on files, streamed.
[[nodiscard]] expected<Signature, MinisignError> sign_file(
    const SecretKey& key, const std::filesystem::path& file, std::string_view trusted_comment,
    std::string_view untrusted_comment = kDefaultSignatureComment);
[[nodiscard]] expected<std::string, MinisignError> verify_file(
    const PublicKey& key, const std::filesystem::path& signature_file,
    const std::filesystem::path& file);

}  // namespace safehold::crypto::minisign
