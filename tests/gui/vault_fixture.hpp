#pragma once
// A real vault (low test Argon2id cost) in a temporary folder, and an app
// model pointed at it, for the headless UI tests of unlocked screens.
#include <catch2/catch_test_macros.hpp>

#include "headless_ui.hpp"
#include "safehold/appmodel/app_model.hpp"
#include "test_util.hpp"

namespace safehold::test {

inline constexpr const char* kTestPassphrase = "orchid tramline velvet quarry nineteen";

struct VaultFixture {
  TempDir dir;
  appmodel::VaultOpener opener{storage::KdfParams::insecure_for_tests()};
  appmodel::AppModel app{opener};

  VaultFixture() {
    appmodel::set_language(appmodel::Language::en);
    app.apply_settings(appmodel::Settings{});
    auto pass = crypto::SecretBuffer::copy_of(std::string_view(kTestPassphrase));
    auto v = storage::Vault::create(folder(), pass,
                                    {.owner_name = "tester", .kdf = storage::KdfParams::insecure_for_tests()});
    REQUIRE(v);
    app.start.folder = folder().string();
    app.start.mode = appmodel::StartModel::Mode::unlock;
  }
  std::filesystem::path folder() const { return dir.path() / "vault"; }
  // The vault opened through the library (while the app has it locked).
  storage::Vault open() const {
    auto v = storage::Vault::unlock(folder(), crypto::SecretBuffer::copy_of(std::string_view(kTestPassphrase)));
    REQUIRE(v);
    return std::move(*v);
  }

  // Unlocks through the start screen, as a person would.
  void unlock(HeadlessUi& ui, std::string_view passphrase = kTestPassphrase) {
    ui.Click("start.passphrase");
    ui.Type(passphrase);
    ui.Click("start.primary");
    REQUIRE(ui.FramesUntil([&] { return app.unlocked() || app.start.error_key() != nullptr; }));
    REQUIRE(app.unlocked());
  }
};

// Intake consent given now, orally noted, agreeing to the interview (the
// intake is open at its consent step).
inline void give_intake_consent(HeadlessUi& ui) {
  ui.Click("intake.consent.given_at.now");
  ui.Click("intake.consent.method");
  ui.Click("intake.consent.method.oral_noted");
  ui.Click("intake.consent.scopes.be_interviewed.yes");
}

}  // namespace safehold::test
