#include "safehold/appmodel/passphrase_field.hpp"

#include <sodium.h>

#include <cstring>

namespace safehold::appmodel {

std::string_view PassphraseField::view() const noexcept {
  const auto* p = reinterpret_cast<const char*>(buf_.data());
  return {p, strnlen(p, kCapacity - 1)};
}

crypto::SecretBuffer PassphraseField::take_copy() const {
  auto v = view();
  return crypto::SecretBuffer::copy_of(v);
}

void PassphraseField::assign(std::string_view text) noexcept {
  clear();
  auto n = text.size() < kCapacity - 1 ? text.size() : kCapacity - 1;
  std::memcpy(buf_.data(), text.data(), n);
}

void PassphraseField::clear() noexcept { sodium_memzero(buf_.data(), kCapacity); }

}  // namespace safehold::appmodel
