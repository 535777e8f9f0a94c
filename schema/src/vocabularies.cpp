// The set of vocabularies: strict loading from files and lookups.
#include <algorithm>

#include "data_reader.hpp"
#include "vocabulary_reader.hpp"

namespace safehold::schema {

expected<Vocabularies, LoadError> Vocabularies::parse(std::span<const SourceFile> files) {
  Vocabularies out;
  for (const auto& file : files) {
    auto slash = file.path.rfind('/');
    auto file_name = slash == std::string_view::npos ? file.path : file.path.substr(slash + 1);
    auto vocab = VocabularyReader::read(file_name, file.bytes);
    if (!vocab) return unexpected(vocab.error());
    if (out.find(vocab->name())) {
      return detail::load_error(SchemaError::duplicate_name, std::string(file_name));
    }
    auto at = std::lower_bound(out.vocabularies_.begin(), out.vocabularies_.end(), vocab->name(),
                               [](const Vocabulary& v, const std::string& n) { return v.name() < n; });
    out.vocabularies_.insert(at, std::move(*vocab));
  }
  return out;
}

const Vocabulary* Vocabularies::find(std::string_view name) const noexcept {
  auto at = std::lower_bound(vocabularies_.begin(), vocabularies_.end(), name,
                             [](const Vocabulary& v, std::string_view n) { return v.name() < n; });
  return at != vocabularies_.end() && at->name() == name ? &*at : nullptr;
}

std::string_view label(std::string_view vocabulary, std::string_view code, Language language) noexcept {
  const auto* vocab = Vocabularies::builtin().find(vocabulary);
  const auto* entry = vocab ? vocab->find(code) : nullptr;
  return entry ? std::string_view(entry->label.in(language)) : code;
}

}  // namespace safehold::schema
