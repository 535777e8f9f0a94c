#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "base64.hpp"
#include "header_reader.hpp"
#include "safehold/crypto/hkdf.hpp"

namespace safehold::age {
namespace {

constexpr std::string_view kVersionLine = "age-encryption.org/v1\n";
constexpr std::string_view kVersionPrefix = "age-encryption.org/";
constexpr std::size_t kColumns = 64;
constexpr std::size_t kMacB64Size = 43;

bool is_vchar(char c) noexcept { return c >= 0x21 && c <= 0x7e; }

bool valid_argument(std::string_view a) noexcept {
  return !a.empty() && std::all_of(a.begin(), a.end(), is_vchar);
}

// Lines of the header within the size budget.
class HeaderLines {
 public:
  HeaderLines(detail::BufferedSource& in, std::size_t budget) : in_(in), budget_(budget) {}

  // Reads the next line; `content` is the line without its '\n'.
  [[nodiscard]] expected<std::string_view, AgeFailure> next() {
    using Line = detail::BufferedSource::Line;
    switch (in_.read_line(line_, budget_ - used_)) {
      case Line::ok: break;
      case Line::eof:
      case Line::unterminated: return age_fail(AgeError::header_failure, "header is truncated");
      case Line::too_long: return age_fail(AgeError::header_failure, "header exceeds the size limit");
      case Line::error: return age_io_fail(in_.error().value_or(base::IoError::read_failed));
    }
    used_ += line_.size();
    return std::string_view(line_).substr(0, line_.size() - 1);
  }

 private:
  detail::BufferedSource& in_;
  std::size_t budget_;
  std::size_t used_ = 0;
  std::string line_;
};

[[nodiscard]] expected<void, AgeFailure> parse_arguments(std::string_view text, Stanza& s) {
  if (text.empty()) return age_fail(AgeError::header_failure, "stanza has no arguments");
  bool first = true;
  for (;;) {
    const std::size_t sp = text.find(' ');
    const std::string_view arg = text.substr(0, sp);
    if (!valid_argument(arg)) {
      return age_fail(AgeError::header_failure, "stanza argument is empty or has invalid characters");
    }
    if (first) {
      s.type = std::string(arg);
      first = false;
    } else {
      s.args.emplace_back(arg);
    }
    if (sp == std::string_view::npos) return {};
    text = text.substr(sp + 1);
  }
}

// Body lines up to and including the first one shorter than 64 columns.
[[nodiscard]] expected<void, AgeFailure> read_body(HeaderLines& lines, Stanza& s) {
  std::string b64;
  for (;;) {
    auto line = lines.next();
    if (!line) return unexpected(line.error());
    if (line->size() > kColumns) {
      return age_fail(AgeError::header_failure, "stanza body line is longer than 64 columns");
    }
    if (!std::all_of(line->begin(), line->end(), detail::is_b64_char)) {
      return age_fail(AgeError::header_failure, "stanza body has a character outside base64");
    }
    b64 += *line;
    if (line->size() < kColumns) break;
  }
  if (!detail::b64_decode(b64, s.body)) {
    return age_fail(AgeError::header_failure, "stanza body is not canonical base64");
  }
  return {};
}

}  // namespace

namespace detail {

expected<Header, AgeFailure> read_header(BufferedSource& in, const HeaderLimits& limits) {
  HeaderLines lines(in, limits.max_bytes);
  auto line = lines.next();
  if (!line) {
    if (line.error().code == AgeError::header_failure) {
      return age_fail(AgeError::header_failure, "not an age file");
    }
    return unexpected(line.error());
  }
  if (*line != kVersionLine.substr(0, kVersionLine.size() - 1)) {
    return age_fail(AgeError::header_failure, line->starts_with(kVersionPrefix)
                                                  ? "unsupported age format version"
                                                  : "not an age file");
  }
  Header h;
  for (;;) {
    line = lines.next();
    if (!line) return unexpected(line.error());
    if (line->starts_with("-> ")) {
      if (h.stanzas.size() >= limits.max_stanzas) {
        return age_fail(AgeError::header_failure, "header has too many stanzas");
      }
      Stanza s;
      if (auto r = parse_arguments(line->substr(3), s); !r) return unexpected(r.error());
      if (auto r = read_body(lines, s); !r) return unexpected(r.error());
      h.stanzas.push_back(std::move(s));
      continue;
    }
    if (line->starts_with("---")) {
      if (h.stanzas.empty()) return age_fail(AgeError::header_failure, "header has no stanzas");
      if (line->size() != 4 + kMacB64Size || (*line)[3] != ' ' ||
          !b64_decode_exact(line->substr(4), h.mac)) {
        return age_fail(AgeError::header_failure, "malformed header MAC line");
      }
      return h;
    }
    return age_fail(AgeError::header_failure, "header line is neither a stanza nor the MAC");
  }
}

}  // namespace detail

expected<ParsedHeader, AgeFailure> parse_header(std::span<const std::uint8_t> bytes,
                                                const HeaderLimits& limits) {
  base::SpanSource src(bytes);
  detail::BufferedSource buffered(src, 4096);
  auto h = detail::read_header(buffered, limits);
  if (!h) return unexpected(h.error());
  return ParsedHeader{std::move(*h), bytes.size() - src.remaining() - buffered.buffered()};
}

std::string encode_header_for_mac(const Header& header) {
  if (header.stanzas.empty()) throw std::invalid_argument("age header needs a stanza");
  std::string out(kVersionLine);
  for (const Stanza& s : header.stanzas) {
    if (!valid_argument(s.type)) throw std::invalid_argument("bad stanza type");
    out += "-> ";
    out += s.type;
    for (const std::string& a : s.args) {
      if (!valid_argument(a)) throw std::invalid_argument("bad stanza argument");
      out += ' ';
      out += a;
    }
    out += '\n';
    const std::string b64 = detail::b64_encode(s.body);
    for (std::size_t i = 0;; i += kColumns) {
      const std::size_t n = std::min(kColumns, b64.size() - i);
      out.append(b64, i, n);
      out += '\n';
      if (n < kColumns) break;
    }
  }
  out += "---";
  return out;
}

std::string encode_header(const Header& header) {
  std::string out = encode_header_for_mac(header);
  out += ' ';
  detail::b64_encode_append(header.mac, out);
  out += '\n';
  return out;
}

std::array<std::uint8_t, kMacSize> header_mac(std::span<const std::uint8_t> file_key,
                                              const Header& header) {
  const crypto::SecretBuffer key = crypto::hkdf_sha256(file_key, {}, "header", 32);
  const std::string text = encode_header_for_mac(header);
  std::array<std::uint8_t, kMacSize> mac{};
  crypto::hmac_sha256(key.span(),
                      std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                      mac);
  return mac;
}

bool verify_header_mac(std::span<const std::uint8_t> file_key, const Header& header) {
  const auto expected_mac = header_mac(file_key, header);
  return crypto::equal_constant_time(expected_mac, header.mac);
}

crypto::SecretBuffer payload_key(std::span<const std::uint8_t> file_key,
                                 std::span<const std::uint8_t> nonce) {
  return crypto::hkdf_sha256(file_key, nonce, "payload", 32);
}

}  // namespace safehold::age
