#include "safehold/crypto/age/encryptor.hpp"

#include <optional>

#include "safehold/crypto/age/armor.hpp"
#include "safehold/crypto/age/header.hpp"
#include "safehold/crypto/stream.hpp"

namespace safehold::age {

struct Encryptor::State {
  std::optional<ArmorWriter> armor;
  std::optional<crypto::StreamWriter> stream;
};

Encryptor::Encryptor(std::unique_ptr<State> state) noexcept : s_(std::move(state)) {}
Encryptor::Encryptor(Encryptor&&) noexcept = default;
Encryptor& Encryptor::operator=(Encryptor&&) noexcept = default;
Encryptor::~Encryptor() = default;

expected<Encryptor, AgeFailure> Encryptor::create(base::ByteSink& out,
                                                  std::span<const Recipient* const> recipients,
                                                  const EncryptOptions& options) {
  if (recipients.empty()) return age_fail(AgeError::invalid_recipients, "no recipient given");
  for (const Recipient* r : recipients) {
    if (r->must_be_alone() && recipients.size() > 1) {
      return age_fail(AgeError::invalid_recipients,
                      "a passphrase (scrypt) recipient cannot be combined with others");
    }
  }
  const crypto::SecretBuffer file_key = crypto::SecretBuffer::random(kFileKeySize);
  Header header;
  for (const Recipient* r : recipients) {
    auto stanza = r->wrap(file_key.span());
    if (!stanza) return unexpected(stanza.error());
    header.stanzas.push_back(std::move(*stanza));
  }
  header.mac = header_mac(file_key.span(), header);
  const std::string text = encode_header(header);
  std::uint8_t nonce[kPayloadNonceSize];
  crypto::fill_random(nonce);

  auto state = std::make_unique<State>();
  base::ByteSink* sink = &out;
  if (options.armor) sink = &state->armor.emplace(out);
  if (auto r = sink->write(
          std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
      !r) {
    return age_io_fail(r.error());
  }
  if (auto r = sink->write(nonce); !r) return age_io_fail(r.error());
  state->stream.emplace(payload_key(file_key.span(), nonce).span(), *sink);
  return Encryptor(std::move(state));
}

expected<Encryptor, AgeFailure> Encryptor::create(base::ByteSink& out, const Recipient& recipient,
                                                  const EncryptOptions& options) {
  const Recipient* one[] = {&recipient};
  return create(out, one, options);
}

expected<void, base::IoError> Encryptor::write(std::span<const std::uint8_t> data) {
  if (!s_) return unexpected(base::IoError::write_failed);
  return s_->stream->write(data);
}

expected<void, base::IoError> Encryptor::finish() {
  if (!s_) return unexpected(base::IoError::write_failed);
  if (auto r = s_->stream->finish(); !r) return r;
  if (s_->armor) return s_->armor->finish();
  return {};
}

}  // namespace safehold::age
