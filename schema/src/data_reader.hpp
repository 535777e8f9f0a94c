#pragma once
// Internal: strict reading of the data files' JSON objects. Every member of an
// object must be claimed by the reader, so a misspelt or unknown member is an
// error instead of being ignored.
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "safehold/expected.hpp"
#include "safehold/schema/error.hpp"
#include "safehold/schema/text.hpp"

namespace safehold::schema::detail {

inline constexpr std::size_t kMaxLabelBytes = 512;
inline constexpr std::size_t kMaxDefinitionBytes = 4096;

unexpected<LoadError> load_error(SchemaError code, std::string path, std::string detail = {});

// Lowercase ASCII snake_case: [a-z][a-z0-9]*(_[a-z0-9]+)*, at most 48 bytes.
bool is_snake_case(std::string_view s) noexcept;

// A text in all three languages; each non-empty, single-line, unpadded, at
// most `max_bytes`.
expected<Text, LoadError> read_text(const nlohmann::json& value, const std::string& path,
                                    std::size_t max_bytes);

class ObjectReader {
 public:
  [[nodiscard]] static expected<ObjectReader, LoadError> open(const nlohmann::json& value,
                                                              std::string path);

  std::string path_of(std::string_view key) const;
  // The member, or nullptr when absent; either way the key counts as known.
  const nlohmann::json* member(std::string_view key);

  expected<std::string, LoadError> string(std::string_view key);  // required, non-empty
  expected<std::optional<std::string>, LoadError> optional_string(std::string_view key);
  expected<bool, LoadError> flag(std::string_view key);  // absent = false
  expected<int, LoadError> version(std::string_view key);
  expected<Text, LoadError> text(std::string_view key, std::size_t max_bytes);
  expected<std::optional<Text>, LoadError> optional_text(std::string_view key, std::size_t max_bytes);
  // A required array (non-empty when `non_empty`).
  expected<const nlohmann::json*, LoadError> array(std::string_view key, bool non_empty);

  // Fails on the first member no call above asked for.
  expected<void, LoadError> finish() const;

 private:
  ObjectReader(const nlohmann::json& object, std::string path)
      : object_(&object), path_(std::move(path)) {}
  const nlohmann::json* object_;
  std::string path_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace safehold::schema::detail
