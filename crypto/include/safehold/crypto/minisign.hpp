#pragma once
// minisign (jedisct1/minisign, 0.11 behaviour): Ed25519 key pairs, public keys,
// and prehashed ("ED") signatures with a trusted comment.
//
// Formats (all base64 is the standard alphabet with padding, canonical only):
//   public key   "untrusted comment: <text>\n" + b64("Ed" || key id(8) || pk(32)) + "\n"
//   signature    "untrusted comment: <text>\n"
//                b64("ED" || key id(8) || Ed25519(BLAKE2b-512(file)))
//                "trusted comment: <text>\n"
//                b64(Ed25519(signature(64) || trusted comment text))
//
// Parsers are strict: exact lengths, canonical base64, the algorithm we
// produce, nothing after the last line. Lines end in LF or CRLF (minisign
// reads with fgets and strips both), the last line may lack its terminator;
// a CR anywhere else, or a NUL byte, is malformed (minisign would silently cut
// the line there). Line-length limits are minisign's buffer sizes, so every
// file we accept minisign reads the same way, and every file we write
// minisign verifies.
//
// Secret key files live in minisign_secret_key.hpp, path helpers in
// minisign_files.hpp.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "safehold/base/byte_io.hpp"
#include "safehold/crypto/secret.hpp"
#include "safehold/expected.hpp"

struct crypto_generichash_blake2b_state;  // libsodium's BLAKE2b state (sodium.h)

namespace safehold::crypto::minisign {

inline constexpr std::size_t kKeyIdSize = 8;
inline constexpr std::size_t kPublicKeySize = 32;
inline constexpr std::size_t kSecretKeySize = 64;  // libsodium layout: seed(32) || public key(32)
inline constexpr std::size_t kSignatureSize = 64;
inline constexpr std::size_t kPrehashSize = 64;  // BLAKE2b-512

// Longest trusted comment minisign 0.11 verifies (its line buffer is 8192
// bytes including "trusted comment: ", LF and NUL). minisign -S itself stops
// at 4077 bytes (a printf buffer), but verifies up to this limit.
inline constexpr std::size_t kMaxTrustedCommentBytes = 8173;
// Longest untrusted comment minisign 0.11 reads (1024-byte line buffer).
inline constexpr std::size_t kMaxUntrustedCommentBytes = 1003;
inline constexpr std::string_view kDefaultSignatureComment = "signature from minisign secret key";

using KeyId = std::array<std::uint8_t, kKeyIdSize>;
using RawPublicKey = std::array<std::uint8_t, kPublicKeySize>;
using Prehash = std::array<std::uint8_t, kPrehashSize>;

enum class MinisignError {
  malformed,              // not a well-formed minisign key, key file or signature file
  unsupported_algorithm,  // algorithm, KDF or checksum id other than minisign's
  legacy_signature,       // a non-prehashed "Ed" signature: refused
  key_id_mismatch,        // the signature was made by a different key
  bad_signature,          // the file signature does not verify: file changed or forged
  bad_global_signature,   // the trusted comment signature does not verify
  invalid_comment,        // a comment to write holds CR, LF or NUL, or is too long
  wrong_passphrase,       // secret key checksum mismatch after decryption
  passphrase_required,    // the secret key file is encrypted
  not_encrypted,          // a passphrase was given for an unencrypted secret key file
  unusable_passphrase,    // minisign could not type it (NUL, CR, LF, over 1022 bytes)
  kdf_too_costly,         // scrypt parameters above the caller's cap
  kdf_failed,             // scrypt could not run (out of memory)
  corrupt_secret_key,     // checksum or key pair inconsistent in an unencrypted key
  not_found,              // file does not exist
  io_failed,              // reading or writing failed
};

// One line, no user data.
const char* describe(MinisignError e) noexcept;

// The key id as minisign shows it: the id read as a little-endian 64-bit
// number, as 16 upper-case hex digits (e.g. "5663B6B3D2AAD01F"). Always 16
// digits here; the comment of a public key file drops leading zeros, as
// minisign 0.11 does.
std::string key_id_hex(const KeyId& id);

class PublicKey {
 public:
  PublicKey(const KeyId& id, const RawPublicKey& key) noexcept : id_(id), key_(key) {}

  // The 56-character base64 key line (what `minisign -P` takes), nothing else.
  [[nodiscard]] static expected<PublicKey, MinisignError> parse_key_line(std::string_view line);
  // The two-line public key file.
  [[nodiscard]] static expected<PublicKey, MinisignError> parse_file(std::string_view text);

  const KeyId& key_id() const noexcept { return id_; }
  const RawPublicKey& bytes() const noexcept { return key_; }
  std::string key_line() const;
  // Exactly what `minisign -G` (0.11) writes:
  // "untrusted comment: minisign public key <ID, no leading zeros>\n<line>\n".
  std::string file_text() const;

  // Constant time (keys are compared with crypto::equal_constant_time).
  friend bool operator==(const PublicKey& a, const PublicKey& b) noexcept;

 private:
  KeyId id_;
  RawPublicKey key_;
};

class SecretKey {
 public:
  // A fresh Ed25519 key pair and a random key id.
  [[nodiscard]] static SecretKey generate();
  // From stored bytes: the key id and libsodium's 64-byte secret key. Fails
  // with corrupt_secret_key if the public half does not match the seed.
  [[nodiscard]] static expected<SecretKey, MinisignError> from_bytes(
      const KeyId& id, std::span<const std::uint8_t> secret_key);

  const KeyId& key_id() const noexcept { return id_; }
  PublicKey public_key() const;
  // The 64-byte libsodium secret key (to store it; never print it).
  const SecretBuffer& secret_bytes() const noexcept { return sk_; }

 private:
  SecretKey(const KeyId& id, SecretBuffer sk) noexcept : id_(id), sk_(std::move(sk)) {}
  KeyId id_;
  SecretBuffer sk_;
};

class Signature;
[[nodiscard]] expected<Signature, MinisignError> sign_prehashed(
    const SecretKey& key, const Prehash& hash, std::string_view trusted_comment,
    std::string_view untrusted_comment = kDefaultSignatureComment);
[[nodiscard]] expected<std::string, MinisignError> verify_prehashed(const PublicKey& key,
                                                                    const Signature& signature,
                                                                    const Prehash& hash);

// A parsed .minisig file. The trusted comment is deliberately not readable
// here: only verification returns it, so nothing can act on an unverified one.
class Signature {
 public:
  [[nodiscard]] static expected<Signature, MinisignError> parse(std::string_view text);

  const KeyId& key_id() const noexcept { return key_id_; }
  std::string_view untrusted_comment() const noexcept { return untrusted_comment_; }
  // The four-line file exactly as minisign writes it (LF line ends).
  std::string text() const;

 private:
  Signature() = default;
  friend expected<Signature, MinisignError> sign_prehashed(const SecretKey&, const Prehash&,
                                                           std::string_view, std::string_view);
  friend expected<std::string, MinisignError> verify_prehashed(const PublicKey&,
                                                               const Signature&, const Prehash&);
  KeyId key_id_{};
  std::array<std::uint8_t, kSignatureSize> signature_{};
  std::array<std::uint8_t, kSignatureSize> global_signature_{};
  std::string trusted_comment_;
  std::string untrusted_comment_;
};

// BLAKE2b-512 of everything written to it: the prehash of an "ED" signature.
// Lets a consumer hash a stream while it passes through (e.g. while staging).
class Prehasher final : public base::ByteSink {
 public:
  Prehasher();
  Prehasher(Prehasher&&) noexcept;
  Prehasher& operator=(Prehasher&&) noexcept;
  ~Prehasher() override;
  [[nodiscard]] expected<void, base::IoError> write(std::span<const std::uint8_t> data) override;
  // Call once, after the last write.
  [[nodiscard]] Prehash finish() noexcept;

 private:
  std::unique_ptr<crypto_generichash_blake2b_state> state_;
};

// Reads `in` to its end, in constant memory.
[[nodiscard]] expected<Prehash, base::IoError> prehash(base::ByteSource& in);

// Signs everything `file` yields. The trusted comment must be one line (no CR,
// LF or NUL) of at most kMaxTrustedCommentBytes; the untrusted comment the same
// within kMaxUntrustedCommentBytes (invalid_comment otherwise).
[[nodiscard]] expected<Signature, MinisignError> sign(
    const SecretKey& key, base::ByteSource& file, std::string_view trusted_comment,
    std::string_view untrusted_comment = kDefaultSignatureComment);

// Checks, in order: key id, the file signature over BLAKE2b-512(file), the
// global signature over (signature || trusted comment). Returns the trusted
// comment only when all hold.
[[nodiscard]] expected<std::string, MinisignError> verify(const PublicKey& key,
                                                          const Signature& signature,
                                                          base::ByteSource& file);
// Same, from the text of a .minisig file (parse errors first).
[[nodiscard]] expected<std::string, MinisignError> verify(const PublicKey& key,
                                                          std::string_view signature_text,
                                                          base::ByteSource& file);

}  // namespace safehold::crypto::minisign
