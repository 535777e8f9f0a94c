#pragma once
// A passphrase text field whose bytes live in guarded memory (SecretBuffer),
// so the GUI can hand ImGui::InputText a char buffer that is never an
// ordinary heap string. Always NUL-terminated.
#include <cstddef>
#include <string_view>

#include "safehold/core/policy/passphrase.hpp"
#include "safehold/crypto/secret.hpp"

namespace safehold::appmodel {

class PassphraseField {
 public:
  // The longest passphrase either program accepts, plus the NUL.
  static constexpr std::size_t kCapacity = core::kMaxPassphraseBytes + 1;
  PassphraseField() : buf_(kCapacity) {}
  char* data() noexcept { return reinterpret_cast<char*>(buf_.data()); }
  [[nodiscard]] std::size_t capacity() const noexcept { return kCapacity; }
  [[nodiscard]] std::string_view view() const noexcept;
  [[nodiscard]] bool empty() const noexcept { return buf_.data()[0] == 0; }
  // An exact-size copy for the vault (the field keeps its text).
  [[nodiscard]] crypto::SecretBuffer take_copy() const;
  void assign(std::string_view text) noexcept;  // truncates at capacity - 1
  void clear() noexcept;

 private:
  crypto::SecretBuffer buf_;
};

}  // namespace safehold::appmodel
