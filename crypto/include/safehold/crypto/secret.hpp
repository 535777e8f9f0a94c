#pragma once
// SecretBuffer: the only type that holds keys, file keys, passphrases and
// decrypted key material.
//
// Contract: memory comes from sodium_malloc (guard pages, mlock'd where the
// system allows, excluded from core dumps) and is wiped by sodium_free on
// destruction. The type is move-only; copies are explicit (clone()). It has no
// stream operator and no conversion to std::string, so a secret cannot be
// printed, logged or copied into an ordinary heap string by accident.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace safehold::crypto {

class SecretBuffer {
 public:
  SecretBuffer() noexcept = default;
  // Zero-filled secret of `size` bytes. Throws std::bad_alloc if guarded memory
  // cannot be allocated (a programmer/system error, not an input error).
  explicit SecretBuffer(std::size_t size);
  [[nodiscard]] static SecretBuffer random(std::size_t size);
  [[nodiscard]] static SecretBuffer copy_of(std::span<const std::uint8_t> bytes);
  [[nodiscard]] static SecretBuffer copy_of(std::string_view text);

  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;
  ~SecretBuffer();

  [[nodiscard]] SecretBuffer clone() const;

  std::uint8_t* data() noexcept { return data_; }
  const std::uint8_t* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::span<std::uint8_t> span() noexcept { return {data_, size_}; }
  std::span<const std::uint8_t> span() const noexcept { return {data_, size_}; }
  // Text view for secrets that are UTF-8 (passphrases). The view must not be
  // copied into a std::string.
  std::string_view view() const noexcept;

  // Shrinks the logical size (e.g. after reading a passphrase into a larger
  // buffer); the bytes beyond the new size are wiped immediately.
  void truncate(std::size_t new_size) noexcept;

 private:
  void release() noexcept;
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

// Constant-time equality for MACs, hashes and keys. The lengths are not
// secret: unequal lengths return false immediately.
[[nodiscard]] bool equal_constant_time(std::span<const std::uint8_t> a,
                                       std::span<const std::uint8_t> b) noexcept;

// Fills with bytes from the OS CSPRNG (libsodium randombytes).
void fill_random(std::span<std::uint8_t> out) noexcept;

// Initialises libsodium once; every crypto entry point calls it. Returns false
// only if libsodium cannot initialise (the process should then stop).
[[nodiscard]] bool sodium_ready() noexcept;

}  // namespace safehold::crypto
