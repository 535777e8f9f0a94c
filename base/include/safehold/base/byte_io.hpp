#pragma once
// Byte sources and sinks: the streaming interfaces that every format layer
// (STREAM, age, tar, attachments, bundles) reads from and writes to, so that a
// multi-GB file passes through in constant memory and a decoder can be stacked
// on another decoder.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "safehold/expected.hpp"

namespace safehold::base {

// What went wrong below a stream. Decoding layers (STREAM, age) report their
// own detailed error through their own API and surface `corrupt` / `truncated`
// here, so that a consumer stacked above them stops.
enum class IoError {
  read_failed,
  write_failed,
  disk_full,
  cancelled,
  corrupt,    // a decoding layer found the data inauthentic or malformed
  truncated,  // a decoding layer met the end of input too early
  too_large,  // a configured size limit was exceeded
};

// Human-readable one-line description; never contains user data.
const char* describe(IoError e) noexcept;

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to out.size() bytes. Returns 0 only at end of input (or when
  // out is empty). Short reads are allowed.
  [[nodiscard]] virtual expected<std::size_t, IoError> read(std::span<std::uint8_t> out) = 0;

  // Fills `out` completely unless the input ends first; returns bytes read.
  [[nodiscard]] expected<std::size_t, IoError> read_full(std::span<std::uint8_t> out);
};

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // Writes all of `data` or fails.
  [[nodiscard]] virtual expected<void, IoError> write(std::span<const std::uint8_t> data) = 0;
};

// A source over bytes owned by someone else (they must outlive the source).
class SpanSource final : public ByteSource {
 public:
  explicit SpanSource(std::span<const std::uint8_t> data) noexcept : data_(data) {}
  [[nodiscard]] expected<std::size_t, IoError> read(std::span<std::uint8_t> out) override;
  std::size_t remaining() const noexcept { return data_.size() - pos_; }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
};

// A sink that appends to a vector. For small, non-secret data and tests only:
// it can grow without bound and does not wipe.
class VectorSink final : public ByteSink {
 public:
  [[nodiscard]] expected<void, IoError> write(std::span<const std::uint8_t> data) override;
  std::vector<std::uint8_t>& bytes() noexcept { return bytes_; }

 private:
  std::vector<std::uint8_t> bytes_;
};

// A sink that discards its input but counts it (benchmarks, hashing passes).
class CountingSink final : public ByteSink {
 public:
  [[nodiscard]] expected<void, IoError> write(std::span<const std::uint8_t> data) override {
    count_ += data.size();
    return {};
  }
  std::uint64_t count() const noexcept { return count_; }

 private:
  std::uint64_t count_ = 0;
};

}  // namespace safehold::base
