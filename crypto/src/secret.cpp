#include "safehold/crypto/secret.hpp"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace safehold::crypto {

bool sodium_ready() noexcept {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

SecretBuffer::SecretBuffer(std::size_t size) {
  if (size == 0) return;
  if (!sodium_ready()) throw std::bad_alloc();
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size));
  if (data_ == nullptr) throw std::bad_alloc();
  sodium_memzero(data_, size);
  size_ = size;
}

SecretBuffer SecretBuffer::random(std::size_t size) {
  SecretBuffer s(size);
  fill_random(s.span());
  return s;
}

SecretBuffer SecretBuffer::copy_of(std::span<const std::uint8_t> bytes) {
  SecretBuffer s(bytes.size());
  if (!bytes.empty()) std::memcpy(s.data_, bytes.data(), bytes.size());
  return s;
}

SecretBuffer SecretBuffer::copy_of(std::string_view text) {
  return copy_of(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBuffer::~SecretBuffer() { release(); }

void SecretBuffer::release() noexcept {
  // sodium_free wipes the whole allocation before unmapping it.
  if (data_ != nullptr) sodium_free(data_);
  data_ = nullptr;
  size_ = 0;
}

SecretBuffer SecretBuffer::clone() const { return copy_of(span()); }

std::string_view SecretBuffer::view() const noexcept {
  return {reinterpret_cast<const char*>(data_), size_};
}

void SecretBuffer::truncate(std::size_t new_size) noexcept {
  if (new_size >= size_) return;
  sodium_memzero(data_ + new_size, size_ - new_size);
  size_ = new_size;
}

bool equal_constant_time(std::span<const std::uint8_t> a,
                         std::span<const std::uint8_t> b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void fill_random(std::span<std::uint8_t> out) noexcept {
  if (!sodium_ready()) std::abort();
  if (!out.empty()) randombytes_buf(out.data(), out.size());
}

}  // namespace safehold::crypto
