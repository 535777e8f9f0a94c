#include "safehold/schema/text.hpp"

namespace safehold::schema {

std::string_view language_tag(Language language) noexcept {
  switch (language) {
    case Language::en: return "en";
    case Language::zh_hans: return "zh-Hans";
    case Language::zh_hant: return "zh-Hant";
  }
  return "en";
}

std::optional<Language> language_from_tag(std::string_view tag) noexcept {
  for (auto language : kAllLanguages) {
    if (language_tag(language) == tag) return language;
  }
  return std::nullopt;
}

const std::string& Text::in(Language language) const noexcept {
  switch (language) {
    case Language::zh_hans: return zh_hans;
    case Language::zh_hant: return zh_hant;
    case Language::en: break;
  }
  return en;
}

}  // namespace safehold::schema
