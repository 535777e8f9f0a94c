#include "safehold/base/byte_io.hpp"

#include <algorithm>
#include <cstring>

namespace safehold::base {

const char* describe(IoError e) noexcept {
  switch (e) {
    case IoError::read_failed: return "could not read the input";
    case IoError::write_failed: return "could not write the output";
    case IoError::disk_full: return "the disk is full";
    case IoError::cancelled: return "cancelled";
    case IoError::corrupt: return "the data is damaged or has been tampered with";
    case IoError::truncated: return "the data is incomplete (truncated)";
    case IoError::too_large: return "the data exceeds the allowed size";
  }
  return "input/output error";
}

expected<std::size_t, IoError> ByteSource::read_full(std::span<std::uint8_t> out) {
  std::size_t done = 0;
  while (done < out.size()) {
    auto n = read(out.subspan(done));
    if (!n) return unexpected(n.error());
    if (*n == 0) break;
    done += *n;
  }
  return done;
}

expected<std::size_t, IoError> SpanSource::read(std::span<std::uint8_t> out) {
  const std::size_t n = std::min(out.size(), data_.size() - pos_);
  if (n > 0) std::memcpy(out.data(), data_.data() + pos_, n);
  pos_ += n;
  return n;
}

expected<void, IoError> VectorSink::write(std::span<const std::uint8_t> data) {
  bytes_.insert(bytes_.end(), data.begin(), data.end());
  return {};
}

}  // namespace safehold::base
