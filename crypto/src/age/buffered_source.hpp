#pragma once
// Internal: a read buffer over a ByteSource that can hand out whole lines and
// peek ahead, without ever consuming more of the input than was asked for
// (the age header is text, the payload after it binary, in one stream).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "safehold/base/byte_io.hpp"

namespace safehold::age::detail {

class BufferedSource final : public base::ByteSource {
 public:
  static constexpr std::size_t kDefaultCapacity = 64 * 1024;
  explicit BufferedSource(base::ByteSource& in, std::size_t capacity = kDefaultCapacity);

  // Buffered bytes first; large reads with an empty buffer go straight through.
  [[nodiscard]] expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override;

  enum class Line {
    ok,            // `line` holds one line including its '\n'
    eof,           // the input ended before any byte of a line
    unterminated,  // the input ended inside a line (`line` holds it, no '\n')
    too_long,      // no '\n' within `max` bytes
    error,         // the underlying source failed (see error())
  };
  // Reads one line of at most `max` bytes ('\n' included) into `line`.
  [[nodiscard]] Line read_line(std::string& line, std::size_t max);

  // Makes up to n (<= capacity) bytes available without consuming them; the
  // span is shorter only at end of input.
  [[nodiscard]] expected<std::span<const std::uint8_t>, base::IoError> peek(std::size_t n);

  std::optional<base::IoError> error() const noexcept { return error_; }
  // Bytes read from the source but not yet handed out.
  std::size_t buffered() const noexcept { return len_ - pos_; }

 private:
  // Reads once from the source into the free end of the buffer; 0 at EOF.
  [[nodiscard]] expected<std::size_t, base::IoError> fill();
  base::ByteSource& in_;
  std::vector<std::uint8_t> buf_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
  std::optional<base::IoError> error_;
};

}  // namespace safehold::age::detail
