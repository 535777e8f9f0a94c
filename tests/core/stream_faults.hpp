#pragma once
// Test I/O devices that fail after N bytes (KeePassXC/SQLite-style fault
// injection): a source that reports an error once it has delivered `limit`
// bytes, and a sink that does the same on writing.
#include <algorithm>
#include <cstring>

#include "safehold/base/byte_io.hpp"

namespace safehold::test {

class FailingSource final : public base::ByteSource {
 public:
  FailingSource(std::span<const std::uint8_t> data, std::size_t limit, base::IoError error)
      : data_(data), limit_(limit), error_(error) {}
  [[nodiscard]] expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    if (pos_ >= limit_ && !out.empty()) return unexpected(error_);
    const std::size_t n = std::min({out.size(), data_.size() - pos_, limit_ - pos_});
    if (n > 0) std::memcpy(out.data(), data_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t limit_;
  base::IoError error_;
  std::size_t pos_ = 0;
};

class FailingSink final : public base::ByteSink {
 public:
  FailingSink(std::size_t limit, base::IoError error) : limit_(limit), error_(error) {}
  [[nodiscard]] expected<void, base::IoError> write(std::span<const std::uint8_t> data) override {
    if (written_ + data.size() > limit_) return unexpected(error_);
    written_ += data.size();
    return {};
  }

 private:
  std::size_t limit_;
  base::IoError error_;
  std::size_t written_ = 0;
};

}  // namespace safehold::test
