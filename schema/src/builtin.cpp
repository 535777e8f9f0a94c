// The vocabularies and model compiled into the binary (safehold_embed), parsed
// once on first use. A defect in them is a build bug, reported by throwing.
#include <stdexcept>
#include <vector>

#include "safehold/embedded/schema_model.hpp"
#include "safehold/embedded/schema_vocabularies.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::schema {

const Vocabularies& Vocabularies::builtin() {
  static const Vocabularies instance = [] {
    std::vector<SourceFile> files;
    for (const auto& f : embedded::schema_vocabularies()) files.push_back({f.path, f.bytes});
    auto parsed = Vocabularies::parse(files);
    if (!parsed) throw std::logic_error("built-in vocabularies: " + parsed.error().describe());
    return std::move(*parsed);
  }();
  return instance;
}

const Model& Model::builtin() {
  static const Model instance = [] {
    auto files = embedded::schema_model();
    if (files.size() != 1) throw std::logic_error("built-in model: expected one file");
    auto parsed = Model::parse(files[0].bytes, Vocabularies::builtin());
    if (!parsed) throw std::logic_error("built-in model: " + parsed.error().describe());
    return std::move(*parsed);
  }();
  return instance;
}

}  // namespace safehold::schema
