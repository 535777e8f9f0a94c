// Fuzzes the strict model loader over the built-in vocabularies. A model that
// loads must resolve every vocabulary and ref, and validating an empty record
// of each entity must work.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/schema/record.hpp"

using namespace safehold::schema;

namespace {
void check_fields(const Model& model, const std::vector<FieldDef>& fields) {
  for (const auto& f : fields) {
    if (!f.vocab.empty() && f.vocabulary != model.vocabularies().find(f.vocab)) std::abort();
    if (!f.ref.empty() && !model.entity(f.ref)) std::abort();
    check_fields(model, f.fields);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto model = Model::parse(bytes, Vocabularies::builtin());
  if (!model) {
    if (model.error().describe().empty()) std::abort();
    return 0;
  }
  for (const auto& entity : model->entities()) {
    check_fields(*model, entity.fields);
    (void)validate_fields(entity, nlohmann::json::object());
    (void)redact_identifying(entity, nlohmann::json::object());
  }
  return 0;
}
