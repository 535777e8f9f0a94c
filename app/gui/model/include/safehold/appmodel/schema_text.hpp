#pragma once
// Labels from safehold_schema (vocabularies, entity and field names, help)
// in the UI's current language, so vocabulary labels switch with tr().
#include <string>
#include <string_view>

#include "safehold/appmodel/i18n.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/schema/text.hpp"

namespace safehold::appmodel {

[[nodiscard]] schema::Language schema_language(Language lang) noexcept;
// `text` in the current UI language.
[[nodiscard]] const std::string& in_ui_language(const schema::Text& text) noexcept;
// Label of `code` in vocabulary `vocab`, current language (the code itself if unknown).
[[nodiscard]] std::string_view vocab_label(std::string_view vocab, std::string_view code) noexcept;
// Every label, definition and help text of the built-in schema in all three
// languages (for building the CJK glyph ranges).
[[nodiscard]] std::string all_schema_text();

// An entity of the built-in model by name; the names the screens use are
// fixed, so a missing one is a programming error (std::logic_error).
[[nodiscard]] const schema::EntityDef& builtin_entity(std::string_view name);

}  // namespace safehold::appmodel
