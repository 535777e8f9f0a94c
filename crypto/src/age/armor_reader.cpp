#include <algorithm>
#include <cstring>

#include "base64.hpp"
#include "buffered_source.hpp"
#include "safehold/crypto/age/armor.hpp"

namespace safehold::age {
namespace {

constexpr std::size_t kMaxWhitespace = 1024;
constexpr std::size_t kColumns = 64;

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool all_space(std::string_view s) noexcept { return std::all_of(s.begin(), s.end(), is_space); }

}  // namespace

ArmorReader::ArmorReader(base::ByteSource& in)
    : in_(std::make_unique<detail::BufferedSource>(in)) {}

ArmorReader::~ArmorReader() = default;

bool ArmorReader::fail(const char* detail, base::IoError reported) {
  failure_ = AgeFailure{AgeError::armor_failure, detail, std::nullopt};
  reported_ = reported;
  return false;
}

bool ArmorReader::fail_io() {
  const base::IoError e = in_->error().value_or(base::IoError::read_failed);
  failure_ = AgeFailure{AgeError::io, base::describe(e), e};
  reported_ = e;
  return false;
}

bool ArmorReader::start() {
  using Line = detail::BufferedSource::Line;
  std::size_t whitespace = 0;
  for (;;) {
    const std::size_t max = kMaxWhitespace - whitespace + kArmorBegin.size() + 2;
    switch (in_->read_line(line_, max)) {
      case Line::ok: break;
      case Line::error: return fail_io();
      case Line::eof:
      case Line::unterminated:
        return fail("armor BEGIN line is missing", base::IoError::truncated);
      case Line::too_long: return fail("data or too much whitespace before the armor");
    }
    if (all_space(line_)) {
      whitespace += line_.size();
      if (whitespace > kMaxWhitespace) return fail("too much whitespace before the armor");
      continue;
    }
    const std::string_view line(line_);
    if (line.substr(0, kArmorBegin.size()) != kArmorBegin) return fail("invalid armor BEGIN line");
    eol_ = line.substr(kArmorBegin.size());
    if (eol_ != "\n" && eol_ != "\r\n") return fail("invalid armor BEGIN line");
    started_ = true;
    return true;
  }
}

bool ArmorReader::next_line() {
  using Line = detail::BufferedSource::Line;
  bool terminated = true;
  switch (in_->read_line(line_, kColumns + eol_.size())) {
    case Line::ok: break;
    case Line::unterminated: terminated = false; break;  // allowed for the END line only
    case Line::error: return fail_io();
    case Line::eof: return fail("armor END line is missing", base::IoError::truncated);
    case Line::too_long: return fail("armor line is longer than 64 columns");
  }
  std::string_view content(line_);
  if (terminated) {
    if (!content.ends_with(eol_)) return fail("armor mixes LF and CRLF line ends");
    content.remove_suffix(eol_.size());
  }
  if (content == kArmorEnd) {
    done_ = true;
    return !terminated || check_trailer();
  }
  if (last_line_seen_) return fail("armor has data after its last line");
  if (!terminated) return fail("armor END line is missing", base::IoError::truncated);
  if (content.empty()) return fail("armor has an empty line");
  const long n = detail::b64_decode_padded(content, decoded_);
  if (n < 0) return fail("armor line is not canonical padded base64");
  decoded_len_ = static_cast<std::size_t>(n);
  decoded_pos_ = 0;
  if (content.size() < kColumns || decoded_len_ < decoded_.size()) last_line_seen_ = true;
  return true;
}

bool ArmorReader::check_trailer() {
  std::uint8_t buf[256];
  std::size_t total = 0;
  for (;;) {
    auto n = in_->read(buf);
    if (!n) return fail_io();
    if (*n == 0) return true;
    if (!std::all_of(buf, buf + *n, [](std::uint8_t c) { return is_space(static_cast<char>(c)); })) {
      return fail("data after the armor END line");
    }
    total += *n;
    if (total > kMaxWhitespace) return fail("too much whitespace after the armor");
  }
}

expected<std::size_t, base::IoError> ArmorReader::read(std::span<std::uint8_t> out) {
  if (failure_) return unexpected(reported_);
  if (out.empty()) return std::size_t{0};
  while (decoded_pos_ == decoded_len_) {
    if (done_) return std::size_t{0};
    if (!started_ && !start()) return unexpected(reported_);
    if (started_ && !next_line()) return unexpected(reported_);
  }
  const std::size_t n = std::min(out.size(), decoded_len_ - decoded_pos_);
  std::memcpy(out.data(), decoded_.data() + decoded_pos_, n);
  decoded_pos_ += n;
  return n;
}

}  // namespace safehold::age
