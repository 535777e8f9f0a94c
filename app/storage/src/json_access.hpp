#pragma once
// Internal: null-safe reads of record fields. Goes through the object map
// directly (nlohmann's iterators trip -Wnull-dereference under -O2).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace safehold::storage::detail {

// The member `name` of an object, or nullptr (also when `object` is no object).
inline const nlohmann::json* member(const nlohmann::json& object, std::string_view name) noexcept {
  if (!object.is_object()) return nullptr;
  const auto& map = object.get_ref<const nlohmann::json::object_t&>();
  auto it = map.find(name);
  return it == map.end() ? nullptr : &it->second;
}

// The member's string value, or "" when absent, not answered or not a string.
inline std::string text_of(const nlohmann::json& object, std::string_view name) {
  const auto* m = member(object, name);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

}  // namespace safehold::storage::detail
