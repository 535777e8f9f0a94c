#pragma once
// The three display languages of Safehold and a label/definition held in all
// of them. Tags are BCP 47: "en", "zh-Hans" (Simplified), "zh-Hant" (Traditional).
#include <optional>
#include <string>
#include <string_view>

namespace safehold::schema {

enum class Language { en, zh_hans, zh_hant };

inline constexpr Language kAllLanguages[] = {Language::en, Language::zh_hans, Language::zh_hant};

// "en", "zh-Hans" or "zh-Hant".
std::string_view language_tag(Language language) noexcept;
// Exactly one of the three tags above (case-sensitive); nothing else.
std::optional<Language> language_from_tag(std::string_view tag) noexcept;

// A text in all three languages; the loaders guarantee none is empty.
struct Text {
  std::string en;
  std::string zh_hans;
  std::string zh_hant;

  const std::string& in(Language language) const noexcept;
};

}  // namespace safehold::schema
