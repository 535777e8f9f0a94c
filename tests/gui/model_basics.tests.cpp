#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/appmodel/passphrase_field.hpp"
#include "safehold/appmodel/passphrase_strength.hpp"
#include "safehold/appmodel/settings.hpp"
#include "safehold/appmodel/wiping_allocator.hpp"

using namespace safehold::appmodel;

TEST_CASE("Every English UI string exists in both Chinese tables, and no extra ones", "[gui][i18n]") {
  const auto en = string_keys(Language::en);
  REQUIRE(en.size() > 30);
  for (auto lang : {Language::zh_Hans, Language::zh_Hant}) {
    CHECK(string_keys(lang) == en);
    for (auto key : en) {
      const char* text = tr_exact(lang, key);
      REQUIRE(text != nullptr);
      const std::string_view en_text = tr_exact(Language::en, key);
      const bool has_words = std::any_of(en_text.begin(), en_text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
      if (has_words) CHECK(std::string_view(text) != en_text);
    }
  }
}

TEST_CASE("tr follows the current language and falls back to the key", "[gui][i18n]") {
  set_language(Language::zh_Hant);
  CHECK(std::string(tr("nav.lock")) == "鎖定");
  set_language(Language::zh_Hans);
  CHECK(std::string(tr("nav.lock")) == "锁定");
  set_language(Language::en);
  CHECK(std::string(tr("nav.lock")) == "Lock");
  CHECK(std::string(tr("no.such.key")) == "no.such.key");
  CHECK(trf("nav.lock", {}) == "Lock");
}

TEST_CASE("Locale names map to the right Chinese script", "[gui][i18n]") {
  CHECK(language_from_locale("zh_TW.UTF-8") == Language::zh_Hant);
  CHECK(language_from_locale("zh_HK.UTF-8") == Language::zh_Hant);
  CHECK(language_from_locale("zh_CN.UTF-8") == Language::zh_Hans);
  CHECK(language_from_locale("zh_SG") == Language::zh_Hans);
  CHECK(language_from_locale("en_GB.UTF-8") == Language::en);
  CHECK(language_from_locale("C") == Language::en);
}

TEST_CASE("Passphrase strength ranks guessable and long passphrases apart", "[gui][strength]") {
  PassphraseField weak;
  weak.assign("password1");
  PassphraseField strong;
  strong.assign("orchid tramline velvet quarry nineteen");
  const auto w = estimate_strength(weak.view());
  const auto s = estimate_strength(strong.view());
  CHECK(w.score <= 1);
  CHECK_FALSE(w.acceptable());
  CHECK(s.score >= 3);
  CHECK(s.acceptable());
  CHECK(s.bits > w.bits);
  CHECK(estimate_strength("").score == 0);
}

TEST_CASE("PassphraseField keeps text in guarded memory and wipes on clear", "[gui][secret]") {
  PassphraseField f;
  CHECK(f.empty());
  f.assign("correct horse");
  CHECK(f.view() == "correct horse");
  auto copy = f.take_copy();
  CHECK(copy.view() == "correct horse");
  f.clear();
  CHECK(f.empty());
  for (std::size_t i = 0; i < f.capacity(); ++i) REQUIRE(f.data()[i] == 0);
  f.assign(std::string(2000, 'x'));
  CHECK(f.view().size() == f.capacity() - 1);
}

TEST_CASE("Settings round-trip through vault pairs and ignore bad values", "[gui][settings]") {
  Settings s;
  s.auto_lock_minutes = 12;
  s.quick_lock = QuickLockKey::f12;
  s.language = Language::zh_Hant;
  s.font_px = 24;
  s.theme = Theme::dark;
  s.kdf = KdfStrength::sensitive;
  Settings back;
  back.apply_pairs(s.to_pairs());
  CHECK(back.auto_lock_minutes == 12);
  CHECK(back.quick_lock == QuickLockKey::f12);
  CHECK(back.language == Language::zh_Hant);
  CHECK(back.font_px == 24);
  CHECK(back.theme == Theme::dark);
  CHECK(back.kdf == KdfStrength::sensitive);

  Settings keep = back;
  keep.apply_pairs({{"ui.auto_lock_minutes", "-4"}, {"ui.font_px", "900"}, {"ui.language", "fr"},
                    {"ui.quick_lock", "7"}, {"ui.theme", "neon"}, {"ui.auto_lock_minutes ", "1"},
                    {"unknown", "x"}, {"ui.font_px", "20px"}});
  CHECK(keep.auto_lock_minutes == 12);
  CHECK(keep.font_px == 24);
  CHECK(keep.language == Language::zh_Hant);
  CHECK(keep.quick_lock == QuickLockKey::f12);
  CHECK(keep.theme == Theme::dark);
}

TEST_CASE("Wiping allocator tracks live blocks and wipes freed ones", "[gui][allocator]") {
  const auto blocks = wiping_live_blocks();
  const auto bytes = wiping_live_bytes();
  auto* p = static_cast<char*>(wiping_alloc(64, nullptr));
  REQUIRE(p != nullptr);
  REQUIRE(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
  std::memcpy(p, "testimony of witness 7", 23);
  CHECK(wiping_live_blocks() == blocks + 1);
  CHECK(wiping_live_bytes() == bytes + 64);
  CHECK(wiping_live_contains("witness 7"));
  wiping_free(p, nullptr);
  CHECK(wiping_live_blocks() == blocks);
  CHECK(wiping_live_bytes() == bytes);
  CHECK_FALSE(wiping_live_contains("witness 7"));
  wiping_free(nullptr, nullptr);
}
