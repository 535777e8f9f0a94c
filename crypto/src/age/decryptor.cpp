#include "safehold/crypto/age/decryptor.hpp"

#include <algorithm>

#include "buffered_source.hpp"
#include "header_reader.hpp"
#include "safehold/crypto/age/armor.hpp"
#include "safehold/crypto/stream.hpp"

namespace safehold::age {
namespace {

constexpr std::size_t kMaxLeadingWhitespace = 1024;

bool is_header_space(std::uint8_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Looks past leading whitespace for the first byte: '-' starts an armor.
[[nodiscard]] expected<bool, AgeFailure> looks_armored(detail::BufferedSource& in) {
  auto head = in.peek(kMaxLeadingWhitespace + 1);
  if (!head) return age_io_fail(head.error());
  auto first = std::find_if_not(head->begin(), head->end(), is_header_space);
  return first != head->end() && *first == '-';
}

}  // namespace

struct Decryptor::State {
  explicit State(base::ByteSource& in) : raw(in) {}
  detail::BufferedSource raw;                     // the input as given
  std::unique_ptr<ArmorReader> armor;             // over raw, when armored
  std::unique_ptr<detail::BufferedSource> dearmored;  // over armor
  detail::BufferedSource* content = &raw;         // the binary age file
  Header header;
  std::unique_ptr<crypto::StreamReader> stream;
  std::optional<AgeFailure> failure;

  // A failure below the age layer: a broken armor wins over what it caused.
  AgeFailure classify(AgeFailure f) const {
    if (armor && armor->failure()) return *armor->failure();
    return f;
  }
};

Decryptor::Decryptor(std::unique_ptr<State> state) noexcept : s_(std::move(state)) {}
Decryptor::Decryptor(Decryptor&&) noexcept = default;
Decryptor& Decryptor::operator=(Decryptor&&) noexcept = default;
Decryptor::~Decryptor() = default;

expected<Decryptor, AgeFailure> Decryptor::open(base::ByteSource& in,
                                                std::span<const Identity* const> identities,
                                                const DecryptOptions& options) {
  auto s = std::make_unique<State>(in);
  bool armored = options.armor == ArmorMode::required;
  if (options.armor == ArmorMode::detect) {
    auto a = looks_armored(s->raw);
    if (!a) return unexpected(a.error());
    armored = *a;
  }
  if (armored) {
    s->armor = std::make_unique<ArmorReader>(s->raw);
    s->dearmored = std::make_unique<detail::BufferedSource>(*s->armor);
    s->content = s->dearmored.get();
  }

  auto header = detail::read_header(*s->content, options.header_limits);
  if (!header) return unexpected(s->classify(header.error()));
  s->header = std::move(*header);
  const auto& stanzas = s->header.stanzas;

  const bool has_scrypt = std::any_of(stanzas.begin(), stanzas.end(),
                                      [](const Stanza& st) { return st.type == "scrypt"; });
  if (has_scrypt && stanzas.size() != 1) {
    return age_fail(AgeError::header_failure, "an scrypt stanza must be the only stanza");
  }

  std::optional<crypto::SecretBuffer> file_key;
  for (const Identity* id : identities) {
    for (const Stanza& st : stanzas) {
      auto r = id->unwrap(st);
      if (!r) return unexpected(r.error());
      if (r->has_value()) {
        file_key = std::move(*r);
        break;
      }
    }
    if (file_key) break;
  }
  if (!file_key) return age_fail(AgeError::no_match, "no identity matches any stanza");
  if (!verify_header_mac(file_key->span(), s->header)) {
    return age_fail(AgeError::hmac_failure, "header MAC does not verify");
  }

  std::uint8_t nonce[kPayloadNonceSize];
  auto got = s->content->read_full(nonce);
  if (!got) return unexpected(s->classify(AgeFailure{AgeError::io, base::describe(got.error()), got.error()}));
  if (*got != sizeof nonce) {
    return unexpected(s->classify(
        AgeFailure{AgeError::header_failure, "file ends before the payload nonce", std::nullopt}));
  }
  s->stream = std::make_unique<crypto::StreamReader>(payload_key(file_key->span(), nonce).span(),
                                                     *s->content);
  return Decryptor(std::move(s));
}

expected<Decryptor, AgeFailure> Decryptor::open(base::ByteSource& in, const Identity& identity,
                                                const DecryptOptions& options) {
  const Identity* one[] = {&identity};
  return open(in, one, options);
}

expected<std::size_t, base::IoError> Decryptor::read(std::span<std::uint8_t> out) {
  if (!s_) return unexpected(base::IoError::read_failed);
  auto n = s_->stream->read(out);
  if (!n && !s_->failure) {
    const auto err = s_->stream->error();
    AgeFailure f{AgeError::payload_failure, err ? crypto::describe(*err) : "", std::nullopt};
    if (err == crypto::StreamError::io) {
      const base::IoError e = s_->stream->io_error().value_or(base::IoError::read_failed);
      f = AgeFailure{AgeError::io, base::describe(e), e};
    }
    s_->failure = s_->classify(f);
  }
  return n;
}

std::optional<AgeFailure> Decryptor::failure() const noexcept {
  return s_ ? s_->failure : std::nullopt;
}

bool Decryptor::armored() const noexcept { return s_ && s_->armor != nullptr; }

const Header& Decryptor::header() const noexcept { return s_->header; }

}  // namespace safehold::age
