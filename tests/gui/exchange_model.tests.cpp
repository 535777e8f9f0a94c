// The exchange screens' model pieces that need no vault: the QR code of a
// card, and a translated sentence for every refusal the core can return.
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>

#include "safehold/appmodel/contacts_model.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/qr_code.hpp"

using namespace safehold;

namespace {

// The 7x7 finder pattern of a QR code: dark ring, light ring, dark 3x3.
bool finder_at(const appmodel::QrCode& q, int x0, int y0) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (q.at(x0 + x, y0 + y) != (ring || centre)) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("QR code of a contact card: a valid symbol with its three finder patterns", "[gui][model][exchange]") {
  const std::string card(300, 'x');  // about a card's size
  const auto q = appmodel::make_qr(card);
  REQUIRE(q.size >= 21);
  CHECK((q.size - 17) % 4 == 0);  // sizes are 17 + 4 * version
  CHECK(q.dark.size() == static_cast<std::size_t>(q.size * q.size));
  CHECK(finder_at(q, 0, 0));
  CHECK(finder_at(q, q.size - 7, 0));
  CHECK(finder_at(q, 0, q.size - 7));
  CHECK_FALSE(finder_at(q, q.size - 7, q.size - 7));  // no fourth one
  // Longer text needs a larger symbol; far too long text gives none.
  CHECK(appmodel::make_qr(std::string(900, 'x')).size > q.size);
  CHECK(appmodel::make_qr(std::string(5000, 'x')).size == 0);
}

TEST_CASE("Every refusal of the exchange core has a sentence in every language", "[gui][model][exchange]") {
  using core::bundle::BundleError;
  using core::exchange::ExchangeError;
  std::vector<core::exchange::ExchangeFailure> all;
  for (int e = 0; e <= static_cast<int>(ExchangeError::cancelled); ++e) {
    all.push_back({static_cast<ExchangeError>(e), {}, {}, {}, {}, {}});
  }
  for (int b = 0; b <= static_cast<int>(BundleError::disk_full); ++b) {
    all.push_back({ExchangeError::bundle_refused, {}, static_cast<BundleError>(b), {}, {}, {}});
  }
  for (auto f : {base::FileError::not_found, base::FileError::permission_denied, base::FileError::exists,
                 base::FileError::disk_full, base::FileError::io_failed}) {
    all.push_back({ExchangeError::file_failed, {}, {}, {}, f, {}});
  }
  std::set<std::string> keys;
  for (const auto& f : all) keys.insert(appmodel::failure_key(f));
  CHECK(keys.size() >= 25);  // refusals are told apart, not lumped into one message
  for (const auto& key : keys) {
    for (auto lang : {appmodel::Language::en, appmodel::Language::zh_Hans, appmodel::Language::zh_Hant}) {
      INFO(key << " in " << appmodel::language_code(lang));
      CHECK(appmodel::tr_exact(lang, key) != nullptr);
    }
  }
  // The ones people meet most have their own sentence.
  CHECK(std::string(appmodel::failure_key({ExchangeError::bundle_refused, {}, BundleError::tampered, {}, {}, {}})) ==
        "bundle.error.tampered");
  CHECK(std::string(appmodel::failure_key({ExchangeError::bundle_refused, {}, BundleError::unknown_signer, {}, {}, {}})) ==
        "bundle.error.unknown_signer");
}
