#include "safehold/appmodel/timers.hpp"

#include <sodium.h>

#include "safehold/crypto/secret.hpp"

namespace safehold::appmodel {
namespace {

std::array<std::uint8_t, 32> digest_of(std::string_view text) {
  std::array<std::uint8_t, 32> out{};
  (void)crypto::sodium_ready();
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), nullptr, 0);
  return out;
}

}  // namespace

bool IdleLock::due() const {
  if (minutes_ == 0) return false;
  return since_.elapsed() >= std::chrono::minutes(minutes_);
}

long long IdleLock::seconds_left() const {
  if (minutes_ == 0) return -1;
  auto left = std::chrono::seconds(std::chrono::minutes(minutes_)) - since_.elapsed();
  return left.count() < 0 ? 0 : left.count();
}

void ClipboardGuard::copied(std::string_view text) {
  digest_ = digest_of(text);
  pending_ = true;
  since_.reset();
}

bool ClipboardGuard::clear_due() const { return pending_ && since_.elapsed() >= kHold; }

bool ClipboardGuard::still_ours(std::string_view current_clipboard) const {
  if (!pending_) return false;
  auto d = digest_of(current_clipboard);
  return crypto::equal_constant_time(d, digest_);
}

}  // namespace safehold::appmodel
