#include "safehold/schema/strict_json.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace safehold::schema {
namespace {

using json = nlohmann::json;

// Values in one document. Bounds the DOM a hostile record can make nlohmann
// build (a 16 MiB bundle record of `[],` would otherwise be millions of
// heap-allocated arrays); Safehold's largest document, entities.json, has
// a few thousand.
constexpr std::size_t kMaxJsonValues = std::size_t{1} << 18;

enum class Refusal { none, duplicate, too_deep, too_many };

// Builds the DOM through nlohmann's SAX interface and stops the parser at
// the first event that breaks a limit, so a nesting or size bomb costs only
// what was read before it (the depth check after a full parse cost over a
// gigabyte for a 10 MB `[[[[…`, issue 10 finding 15).
class StrictSax {
 public:
  explicit StrictSax(json& out) : dom_(out, /*allow_exceptions=*/false) {}

  Refusal refusal() const noexcept { return refusal_; }

  bool null() { return value() && dom_.null(); }
  bool boolean(bool v) { return value() && dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return value() && dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) {
    return value() && dom_.number_float(v, s);
  }
  bool string(json::string_t& v) { return value() && dom_.string(v); }
  bool binary(json::binary_t& v) { return value() && dom_.binary(v); }

  bool start_object(std::size_t n) {
    if (!open()) return false;
    keys_.emplace_back();
    return dom_.start_object(n);
  }
  bool key(json::string_t& k) {
    if (!keys_.back().insert(k).second) return refuse(Refusal::duplicate);
    return dom_.key(k);
  }
  bool end_object() {
    keys_.pop_back();
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return open() && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t at, const std::string& token, const nlohmann::detail::exception& e) {
    return dom_.parse_error(at, token, e);
  }

 private:
  bool refuse(Refusal r) {
    refusal_ = r;
    return false;  // stops nlohmann's parser here
  }
  bool value() { return ++values_ <= kMaxJsonValues || refuse(Refusal::too_many); }
  // Depth 1 is the top-level container, as kMaxJsonDepth counts it.
  bool open() {
    if (!value()) return false;
    return ++depth_ <= kMaxJsonDepth || refuse(Refusal::too_deep);
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<std::set<std::string, std::less<>>> keys_;
  int depth_ = 0;
  std::size_t values_ = 0;
  Refusal refusal_ = Refusal::none;
};

}  // namespace

expected<nlohmann::json, ValidationError> parse_strict_json(std::string_view bytes,
                                                            std::string_view where) {
  auto fail = [&](std::string detail) {
    return unexpected(ValidationError{SchemaError::malformed_json, std::string(where),
                                      std::move(detail)});
  };
  // nlohmann skips a UTF-8 byte-order mark silently; one encoding means none.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return fail("byte-order mark");

  json doc;
  StrictSax sax(doc);
  const bool ok = json::sax_parse(bytes.begin(), bytes.end(), &sax, json::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  switch (sax.refusal()) {
    case Refusal::duplicate:
      return fail("duplicate key");
    case Refusal::too_deep:
      return fail("nested too deeply");
    case Refusal::too_many:
      return fail("too many values");
    case Refusal::none:
      break;
  }
  if (!ok || doc.is_discarded()) return fail("syntax or encoding");
  return doc;
}

}  // namespace safehold::schema
