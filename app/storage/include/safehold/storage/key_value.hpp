#pragma once
// Small key/value stores inside the encrypted database: the desktop app's
// continuous intake drafts (values may hold testimony: they never leave the
// database) and vault settings. Not audited: drafts change on every keystroke
// and are not records until saved.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "safehold/expected.hpp"
#include "safehold/storage/error.hpp"

namespace safehold::storage {
namespace detail { struct VaultState; }

class KeyValueStore {
 public:
  enum class Table { drafts, settings };
  KeyValueStore(detail::VaultState* state, Table table) noexcept : s_(state), table_(table) {}

  // Keys: 1..200 bytes of UTF-8 (invalid_record otherwise). Values: any bytes,
  // up to 16 MiB.
  [[nodiscard]] expected<void, StorageError> put(std::string_view key, std::string_view value);
  [[nodiscard]] expected<std::optional<std::string>, StorageError> get(std::string_view key);
  // Removing a missing key is not an error.
  [[nodiscard]] expected<void, StorageError> remove(std::string_view key);
  // Keys starting with `prefix`, sorted.
  [[nodiscard]] expected<std::vector<std::string>, StorageError> keys(std::string_view prefix = {});

 private:
  detail::VaultState* s_;
  Table table_;
};

}  // namespace safehold::storage
