#include "safehold/crypto/stream.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace safehold::crypto {
namespace {

static_assert(crypto_aead_chacha20poly1305_ietf_ABYTES == kStreamTagSize);
static_assert(crypto_aead_chacha20poly1305_ietf_NPUBBYTES == 12);
static_assert(crypto_aead_chacha20poly1305_ietf_KEYBYTES == kStreamKeySize);

SecretBuffer checked_key(std::span<const std::uint8_t> key) {
  if (key.size() != kStreamKeySize) throw std::invalid_argument("STREAM key must be 32 bytes");
  return SecretBuffer::copy_of(key);
}

// Increments the 11-byte big-endian counter; false on overflow.
bool increment_counter(std::uint8_t (&nonce)[12]) noexcept {
  for (int i = 10; i >= 0; --i) {
    if (++nonce[i] != 0) return true;
  }
  return false;
}

bool counter_is_zero(const std::uint8_t (&nonce)[12]) noexcept {
  for (int i = 0; i < 11; ++i) {
    if (nonce[i] != 0) return false;
  }
  return true;
}

}  // namespace

const char* describe(StreamError e) noexcept {
  switch (e) {
    case StreamError::io: return "could not read or write the encrypted data";
    case StreamError::truncated: return "the encrypted data is truncated";
    case StreamError::authentication_failed:
      return "the encrypted data does not authenticate (damaged, tampered with, or wrong key)";
    case StreamError::empty_last_chunk: return "the encrypted data ends with an empty final chunk";
    case StreamError::trailing_data: return "there are extra bytes after the end of the encrypted data";
    case StreamError::too_long: return "the encrypted data is too long";
  }
  return "stream error";
}

std::uint64_t stream_sealed_size(std::uint64_t plaintext_size) noexcept {
  const std::uint64_t chunks =
      plaintext_size == 0 ? 1 : (plaintext_size + kStreamChunkSize - 1) / kStreamChunkSize;
  return plaintext_size + chunks * kStreamTagSize;
}

// ---- writer ----------------------------------------------------------------

StreamWriter::StreamWriter(std::span<const std::uint8_t> key, base::ByteSink& out)
    : key_(checked_key(key)), out_(out), plain_(kStreamChunkSize), sealed_(kStreamSealedChunkSize) {}

expected<void, base::IoError> StreamWriter::seal_chunk(bool last) {
  nonce_[11] = last ? 1 : 0;
  unsigned long long sealed_len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(sealed_.data(), &sealed_len, plain_.data(), pending_,
                                            nullptr, 0, nullptr, nonce_, key_.data());
  sodium_memzero(plain_.data(), pending_);
  pending_ = 0;
  if (!increment_counter(nonce_) && !last) return unexpected(base::IoError::too_large);
  return out_.write(std::span(sealed_.data(), static_cast<std::size_t>(sealed_len)));
}

expected<void, base::IoError> StreamWriter::write(std::span<const std::uint8_t> data) {
  if (finished_ || failed_) return unexpected(base::IoError::write_failed);
  while (!data.empty()) {
    // A full chunk is sealed only once more data arrives: until then it may
    // still turn out to be the last one.
    if (pending_ == kStreamChunkSize) {
      if (auto r = seal_chunk(false); !r) {
        failed_ = true;
        return r;
      }
    }
    const std::size_t n = std::min(data.size(), kStreamChunkSize - pending_);
    std::memcpy(plain_.data() + pending_, data.data(), n);
    pending_ += n;
    data = data.subspan(n);
  }
  return {};
}

expected<void, base::IoError> StreamWriter::finish() {
  if (finished_ || failed_) return unexpected(base::IoError::write_failed);
  finished_ = true;
  return seal_chunk(true);
}

// ---- reader ----------------------------------------------------------------

StreamReader::StreamReader(std::span<const std::uint8_t> key, base::ByteSource& in)
    : key_(checked_key(key)), in_(in), plain_(kStreamChunkSize), sealed_(kStreamSealedChunkSize) {}

bool StreamReader::fail(StreamError e, std::optional<base::IoError> io) {
  error_ = e;
  io_error_ = io;
  return false;
}

bool StreamReader::open_next_chunk() {
  auto got = in_.read_full(sealed_);
  if (!got) return fail(StreamError::io, got.error());
  const std::size_t n = *got;
  bool last = false;
  if (n == 0) return fail(StreamError::truncated);  // a stream cannot end without a last chunk
  if (n < kStreamSealedChunkSize) {
    // Only the last chunk may be short; it is empty only if it is the only one.
    if (n == kStreamTagSize && !counter_is_zero(nonce_)) return fail(StreamError::empty_last_chunk);
    last = true;
  }
  if (n < kStreamTagSize) return fail(StreamError::truncated);

  auto open = [&](bool as_last) {
    nonce_[11] = as_last ? 1 : 0;
    unsigned long long plain_len = 0;
    const int rc = crypto_aead_chacha20poly1305_ietf_decrypt(
        plain_.data(), &plain_len, nullptr, sealed_.data(), n, nullptr, 0, nonce_, key_.data());
    plain_len_ = static_cast<std::size_t>(plain_len);
    return rc == 0;
  };
  bool ok = open(last);
  if (!ok && !last) {
    // A full-size chunk may be the last one.
    last = true;
    ok = open(true);
  }
  if (!ok) return fail(StreamError::authentication_failed);
  plain_pos_ = 0;
  if (!increment_counter(nonce_) && !last) return fail(StreamError::too_long);

  if (last) {
    saw_last_ = true;
    // The released chunk is returned first; trailing bytes are reported after.
    std::uint8_t extra = 0;
    auto more = in_.read(std::span(&extra, 1));
    if (!more) {
      pending_error_ = StreamError::io;
      io_error_ = more.error();
    } else if (*more != 0) {
      pending_error_ = StreamError::trailing_data;
    }
  }
  return true;
}

expected<std::size_t, base::IoError> StreamReader::read(std::span<std::uint8_t> out) {
  if (error_) {
    return unexpected(*error_ == StreamError::io && io_error_ ? *io_error_
                      : *error_ == StreamError::truncated     ? base::IoError::truncated
                                                              : base::IoError::corrupt);
  }
  if (out.empty() || done_) return std::size_t{0};
  while (plain_pos_ == plain_len_) {
    if (saw_last_) {
      if (pending_error_) {
        fail(*pending_error_, io_error_);
        return read(out);
      }
      sodium_memzero(plain_.data(), plain_.size());
      done_ = true;
      return std::size_t{0};
    }
    if (!open_next_chunk()) return read(out);
  }
  const std::size_t n = std::min(out.size(), plain_len_ - plain_pos_);
  std::memcpy(out.data(), plain_.data() + plain_pos_, n);
  plain_pos_ += n;
  return n;
}

}  // namespace safehold::crypto
