#pragma once
// Streaming age v1 encryption: a ByteSink that encrypts what is written to it
// into another ByteSink, in constant memory (one 64 KiB chunk).
//
//   age::Encryptor enc = *age::Encryptor::create(out, recipients);  // writes the header
//   enc.write(...); ...; enc.finish();                               // then the last chunk
//
// Without finish() the output is a truncated file that every reader refuses.
#include <memory>
#include <span>

#include "safehold/crypto/age/stanza.hpp"
#include "safehold/base/byte_io.hpp"

namespace safehold::age {

struct EncryptOptions {
  bool armor = false;  // ASCII-armored output ("-----BEGIN AGE ENCRYPTED FILE-----")
};

class Encryptor final : public base::ByteSink {
 public:
  // Draws a fresh file key and nonce, wraps the key for every recipient and
  // writes the header to `out` (which must outlive the Encryptor).
  // Fails with invalid_recipients (none given, or an scrypt recipient mixed
  // with others), with a recipient's own error, or with io.
  [[nodiscard]] static expected<Encryptor, AgeFailure> create(
      base::ByteSink& out, std::span<const Recipient* const> recipients,
      const EncryptOptions& options = {});
  [[nodiscard]] static expected<Encryptor, AgeFailure> create(base::ByteSink& out,
                                                              const Recipient& recipient,
                                                              const EncryptOptions& options = {});

  Encryptor(Encryptor&&) noexcept;
  Encryptor& operator=(Encryptor&&) noexcept;
  ~Encryptor() override;

  [[nodiscard]] expected<void, base::IoError> write(std::span<const std::uint8_t> data) override;
  // Seals the last chunk (and closes the armor). Call exactly once.
  [[nodiscard]] expected<void, base::IoError> finish();

 private:
  struct State;
  explicit Encryptor(std::unique_ptr<State> state) noexcept;
  std::unique_ptr<State> s_;
};

}  // namespace safehold::age
