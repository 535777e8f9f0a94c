#include "buffered_source.hpp"

#include <algorithm>
#include <cstring>

namespace safehold::age::detail {

BufferedSource::BufferedSource(base::ByteSource& in, std::size_t capacity)
    : in_(in), buf_(capacity) {}

expected<std::size_t, base::IoError> BufferedSource::fill() {
  if (pos_ > 0) {  // keep the unread bytes contiguous at the front
    std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
    len_ -= pos_;
    pos_ = 0;
  }
  if (len_ == buf_.size()) return std::size_t{0};
  auto n = in_.read(std::span(buf_).subspan(len_));
  if (!n) {
    error_ = n.error();
    return unexpected(n.error());
  }
  len_ += *n;
  return *n;
}

expected<std::size_t, base::IoError> BufferedSource::read(std::span<std::uint8_t> out) {
  if (out.empty()) return std::size_t{0};
  if (pos_ == len_) {
    pos_ = len_ = 0;
    if (out.size() >= buf_.size()) {
      auto n = in_.read(out);
      if (!n) error_ = n.error();
      return n;
    }
    auto n = fill();
    if (!n) return n;
    if (*n == 0) return std::size_t{0};
  }
  const std::size_t n = std::min(out.size(), len_ - pos_);
  std::memcpy(out.data(), buf_.data() + pos_, n);
  pos_ += n;
  return n;
}

BufferedSource::Line BufferedSource::read_line(std::string& line, std::size_t max) {
  line.clear();
  for (;;) {
    const std::size_t avail = len_ - pos_;
    const auto* start = buf_.data() + pos_;
    const auto* nl = static_cast<const std::uint8_t*>(std::memchr(start, '\n', avail));
    const std::size_t take = nl != nullptr ? static_cast<std::size_t>(nl - start) + 1 : avail;
    if (line.size() + take > max) return Line::too_long;
    line.append(reinterpret_cast<const char*>(start), take);
    pos_ += take;
    if (nl != nullptr) return Line::ok;
    auto n = fill();
    if (!n) return Line::error;
    if (*n == 0) return line.empty() ? Line::eof : Line::unterminated;
  }
}

expected<std::span<const std::uint8_t>, base::IoError> BufferedSource::peek(std::size_t n) {
  n = std::min(n, buf_.size());
  while (len_ - pos_ < n) {
    auto got = fill();
    if (!got) return unexpected(got.error());
    if (*got == 0) break;
  }
  return std::span<const std::uint8_t>(buf_.data() + pos_, std::min(n, len_ - pos_));
}

}  // namespace safehold::age::detail
