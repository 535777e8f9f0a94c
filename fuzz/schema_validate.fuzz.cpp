// Fuzzes record validation and the record views with arbitrary JSON against the
// built-in model. Input: a record envelope, {"entity": name, "fields": {...}},
// or bare fields (the entity then chosen by the input size). Checks the
// invariants storage relies on: a record valid for writing is valid for
// reading; redacting a valid record leaves a valid record with nothing
// identifying, and redacting twice changes nothing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "safehold/schema/derived.hpp"
#include "safehold/schema/record.hpp"

using namespace safehold::schema;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& model = Model::builtin();
  auto doc = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;
  (void)validate_record(model, doc, Mode::write);

  const EntityDef* entity = nullptr;
  if (doc.is_object() && doc.contains("entity") && doc["entity"].is_string()) {
    entity = model.entity(doc["entity"].get<std::string>());
  }
  if (!entity) entity = &model.entities()[size % model.entities().size()];
  const json& fields = doc.is_object() && doc.contains("fields") ? doc["fields"] : doc;

  auto written = validate_fields(*entity, fields, Mode::write);
  auto read = validate_fields(*entity, fields, Mode::read);
  if (written && !read) std::abort();
  if (!written && written.error().describe().empty()) std::abort();

  auto redacted = redact_identifying(*entity, fields);
  if (written) {
    if (!validate_fields(*entity, redacted, Mode::write)) std::abort();
    if (redact_identifying(*entity, redacted) != redacted) std::abort();
    if (searchable_text(*entity, redacted) != searchable_text(*entity, fields, false)) std::abort();
  }
  (void)referenced_ids(*entity, fields);
  (void)fields_needing_scope(*entity, fields);
  (void)searchable_text(*entity, fields);
  (void)derive_incident(fields);
  return 0;
}
