// Fuzzes parse_contact_card. An accepted card has a self-signature that
// verified, so random input is almost always refused; the property checked is
// that parsing never crashes and that anything accepted is the one canonical
// encoding: the same five lines rebuilt from what was parsed.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "safehold/core/exchange/contact_card.hpp"

namespace ex = safehold::core::exchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> input(data, size);
  const auto card = ex::parse_contact_card(input);
  if (!card) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string head = "safehold-contact-card v1\nname: " + card->name + "\nage-recipient: " +
                           card->age_recipient + "\nminisign-public-key: " + card->minisign_public_key +
                           "\nsignature: ";
  if (text.rfind(head, 0) != 0 || text.size() != head.size() + 88 + 1 || text.back() != '\n') std::abort();
  // The fingerprint of accepted keys is always 30 digits in six groups.
  if (ex::fingerprint_of(card->age_recipient, card->minisign_public_key).digits().size() != 35) std::abort();
  return 0;
}
