#include "safehold/schema/strict_json.hpp"

#include <set>
#include <string>
#include <vector>

namespace safehold::schema {

expected<nlohmann::json, ValidationError> parse_strict_json(std::string_view bytes,
                                                            std::string_view where) {
  auto fail = [&](std::string detail) {
    return unexpected(ValidationError{SchemaError::malformed_json, std::string(where),
                                      std::move(detail)});
  };
  // nlohmann skips a UTF-8 byte-order mark silently; one encoding means none.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return fail("byte-order mark");

  std::vector<std::set<std::string, std::less<>>> open_objects;
  bool duplicate = false;
  bool too_deep = false;
  using Event = nlohmann::json::parse_event_t;
  // Never discards a value (discarding would skip object_end events and
  // unbalance `open_objects`); problems are flagged and reported after parsing.
  auto check = [&](int depth, Event event, nlohmann::json& parsed) {
    switch (event) {
      case Event::object_start:
        open_objects.emplace_back();
        [[fallthrough]];
      case Event::array_start:
        if (depth >= kMaxJsonDepth) too_deep = true;
        break;
      case Event::object_end:
        if (!open_objects.empty()) open_objects.pop_back();
        break;
      case Event::key:
        if (!open_objects.empty() && parsed.is_string() &&
            !open_objects.back().insert(parsed.get_ref<const std::string&>()).second) {
          duplicate = true;
        }
        break;
      default:
        break;
    }
    return true;
  };
  auto doc = nlohmann::json::parse(bytes.begin(), bytes.end(), check,
                                   /*allow_exceptions=*/false, /*ignore_comments=*/false);
  if (doc.is_discarded()) return fail("syntax or encoding");
  if (duplicate) return fail("duplicate key");
  if (too_deep) return fail("nested too deeply");
  return doc;
}

}  // namespace safehold::schema
