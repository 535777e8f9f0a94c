#pragma once
// Notice files of a bundle (schema/bundle-v1.md 12.4): `notices/<id>.json`,
// a case owner's signed withdrawal or deletion notice, in the one encoding
// of section 11.1 (sorted members, two-space indent, final LF).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "safehold/core/exchange/exchange_error.hpp"
#include "safehold/storage/notices.hpp"

namespace safehold::core::exchange {

// Precondition: `notice` is complete (owner_key set: the case owner's key line).
std::string encode_notice_file(const storage::Notice& notice);

// Strict: strict JSON (UTF-8, no duplicate keys), exactly the members of
// 12.4 for its kind, each valid (uuid4 ids, UTC times, vocabulary codes,
// sorted unique lists within their limits), the id equal to the file name,
// and the canonical encoding. Failure: content_refused naming the rule, never
// a value. The case and owner are checked against the manifest by the caller.
[[nodiscard]] ExchangeResult<storage::Notice> parse_notice_file(std::string_view path,
                                                                std::span<const std::uint8_t> bytes);

inline constexpr std::size_t kMaxNoticeRecords = 10000;

}  // namespace safehold::core::exchange
