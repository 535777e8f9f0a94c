#pragma once
// ASCII armor of age files (C2SP age.md, "ASCII armor"): strict PEM (RFC 7468
// section 3, figure 3) with the label "AGE ENCRYPTED FILE".
//
// Accepted, and nothing else:
//   [up to 1024 bytes of whitespace lines]
//   -----BEGIN AGE ENCRYPTED FILE-----
//   base64 lines of exactly 64 columns, then one last line of 4..64 columns
//   (padded with '=' as needed; canonical), or no lines for empty content
//   -----END AGE ENCRYPTED FILE-----
//   [up to 1024 bytes of whitespace]
// All lines end in LF, or all in CRLF (the BEGIN line decides); the END line
// may end the file without a line end. No headers, no checksum, no spaces.
#include <array>
#include <memory>
#include <optional>
#include <string>

#include "safehold/crypto/age/error.hpp"
#include "safehold/base/byte_io.hpp"

namespace safehold::age {

namespace detail {
class BufferedSource;
}

inline constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
inline constexpr std::string_view kArmorEnd = "-----END AGE ENCRYPTED FILE-----";

// Decodes armored text read from `in` (which must outlive it). read() returns
// 0 only after the END line and the trailing whitespace were checked; on
// malformed armor it fails with IoError::corrupt (truncated when the END line
// is missing) and failure() says why.
class ArmorReader final : public base::ByteSource {
 public:
  explicit ArmorReader(base::ByteSource& in);
  ~ArmorReader() override;
  ArmorReader(const ArmorReader&) = delete;
  ArmorReader& operator=(const ArmorReader&) = delete;

  [[nodiscard]] expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override;
  // armor_failure, or io when the underlying source failed.
  std::optional<AgeFailure> failure() const noexcept { return failure_; }

 private:
  [[nodiscard]] bool start();      // skips leading whitespace, reads BEGIN
  [[nodiscard]] bool next_line();  // decodes one more line into decoded_
  [[nodiscard]] bool check_trailer();
  bool fail(const char* detail, base::IoError reported = base::IoError::corrupt);
  bool fail_io();
  std::unique_ptr<detail::BufferedSource> in_;
  std::string line_;
  std::string eol_;  // "\n" or "\r\n", fixed by the BEGIN line
  std::array<std::uint8_t, 48> decoded_{};
  std::size_t decoded_len_ = 0;
  std::size_t decoded_pos_ = 0;
  bool started_ = false;
  bool last_line_seen_ = false;  // a short (or padded) line was read: END must follow
  bool done_ = false;
  std::optional<AgeFailure> failure_;
  base::IoError reported_ = base::IoError::corrupt;  // what read() returns after a failure
};

// Encodes everything written to it as armor into `out` (LF line ends, 64
// columns). Call finish() once after the last write.
class ArmorWriter final : public base::ByteSink {
 public:
  explicit ArmorWriter(base::ByteSink& out);
  [[nodiscard]] expected<void, base::IoError> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] expected<void, base::IoError> finish();

 private:
  [[nodiscard]] expected<void, base::IoError> flush();
  void encode_line(std::span<const std::uint8_t> bytes);
  base::ByteSink& out_;
  std::array<std::uint8_t, 48> pending_{};
  std::size_t pending_len_ = 0;
  std::string text_;  // encoded lines waiting to be written
  bool finished_ = false;
  bool failed_ = false;
};

}  // namespace safehold::age
