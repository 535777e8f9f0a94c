#pragma once
// UI strings in English, Simplified and Traditional Chinese, compiled into the
// binary from app/gui/i18n/<lang>.json (flat {"key": "text"} objects).
//
// Contract: tr() never fails. A key missing from the current language falls
// back to English, then to the key itself (tests check that every English
// key exists in every language). Returned pointers stay valid for the life of
// the process; the language can be switched at any time.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace safehold::appmodel {

enum class Language { en, zh_Hans, zh_Hant };

[[nodiscard]] std::string_view language_code(Language lang) noexcept;  // "en", "zh-Hans", "zh-Hant"
[[nodiscard]] bool language_from_code(std::string_view code, Language& out) noexcept;
// Picks the language from LC_ALL / LC_MESSAGES / LANG style locale names:
// zh_TW, zh_HK, zh_MO and *Hant* give zh_Hant; other zh give zh_Hans.
[[nodiscard]] Language language_from_locale(std::string_view locale) noexcept;
[[nodiscard]] Language language_from_environment() noexcept;

void set_language(Language lang) noexcept;
[[nodiscard]] Language current_language() noexcept;

// Text for `key` in the current language.
[[nodiscard]] const char* tr(std::string_view key);
// Text for `key` in a given language, without fallback; nullptr if missing.
[[nodiscard]] const char* tr_exact(Language lang, std::string_view key);
// tr() with "{}" placeholders replaced in order by args.
[[nodiscard]] std::string trf(std::string_view key, std::initializer_list<std::string_view> args);

// trf() for a message about `n` things. English says "1 record" but "2
// records": a key may have a "<key>.one" form, used when n is 1 (the table
// of a language without plural forms holds the same text under both keys).
// `n` only picks the form: pass the count in `args` where the message puts it.
[[nodiscard]] std::string trn(std::string_view key, std::size_t n, std::initializer_list<std::string_view> args);
// A count with its noun ("1 record", "2 records"): trn() of a key whose text
// is just that ("count.records"), for messages with more than one count.
[[nodiscard]] std::string count_of(std::string_view key, std::size_t n);

// All keys of a language's table (for tests and for the glyph-range builder).
[[nodiscard]] std::vector<std::string_view> string_keys(Language lang);
// Every text of every language concatenated (for building CJK glyph ranges).
[[nodiscard]] std::string all_ui_text();

}  // namespace safehold::appmodel
