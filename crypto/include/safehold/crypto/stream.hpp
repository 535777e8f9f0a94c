#pragma once
// STREAM: the chunked AEAD of age v1 payloads (C2SP age.md, "Payload"), used
// for bundle payloads and for attachments at rest. Plaintext is cut into
// 64 KiB chunks, each sealed with ChaCha20-Poly1305 (IETF) under one 32-byte
// key and the 12-byte nonce  counter(11 bytes, big-endian) || last-flag(1).
//
// Rules (identical to age): the last chunk carries flag 1; it may be full; it
// is empty only when the whole payload is empty. A missing last chunk, an
// empty last chunk after data, or any byte after the last chunk is an error.
//
// Both directions stream in constant memory. The key must never be reused for
// a second payload: derive a fresh one per file (age does so with a nonce and
// HKDF; attachments use a fresh random key).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "safehold/base/byte_io.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::crypto {

inline constexpr std::size_t kStreamChunkSize = 64 * 1024;
inline constexpr std::size_t kStreamTagSize = 16;
inline constexpr std::size_t kStreamKeySize = 32;
inline constexpr std::size_t kStreamSealedChunkSize = kStreamChunkSize + kStreamTagSize;

enum class StreamError {
  io,                     // the underlying source or sink failed (see io_error())
  truncated,              // input ended before the last chunk
  authentication_failed,  // a chunk does not authenticate (tampered, wrong key, reordered)
  empty_last_chunk,       // an empty last chunk after data: non-canonical
  trailing_data,          // bytes after the last chunk
  too_long,               // chunk counter would overflow
};
const char* describe(StreamError e) noexcept;

// Size of the sealed STREAM for a plaintext of `plaintext_size` bytes.
std::uint64_t stream_sealed_size(std::uint64_t plaintext_size) noexcept;

// Encrypts everything written to it into `out`. Call finish() exactly once
// after the last write; without finish() the output is a truncated stream that
// no reader accepts.
class StreamWriter final : public base::ByteSink {
 public:
  // `key` must be kStreamKeySize bytes (std::invalid_argument otherwise).
  StreamWriter(std::span<const std::uint8_t> key, base::ByteSink& out);
  [[nodiscard]] expected<void, base::IoError> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] expected<void, base::IoError> finish();

 private:
  [[nodiscard]] expected<void, base::IoError> seal_chunk(bool last);
  SecretBuffer key_;
  base::ByteSink& out_;
  SecretBuffer plain_;  // pending plaintext, up to one chunk
  std::size_t pending_ = 0;
  std::vector<std::uint8_t> sealed_;
  std::uint8_t nonce_[12] = {};
  bool finished_ = false;
  bool failed_ = false;
};

// Decrypts a STREAM read from `in`. Plaintext is released chunk by chunk, as
// each chunk authenticates; a truncated or tampered stream is therefore only
// detected when its damaged chunk is reached. Consumers that must not act on
// partial data (imports) stage what they read and commit only after read()
// has returned 0.
class StreamReader final : public base::ByteSource {
 public:
  StreamReader(std::span<const std::uint8_t> key, base::ByteSource& in);
  // Returns 0 only after the last chunk authenticated and the input ended.
  [[nodiscard]] expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override;
  // The detailed reason after read() failed.
  std::optional<StreamError> error() const noexcept { return error_; }
  std::optional<base::IoError> io_error() const noexcept { return io_error_; }

 private:
  [[nodiscard]] bool open_next_chunk();
  bool fail(StreamError e, std::optional<base::IoError> io = std::nullopt);
  SecretBuffer key_;
  base::ByteSource& in_;
  SecretBuffer plain_;
  std::size_t plain_len_ = 0;
  std::size_t plain_pos_ = 0;
  std::vector<std::uint8_t> sealed_;
  std::uint8_t nonce_[12] = {};
  bool saw_last_ = false;
  bool done_ = false;                       // last chunk released and EOF confirmed
  std::optional<StreamError> pending_error_;  // reported once the released plaintext is read
  std::optional<StreamError> error_;
  std::optional<base::IoError> io_error_;
};

}  // namespace safehold::crypto
