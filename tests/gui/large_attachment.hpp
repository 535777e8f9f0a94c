#pragma once
// Demo cases plus one large video attachment on the first case: makes a
// backup or a restore long enough for the Cancel tests to press Cancel.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "safehold/appmodel/demo_data.hpp"
#include "safehold/base/byte_io.hpp"
#include "safehold/storage/vault.hpp"

namespace safehold::test {

// `size` bytes of zeros, streamed (no 100 MiB buffer in the test).
class Zeros final : public base::ByteSource {
 public:
  explicit Zeros(std::uint64_t size) : left_(size) {}
  expected<std::size_t, base::IoError> read(std::span<std::uint8_t> out) override {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left_, out.size()));
    std::fill_n(out.begin(), n, std::uint8_t{0});
    left_ -= n;
    return n;
  }

 private:
  std::uint64_t left_;
};

inline void seed_with_large_attachment(storage::Vault& v, std::size_t cases, std::uint64_t attachment_bytes) {
  REQUIRE(appmodel::seed_demo_cases(v, appmodel::DemoOptions{.cases = cases}));
  auto listed = v.cases().list(storage::CaseQuery{});
  REQUIRE(listed);
  REQUIRE_FALSE(listed->empty());
  const nlohmann::json fields{{"kind", "video"},
                              {"acquisition", "interviewee_screenshot"},
                              {"acquired_at", "2026-11-02T10:15:00Z"},
                              {"acquired_by", "A. Caseworker"},
                              {"media_type", "video/mp4"},
                              {"description", "interview recording"}};
  auto ev = v.records().create("evidence_item", listed->front().case_id, fields);
  REQUIRE(ev);
  Zeros zeros(attachment_bytes);
  REQUIRE(v.attachments().import(ev->id, zeros, attachment_bytes));
}

}  // namespace safehold::test
