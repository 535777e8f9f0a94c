#include "safehold/appmodel/record_fields.hpp"

#include <chrono>
#include <ctime>
#include <regex>

#include "safehold/schema/formats.hpp"
#include "safehold/schema/record.hpp"

namespace safehold::appmodel {
namespace {

const Json* find(const Json& fields, std::string_view name) {
  if (!fields.is_object()) return nullptr;
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : &*it;
}

}  // namespace

std::string_view not_answered_kind(const Json& fields, std::string_view name) {
  const Json* v = find(fields, name);
  if (v == nullptr || !schema::is_not_answered(*v)) return {};
  return (*v)["not_answered"].get_ref<const std::string&>();
}

void set_not_answered(Json& fields, std::string_view name, std::string_view kind) {
  fields[std::string(name)] = Json{{"not_answered", std::string(kind)}};
}

std::string text_of(const Json& fields, std::string_view name) {
  const Json* v = find(fields, name);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

void set_text(Json& fields, std::string_view name, std::string_view value) {
  if (value.empty()) {
    fields.erase(std::string(name));
  } else {
    fields[std::string(name)] = std::string(value);
  }
}

bool has_code(const Json& fields, std::string_view name, std::string_view code) {
  const Json* v = find(fields, name);
  if (v == nullptr || !v->is_array()) return false;
  for (const auto& c : *v) {
    if (c.is_string() && c.get_ref<const std::string&>() == code) return true;
  }
  return false;
}

void toggle_code(Json& fields, std::string_view name, std::string_view code) {
  const std::string key(name);
  Json list = fields.contains(key) && fields[key].is_array() ? fields[key] : Json::array();
  Json out = Json::array();
  bool removed = false;
  for (auto& c : list) {
    if (c.is_string() && c.get_ref<const std::string&>() == code) {
      removed = true;
    } else {
      out.push_back(std::move(c));
    }
  }
  if (!removed) out.push_back(std::string(code));
  if (out.empty()) fields.erase(key); else fields[key] = std::move(out);
}

DateValue date_of(const Json& fields, std::string_view name) {
  DateValue d;
  const Json* v = find(fields, name);
  if (v == nullptr || !v->is_object()) return d;
  auto get = [&](const char* k) {
    auto it = v->find(k);
    return it != v->end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  d.value = get("value");
  d.precision = get("precision");
  d.end = get("end");
  return d;
}

void set_date(Json& fields, std::string_view name, const DateValue& d) {
  const std::string key(name);
  if (d.value.empty()) {
    fields.erase(key);
    return;
  }
  std::string precision = d.precision;
  // Year, month and exact follow the value's shape as it is typed ("2026"
  // then "2026-03": month); estimate and range are the caseworker's choice.
  const bool from_shape = precision.empty() || precision == "year" || precision == "month" || precision == "exact";
  if (from_shape && (precision.empty() || schema::partial_date_parts(d.value) != 0)) {
    switch (schema::partial_date_parts(d.value)) {
      case 1: precision = "year"; break;
      case 2: precision = "month"; break;
      default: precision = "exact"; break;
    }
  }
  Json out{{"value", d.value}, {"precision", precision}};
  if (precision == "range" && !d.end.empty()) out["end"] = d.end;
  fields[key] = std::move(out);
}

std::optional<std::string> typed_utc_time(std::string_view typed) {
  // YYYY-MM-DD, then 'T' or spaces, HH:MM, optional :SS, optional Z.
  static const std::regex shape(R"(\s*(\d{4}-\d{2}-\d{2})(?:T|\s+)(\d{2}:\d{2})(:\d{2})?Z?\s*)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(typed.begin(), typed.end(), m, shape)) return std::nullopt;
  std::string out = m[1].str() + "T" + m[2].str() + (m[3].matched ? m[3].str() : std::string(":00")) + "Z";
  if (!schema::is_utc_timestamp(out)) return std::nullopt;
  return out;
}

std::string display_time(std::string_view t) {
  if (!schema::is_utc_timestamp(t)) return std::string(t);
  return std::string(t.substr(0, 10)) + " " + std::string(t.substr(11, 5));
}

}  // namespace safehold::appmodel
