// Mutation over a whole real bundle: one byte flipped at offsets spread over
// the entire file (age header, every payload chunk, the last byte) and cuts
// at many lengths. Every variant must be refused by import, and the NGO's
// vault must be exactly as before each time; the unaltered bundle then
// imports.
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

// `count` offsets in [0, size): the first `dense` bytes (the age header) one
// by one, the rest evenly spread with a random jitter, and the last byte.
std::vector<std::size_t> offsets(std::size_t size, std::size_t dense, std::size_t count, std::uint32_t seed) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < dense && i < size; i += 3) out.push_back(i);
  std::mt19937 rng(seed);
  const std::size_t step = (size - dense) / count;
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(dense + i * step + std::uniform_int_distribution<std::size_t>(0, step - 1)(rng));
  }
  out.push_back(size - 1);
  return out;
}

}  // namespace

TEST_CASE("mutation: every flipped byte and every cut of a real bundle is refused, the vault unchanged",
          "[exchange][mutation]") {
  TwoDesks w;
  const auto file = w.caseworker.dir / "case.age";
  w.export_to(file);
  const auto sealed = read_file(file);
  const std::size_t header = payload_offset(sealed);
  REQUIRE(sealed.size() > header + 2 * kAgeChunk);  // several chunks
  const auto before = snapshot(w.ngo);
  std::size_t tried = 0;

  auto expect_refused = [&](std::span<const std::uint8_t> bytes, const std::string& what) {
    base::SpanSource src(bytes);
    const auto r = ex::import_bundle_from(w.ngo.v(), src);
    ++tried;
    if (tried % 25 == 0) REQUIRE(snapshot(w.ngo) == before);
    if (r) FAIL(what << " was accepted");
    if (r.error().code != ex::ExchangeError::bundle_refused) FAIL(what << ": " << r.error().describe());
  };

  for (const std::size_t at : offsets(sealed.size(), header, 100, 1)) {
    auto changed = sealed;
    changed[at] ^= static_cast<std::uint8_t>(1u << (at % 8));
    expect_refused(changed, "byte " + std::to_string(at) + " flipped");
  }
  std::vector<std::size_t> cuts = {0, 1, header - 1, header, header + 1};
  for (std::size_t k = 1; k * kAgeChunk + header < sealed.size(); ++k) {
    for (const std::size_t d : {std::size_t{0}, std::size_t{1}, std::size_t{16}}) cuts.push_back(header + k * kAgeChunk - d);
  }
  for (const std::size_t at : offsets(sealed.size(), 0, 50, 2)) cuts.push_back(at);
  for (const std::size_t n : cuts) {
    expect_refused(std::span(sealed).first(n), "cut at " + std::to_string(n));
  }
  // Bytes added after the end.
  auto longer = sealed;
  longer.push_back(0);
  expect_refused(longer, "one byte appended");

  CHECK(tried >= 200);
  CHECK(snapshot(w.ngo) == before);
  CHECK(w.ngo.v().check_integrity().value().ok());
  const auto done = ex::import_bundle(w.ngo.v(), file);
  REQUIRE(done);
  CHECK_FALSE(done->already_imported);
  CHECK(done->attachments == 2);
}
