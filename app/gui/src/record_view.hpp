#pragma once
// Read-only display of a record's fields (labels in the UI language, codes
// as their labels, dates with their precision, "prefer not to answer" shown
// as such). Only fields that hold something are listed.
#include "safehold/appmodel/record_fields.hpp"
#include "safehold/schema/model.hpp"

namespace safehold::gui {

void DrawRecordView(const schema::EntityDef& entity, const appmodel::Json& fields);
// One value as display text (exposed for tests and list summaries).
std::string DisplayValue(const schema::FieldDef& f, const appmodel::Json& value);

}  // namespace safehold::gui
