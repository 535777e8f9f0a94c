// Every string the app can put on screen has a translation in English,
// Simplified and Traditional Chinese: the i18n keys written in the sources
// (read at test time), every audit action and object the vault can record,
// and Chinese punctuation in Chinese strings.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "safehold/appmodel/audit_view.hpp"
#include "safehold/appmodel/i18n.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/storage/audit.hpp"

using namespace safehold;
using appmodel::Language;
namespace fs = std::filesystem;

namespace {

constexpr Language kLanguages[] = {Language::en, Language::zh_Hans, Language::zh_Hant};

// Lines where a string is a probe name for the tests, not an i18n key (probe
// names look like keys: "contacts.own.fingerprint"): calls of the helpers
// that take one, and options named `probe`, `bar_probe`, `cancel_probe`...
// (InputTextExact, SecretField, ProgressWithCancel).
constexpr const char* kProbeMarkers[] = {"Probe(",       "probe(",           "probe =",     "DrawPausedNotice(",
                                         "RecipientKindCombo(", "ShowRefusal(", "Fingerprint(", "BigDigits(",
                                         "ProgressWithCancel(", "PathField("};

std::set<std::string> key_prefixes() {
  std::set<std::string> out;
  for (auto key : appmodel::string_keys(Language::en)) out.emplace(key.substr(0, key.find('.')));
  return out;
}

// String literals shaped like i18n keys ("audit.col.time") whose first part is
// a prefix of the string tables, from the sources that draw or pick text.
std::map<std::string, std::string> keys_in_sources() {
  const fs::path root = SAFEHOLD_SOURCE_DIR;
  const auto prefixes = key_prefixes();
  const std::regex literal(R"re("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")re");
  std::map<std::string, std::string> found;  // key -> where
  for (const char* dir : {"app/gui/src", "app/gui/model/src", "app/gui/model/include/safehold/appmodel",
                          "app/core/src/policy"}) {
    // Recursive: shared widgets live in app/gui/src/widgets/.
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::ifstream in(entry.path());
      std::string line;
      int number = 0;
      while (std::getline(in, line)) {
        ++number;
        const std::string code = line.substr(0, line.find("//"));
        bool probe = false;
        for (const char* marker : kProbeMarkers) probe = probe || code.find(marker) != std::string::npos;
        if (probe) continue;
        for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end; ++it) {
          const std::string key = (*it)[1];
          if (!prefixes.contains(key.substr(0, key.find('.')))) continue;
          found.emplace(key, entry.path().filename().string() + ":" + std::to_string(number));
        }
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("i18n: every key written in the sources is translated in all three languages", "[gui][i18n]") {
  const auto keys = keys_in_sources();
  REQUIRE(keys.size() > 300);  // the scan found the sources
  CHECK(keys.contains("start.error.folder"));
  for (const auto& [key, where] : keys) {
    for (auto lang : kLanguages) {
      INFO(key << " (" << where << ") in " << appmodel::language_code(lang));
      CHECK(appmodel::tr_exact(lang, key) != nullptr);
    }
  }
}

TEST_CASE("i18n: every audit action the vault can record has a label", "[gui][i18n]") {
  int actions = 0;
  for (int i = 0;; ++i) {
    const std::string name = storage::to_string(static_cast<storage::AuditAction>(i));
    if (name == "unknown") break;
    ++actions;
    for (auto lang : kLanguages) {
      INFO(name << " in " << appmodel::language_code(lang));
      CHECK(appmodel::tr_exact(lang, appmodel::audit_action_key(name)) != nullptr);
    }
  }
  // The loop must have walked every action, up to the last one declared.
  CHECK(actions == static_cast<int>(storage::AuditAction::withdrawal_lifted) + 1);
}

TEST_CASE("i18n: the audit log names its objects with labels, never internal names", "[gui][i18n]") {
  for (auto lang : kLanguages) {
    appmodel::set_language(lang);
    for (auto type : appmodel::audit_non_entity_object_types()) {
      const std::string label = appmodel::audit_object_label(type);
      CHECK(label != type);
      CHECK(label != appmodel::tr("audit.object.other"));
    }
    for (const auto& e : schema::Model::builtin().entities()) {
      INFO(e.name);
      const std::string label = appmodel::audit_object_label(e.name);
      CHECK_FALSE(label.empty());
      if (lang != Language::en) CHECK(label != e.name);
    }
  }
  appmodel::set_language(Language::en);
  CHECK(appmodel::audit_object_label("incident") == "Incident");
  appmodel::set_language(Language::zh_Hans);
  CHECK(appmodel::audit_object_label("vault") == "保险库");
  appmodel::set_language(Language::en);
}

TEST_CASE("i18n: Chinese strings use the full-width colon", "[gui][i18n]") {
  for (auto lang : {Language::zh_Hans, Language::zh_Hant}) {
    for (auto key : appmodel::string_keys(lang)) {
      const std::string text = appmodel::tr_exact(lang, key);
      INFO(key << ": " << text);
      // A colon before a space, a placeholder or the end is punctuation, not
      // a time format such as HH:MM:SS.
      CHECK(text.find(": ") == std::string::npos);
      CHECK(text.find(":{") == std::string::npos);
      CHECK((text.empty() || text.back() != ':'));
    }
    CHECK(std::string(appmodel::tr_exact(lang, "text.label_value")) == "{}：{}");
  }
}
