#include "safehold/appmodel/i18n.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>

#include "safehold/embedded/gui_strings.hpp"

namespace safehold::appmodel {
namespace {

using Table = std::map<std::string, std::string, std::less<>>;

struct Tables {
  std::array<Table, 3> by_lang;
};

std::size_t index_of(Language lang) { return static_cast<std::size_t>(lang); }

const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    for (const auto& file : embedded::gui_strings()) {
      auto dot = file.path.rfind('.');
      Language lang{};
      if (dot == std::string_view::npos || !language_from_code(file.path.substr(0, dot), lang)) {
        continue;
      }
      // The files are ours and compiled in: a parse error is a build bug.
      auto json = nlohmann::json::parse(file.bytes);
      for (auto it = json.begin(); it != json.end(); ++it) {
        out.by_lang[index_of(lang)].emplace(it.key(), it.value().get<std::string>());
      }
    }
    return out;
  }();
  return t;
}

std::atomic<Language> g_language{Language::en};

}  // namespace

std::string_view language_code(Language lang) noexcept {
  switch (lang) {
    case Language::en: return "en";
    case Language::zh_Hans: return "zh-Hans";
    case Language::zh_Hant: return "zh-Hant";
  }
  return "en";
}

bool language_from_code(std::string_view code, Language& out) noexcept {
  for (auto l : {Language::en, Language::zh_Hans, Language::zh_Hant}) {
    if (code == language_code(l)) {
      out = l;
      return true;
    }
  }
  return false;
}

Language language_from_locale(std::string_view locale) noexcept {
  if (locale.substr(0, 2) != "zh") return Language::en;
  for (std::string_view hant : {"zh_TW", "zh_HK", "zh_MO", "Hant", "zh-TW", "zh-HK", "zh-MO"}) {
    if (locale.find(hant) != std::string_view::npos) return Language::zh_Hant;
  }
  return Language::zh_Hans;
}

Language language_from_environment() noexcept {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') return language_from_locale(v);
  }
  return Language::en;
}

void set_language(Language lang) noexcept { g_language.store(lang); }
Language current_language() noexcept { return g_language.load(); }

const char* tr_exact(Language lang, std::string_view key) {
  const auto& t = tables().by_lang[index_of(lang)];
  auto it = t.find(key);
  return it == t.end() ? nullptr : it->second.c_str();
}

const char* tr(std::string_view key) {
  if (const char* s = tr_exact(current_language(), key)) return s;
  if (const char* s = tr_exact(Language::en, key)) return s;
  // Unknown key: keep a stable copy so the pointer outlives the call.
  static Table unknown;
  auto [it, inserted] = unknown.emplace(std::string(key), std::string(key));
  return it->second.c_str();
}

std::string trf(std::string_view key, std::initializer_list<std::string_view> args) {
  std::string_view pattern = tr(key);
  std::string out;
  auto arg = args.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string trn(std::string_view key, std::size_t n, std::initializer_list<std::string_view> args) {
  if (n == 1) {
    const std::string one = std::string(key) + ".one";
    if (tr_exact(current_language(), one) != nullptr) return trf(one, args);
  }
  return trf(key, args);
}

std::string count_of(std::string_view key, std::size_t n) {
  const std::string count = std::to_string(n);
  return trn(key, n, {count});
}

std::vector<std::string_view> string_keys(Language lang) {
  std::vector<std::string_view> keys;
  for (const auto& [k, v] : tables().by_lang[index_of(lang)]) keys.push_back(k);
  return keys;
}

std::string all_ui_text() {
  std::string out;
  for (const auto& t : tables().by_lang) {
    for (const auto& [k, v] : t) out += v;
  }
  return out;
}

}  // namespace safehold::appmodel
