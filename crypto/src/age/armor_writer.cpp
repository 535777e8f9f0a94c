#include <algorithm>
#include <cstring>

#include "base64.hpp"
#include "safehold/crypto/age/armor.hpp"

namespace safehold::age {
namespace {
constexpr std::size_t kFlushAt = 64 * 1024;  // bytes of armored text per write to the sink
}

ArmorWriter::ArmorWriter(base::ByteSink& out) : out_(out) {
  text_.reserve(kFlushAt + 128);
  text_ += kArmorBegin;
  text_ += '\n';
}

void ArmorWriter::encode_line(std::span<const std::uint8_t> bytes) {
  char line[64];
  const std::size_t n = detail::b64_encode_line(bytes, line);
  text_.append(line, n);
  text_ += '\n';
}

expected<void, base::IoError> ArmorWriter::flush() {
  auto r = out_.write(std::span(reinterpret_cast<const std::uint8_t*>(text_.data()), text_.size()));
  text_.clear();
  if (!r) failed_ = true;
  return r;
}

expected<void, base::IoError> ArmorWriter::write(std::span<const std::uint8_t> data) {
  if (finished_ || failed_) return unexpected(base::IoError::write_failed);
  while (!data.empty()) {
    if (pending_len_ == 0 && data.size() >= pending_.size()) {
      encode_line(data.first(pending_.size()));
      data = data.subspan(pending_.size());
    } else {
      const std::size_t n = std::min(data.size(), pending_.size() - pending_len_);
      std::memcpy(pending_.data() + pending_len_, data.data(), n);
      pending_len_ += n;
      data = data.subspan(n);
      if (pending_len_ == pending_.size()) {
        encode_line(pending_);
        pending_len_ = 0;
      }
    }
    if (text_.size() >= kFlushAt) {
      if (auto r = flush(); !r) return r;
    }
  }
  return {};
}

expected<void, base::IoError> ArmorWriter::finish() {
  if (finished_ || failed_) return unexpected(base::IoError::write_failed);
  finished_ = true;
  if (pending_len_ > 0) encode_line(std::span(pending_).first(pending_len_));
  pending_len_ = 0;
  text_ += kArmorEnd;
  text_ += '\n';
  return flush();
}

}  // namespace safehold::age
