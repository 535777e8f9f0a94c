#include "safehold/schema/write_order.hpp"

#include <algorithm>

namespace safehold::schema {

int write_rank(const EntityDef& entity) noexcept {
  if (!entity.in_case) return 0;
  const bool gives_consent = std::any_of(entity.fields.begin(), entity.fields.end(),
                                         [](const FieldDef& f) { return f.type == FieldType::scopes; });
  return gives_consent ? 1 : 2;
}

}  // namespace safehold::schema
