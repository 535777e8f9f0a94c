#include "data_reader.hpp"

#include "safehold/schema/formats.hpp"

namespace safehold::schema::detail {

unexpected<LoadError> load_error(SchemaError code, std::string path, std::string detail) {
  return unexpected(LoadError{code, std::move(path), std::move(detail)});
}

bool is_snake_case(std::string_view s) noexcept {
  if (s.empty() || s.size() > 48 || s.front() < 'a' || s.front() > 'z' || s.back() == '_') {
    return false;
  }
  char prev = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '_' && prev != '_');
    if (!ok) return false;
    prev = c;
  }
  return true;
}

namespace {

bool is_clean_line(std::string_view s) noexcept {
  if (!is_valid_utf8(s)) return false;
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return false;
  }
  // No ASCII or ideographic (U+3000) padding.
  auto padded_ascii = s.front() == ' ' || s.back() == ' ';
  auto padded_cjk = s.starts_with("\xE3\x80\x80") || s.ends_with("\xE3\x80\x80");
  return !padded_ascii && !padded_cjk;
}

}  // namespace

expected<Text, LoadError> read_text(const nlohmann::json& value, const std::string& path,
                                    std::size_t max_bytes) {
  if (!value.is_object()) return load_error(SchemaError::bad_structure, path, "text must be an object");
  Text out;
  for (auto language : kAllLanguages) {
    auto tag = language_tag(language);
    auto it = value.find(tag);
    if (it == value.end()) {
      return load_error(SchemaError::missing_language, path, std::string(tag));
    }
    if (!it->is_string()) return load_error(SchemaError::bad_label, path, std::string(tag));
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > max_bytes || !is_clean_line(s)) {
      return load_error(SchemaError::bad_label, path, std::string(tag));
    }
    (language == Language::en ? out.en : language == Language::zh_hans ? out.zh_hans : out.zh_hant) = s;
  }
  if (value.size() != 3) return load_error(SchemaError::bad_structure, path, "text has extra members");
  return out;
}

expected<ObjectReader, LoadError> ObjectReader::open(const nlohmann::json& value, std::string path) {
  if (!value.is_object()) return load_error(SchemaError::bad_structure, path, "expected an object");
  return ObjectReader(value, std::move(path));
}

std::string ObjectReader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const nlohmann::json* ObjectReader::member(std::string_view key) {
  known_.emplace(key);
  auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

expected<std::string, LoadError> ObjectReader::string(std::string_view key) {
  auto v = optional_string(key);
  if (!v) return unexpected(v.error());
  if (!*v) return load_error(SchemaError::bad_structure, path_of(key), "missing");
  return **v;
}

expected<std::optional<std::string>, LoadError> ObjectReader::optional_string(std::string_view key) {
  const auto* v = member(key);
  if (!v) return std::optional<std::string>{};
  if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
    return load_error(SchemaError::bad_structure, path_of(key), "expected a non-empty string");
  }
  return std::optional<std::string>{v->get<std::string>()};
}

expected<bool, LoadError> ObjectReader::flag(std::string_view key) {
  const auto* v = member(key);
  if (!v) return false;
  if (!v->is_boolean()) return load_error(SchemaError::bad_structure, path_of(key), "expected a boolean");
  return v->get<bool>();
}

expected<int, LoadError> ObjectReader::version(std::string_view key) {
  const auto* v = member(key);
  if (!v || !v->is_number_unsigned()) return load_error(SchemaError::bad_version, path_of(key));
  auto n = v->get<std::uint64_t>();
  if (n == 0 || n > 1'000'000) return load_error(SchemaError::bad_version, path_of(key));
  return static_cast<int>(n);
}

expected<Text, LoadError> ObjectReader::text(std::string_view key, std::size_t max_bytes) {
  const auto* v = member(key);
  if (!v) return load_error(SchemaError::bad_structure, path_of(key), "missing");
  return read_text(*v, path_of(key), max_bytes);
}

expected<std::optional<Text>, LoadError> ObjectReader::optional_text(std::string_view key,
                                                                      std::size_t max_bytes) {
  const auto* v = member(key);
  if (!v) return std::optional<Text>{};
  auto t = read_text(*v, path_of(key), max_bytes);
  if (!t) return unexpected(t.error());
  return std::optional<Text>{std::move(*t)};
}

expected<const nlohmann::json*, LoadError> ObjectReader::array(std::string_view key, bool non_empty) {
  const auto* v = member(key);
  if (!v || !v->is_array() || (non_empty && v->empty())) {
    return load_error(SchemaError::bad_structure, path_of(key),
                      non_empty ? "expected a non-empty array" : "expected an array");
  }
  return v;
}

expected<void, LoadError> ObjectReader::finish() const {
  for (const auto& [key, value] : object_->items()) {
    if (!known_.contains(key)) {
      return load_error(SchemaError::bad_structure, path_of(key), "unknown member");
    }
  }
  return {};
}

}  // namespace safehold::schema::detail
