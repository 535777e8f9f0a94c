// Validation of one field value by its type (schema/README.md, "Field types").
#include <set>
#include <string>

#include "safehold/schema/formats.hpp"
#include "validate_value.hpp"

namespace safehold::schema::detail {
namespace {

using nlohmann::json;
using Result = expected<void, ValidationError>;

bool in_set(char c, std::string_view set) noexcept { return set.find(c) != std::string_view::npos; }

bool all_of(std::string_view s, std::string_view set) noexcept {
  for (char c : s) {
    if (!in_set(c, set)) return false;
  }
  return true;
}

constexpr std::string_view kLowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";

bool media_type_part(std::string_view s) noexcept {
  // RFC 6838 restricted-name, lowercase only (one spelling per type).
  return !s.empty() && s.size() <= 127 && in_set(s[0], kLowerAlnum) &&
         all_of(s, "abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-");
}

bool matches_format(std::string_view format, std::string_view s) noexcept {
  if (format == "sha256") return s.size() == 64 && all_of(s, "0123456789abcdef");
  if (format == "media_type") {
    auto slash = s.find('/');
    return slash != std::string_view::npos && media_type_part(s.substr(0, slash)) &&
           media_type_part(s.substr(slash + 1));
  }
  if (format == "age_recipient") {
    // Shape only (Bech32 checksum: the crypto module's age parser).
    return s.size() == 62 && s.starts_with("age1") && all_of(s.substr(4), "qpzry9x8gf2tvdw0s3jn54khce6mua7l");
  }
  if (format == "minisign_public_key") {
    // base64("Ed" || key id (8) || Ed25519 key (32)): 56 characters, no padding.
    return s.size() == 56 && s.starts_with("RW") &&
           all_of(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  }
  return false;
}

Result check_text(const FieldDef& def, const json& value, const std::string& path, ValidationContext& context) {
  if (!value.is_string()) return invalid(SchemaError::wrong_type, path, "text");
  const auto& s = value.get_ref<const std::string&>();
  bool multi_line = def.type == FieldType::long_text;
  std::size_t limit = multi_line ? kMaxLongTextBytes : kMaxTextBytes;
  if (s.size() > limit) return invalid(SchemaError::too_long, path, "max " + std::to_string(limit) + " bytes");
  context.text_bytes += s.size();
  if (context.text_bytes > kMaxRecordTextBytes) return invalid(SchemaError::too_large, path);
  if (!is_valid_utf8(s)) return invalid(SchemaError::bad_text, path);
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    bool allowed_control = multi_line && (c == '\n' || c == '\t');
    if ((b < 0x20 || b == 0x7F) && !allowed_control) return invalid(SchemaError::bad_text, path);
  }
  if (!def.format.empty() && !matches_format(def.format, s)) return invalid(SchemaError::bad_format, path, def.format);
  return {};
}

SchemaError unknown_code_error(FieldType type) noexcept {
  switch (type) {
    case FieldType::country:
    case FieldType::countries: return SchemaError::unknown_country;
    case FieldType::language:
    case FieldType::languages: return SchemaError::unknown_language;
    default: return SchemaError::unknown_code;
  }
}

Result check_code(const FieldDef& def, const json& value, const std::string& path, const ValidationContext& context) {
  if (!value.is_string()) return invalid(SchemaError::wrong_type, path, "code");
  const auto& code = value.get_ref<const std::string&>();
  const auto* entry = def.vocabulary ? def.vocabulary->find(code) : nullptr;
  std::string vocab = def.vocabulary ? def.vocabulary->name() : std::string();
  if (!entry) return invalid(unknown_code_error(def.type), path, vocab);
  if (entry->retired && context.mode == Mode::write) return invalid(SchemaError::retired_code, path, vocab);
  for (const auto& excluded : def.exclude) {
    if (excluded == code) return invalid(SchemaError::code_not_allowed, path, vocab + " " + code);
  }
  return {};
}

// An array of distinct strings, each checked by `check_one`.
template <class Check>
Result check_string_list(const FieldDef& def, const json& value, const std::string& path, Check check_one) {
  if (!value.is_array()) return invalid(SchemaError::wrong_type, path, "list");
  if (value.size() > kMaxListItems) return invalid(SchemaError::too_many_items, path, "max 10000");
  if (def.required && value.empty()) return invalid(SchemaError::missing_required, path);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto ok = check_one(value[i], item_path(path, i));
    if (!ok) return ok;
    if (!seen.insert(value[i].get_ref<const std::string&>()).second) {
      return invalid(SchemaError::duplicate_value, item_path(path, i));
    }
  }
  return {};
}

Result check_uuid(const json& value, const std::string& path) {
  if (!value.is_string()) return invalid(SchemaError::wrong_type, path, "id");
  if (!is_uuid_v4(value.get_ref<const std::string&>())) return invalid(SchemaError::bad_uuid, path);
  return {};
}

Result check_integer(const FieldDef& def, const json& value, const std::string& path) {
  if (!value.is_number_integer()) return invalid(SchemaError::wrong_type, path, "integer");
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > INT64_MAX) {
    return invalid(SchemaError::out_of_range, path);
  }
  auto n = value.get<std::int64_t>();
  if ((def.min && n < *def.min) || (def.max && n > *def.max)) return invalid(SchemaError::out_of_range, path);
  return {};
}

Result check_date(const FieldDef& def, const json& value, const std::string& path, const ValidationContext& context) {
  if (!value.is_object()) return invalid(SchemaError::wrong_type, path, "date");
  for (const auto& [key, member] : value.items()) {
    if (key != "value" && key != "precision" && key != "end") return invalid(SchemaError::bad_date, path, "members");
  }
  auto date = value.find("value");
  if (date == value.end() || !date->is_string()) return invalid(SchemaError::bad_date, path);
  int parts = partial_date_parts(date->get_ref<const std::string&>());
  if (parts == 0) return invalid(SchemaError::bad_date, path);
  auto precision = value.find("precision");
  if (precision == value.end() || !precision->is_string()) return invalid(SchemaError::bad_date_precision, path);
  const auto& p = precision->get_ref<const std::string&>();
  const auto* entry = def.vocabulary ? def.vocabulary->find(p) : nullptr;
  if (!entry || (entry->retired && context.mode == Mode::write)) {
    return invalid(SchemaError::bad_date_precision, path, "date_precision");
  }
  auto end = value.find("end");
  if ((p == "range") != (end != value.end())) return invalid(SchemaError::bad_date_precision, path, "end only with range");
  bool form_ok = p == "exact" ? parts == 3 : p == "month" ? parts == 2 : p == "year" ? parts == 1
                                                                                      : p == "estimate" || p == "range";
  if (!form_ok) return invalid(SchemaError::bad_date_precision, path, p);
  if (end != value.end()) {
    if (!end->is_string() || partial_date_parts(end->get_ref<const std::string&>()) == 0) {
      return invalid(SchemaError::bad_date, path, "end");
    }
    // Compare at the coarser of the two forms: "2023" may end at "2023-06".
    const auto& a = date->get_ref<const std::string&>();
    const auto& b = end->get_ref<const std::string&>();
    auto n = std::min(a.size(), b.size());
    if (a.compare(0, n, b, 0, n) > 0) return invalid(SchemaError::bad_date, path, "end before start");
  }
  return {};
}

Result check_scopes(const FieldDef& def, const json& value, const std::string& path, const ValidationContext& context) {
  if (!value.is_object()) return invalid(SchemaError::wrong_type, path, "scopes");
  if (def.required && value.empty()) return invalid(SchemaError::missing_required, path);
  const auto* answers = context.vocabularies->find("scope_answer");
  for (const auto& [scope, answer] : value.items()) {
    const auto* entry = def.vocabulary ? def.vocabulary->find(scope) : nullptr;
    if (!entry) return invalid(SchemaError::unknown_code, path, def.vocab);
    if (entry->retired && context.mode == Mode::write) return invalid(SchemaError::retired_code, path, def.vocab);
    if (!answer.is_string()) return invalid(SchemaError::wrong_type, path + "." + scope, "code");
    const auto* a = answers ? answers->find(answer.get_ref<const std::string&>()) : nullptr;
    if (!a) return invalid(SchemaError::unknown_code, path + "." + scope, "scope_answer");
    if (a->retired && context.mode == Mode::write) return invalid(SchemaError::retired_code, path + "." + scope, "scope_answer");
  }
  return {};
}

Result check_list(const FieldDef& def, const json& value, const std::string& path, ValidationContext& context) {
  if (!value.is_array()) return invalid(SchemaError::wrong_type, path, "list");
  if (value.size() > kMaxListItems) return invalid(SchemaError::too_many_items, path, "max 10000");
  if (def.required && value.empty()) return invalid(SchemaError::missing_required, path);
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto ok = validate_members(def.fields, value[i], item_path(path, i), context);
    if (!ok) return ok;
  }
  return {};
}

}  // namespace

Result validate_value(const FieldDef& def, const json& value, const std::string& path, ValidationContext& context) {
  auto code = [&](const json& v, const std::string& p) { return check_code(def, v, p, context); };
  switch (def.type) {
    case FieldType::text:
    case FieldType::long_text: return check_text(def, value, path, context);
    case FieldType::boolean:
      return value.is_boolean() ? Result{} : invalid(SchemaError::wrong_type, path, "boolean");
    case FieldType::integer: return check_integer(def, value, path);
    case FieldType::date: return check_date(def, value, path, context);
    case FieldType::datetime:
      if (!value.is_string()) return invalid(SchemaError::wrong_type, path, "datetime");
      return is_utc_timestamp(value.get_ref<const std::string&>()) ? Result{}
                                                                   : invalid(SchemaError::bad_datetime, path);
    case FieldType::code:
    case FieldType::country:
    case FieldType::language: return code(value, path);
    case FieldType::codes:
    case FieldType::countries:
    case FieldType::languages: return check_string_list(def, value, path, code);
    case FieldType::ref: return check_uuid(value, path);
    case FieldType::refs: return check_string_list(def, value, path, check_uuid);
    case FieldType::object: return validate_members(def.fields, value, path, context);
    case FieldType::list: return check_list(def, value, path, context);
    case FieldType::scopes: return check_scopes(def, value, path, context);
  }
  return invalid(SchemaError::wrong_type, path);
}

}  // namespace safehold::schema::detail
