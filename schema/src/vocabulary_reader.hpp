#pragma once
// Internal: parses one vocabulary data file (format: schema/README.md).
#include "safehold/schema/vocabulary.hpp"

namespace safehold::schema {

class VocabularyReader {
 public:
  // `file_name` is "<name>.json"; the vocabulary's `name` must match it.
  [[nodiscard]] static expected<Vocabulary, LoadError> read(std::string_view file_name,
                                                            std::string_view bytes);
};

}  // namespace safehold::schema
