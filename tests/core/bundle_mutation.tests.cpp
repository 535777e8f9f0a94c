// Flips one byte at many offsets across a whole sealed bundle, and cuts it at
// many lengths: every variant must be refused, with the consumer told to
// discard whatever it staged.
#include <catch2/catch_test_macros.hpp>
#include <map>

#include "bundle_world.hpp"

using namespace safehold::test;
using namespace safehold::core::bundle;

namespace {

struct Tally {
  std::map<BundleError, int> kinds;
  int accepted = 0, bad_discard = 0, kept_staged = 0;

  void record(const Opened& o) {
    if (o.result) {
      ++accepted;
      return;
    }
    ++kinds[o.result.error().code];
    if (o.consumer.discards != 1) ++bad_discard;
    if (!o.consumer.staged.empty()) ++kept_staged;
  }
  std::string summary() const {
    std::string s;
    for (const auto& [k, n] : kinds)
      s += std::string(describe(k)) + ": " + std::to_string(n) + "\n";
    return s;
  }
};

}  // namespace

TEST_CASE("mutation: every flipped byte and every cut is refused and discarded",
          "[bundle][mutation]") {
  const Party sender, lawyer, other;
  const CaseSet set = CaseSet::sample(140000);
  // Two recipients, so the header also holds a stanza that is not ours.
  const auto sealed = seal(sender, set, recipients_of({&lawyer, &other}));
  const auto trust = trusting(sender.sign.public_key());
  REQUIRE(sealed.size() > 3 * 65536);
  REQUIRE(open_as(lawyer, sealed, trust)->result);  // the intact file opens

  Tally flips;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < 600; ++i) offsets.push_back(i);  // the whole age header and more
  for (std::size_t i = 600; i < sealed.size(); i += 131) offsets.push_back(i);
  offsets.push_back(sealed.size() - 1);
  auto mutated = sealed;
  for (const std::size_t at : offsets) {
    mutated[at] ^= 0x20;
    flips.record(*open_as(lawyer, mutated, trust));
    mutated[at] ^= 0x20;
  }
  INFO("flips at " << offsets.size() << " offsets:\n" << flips.summary());
  CHECK(flips.accepted == 0);
  CHECK(flips.bad_discard == 0);
  CHECK(flips.kept_staged == 0);

  Tally cuts;
  std::vector<std::size_t> lengths;
  for (std::size_t n = 0; n < sealed.size(); n += 211) lengths.push_back(n);
  // Around every chunk boundary, where a cut looks most like a complete file.
  for (std::size_t at = payload_offset(sealed); at < sealed.size(); at += kAgeChunk) {
    for (const std::size_t n : {at - 1, at, at + 1}) lengths.push_back(n);
  }
  lengths.push_back(sealed.size() - 1);
  for (const std::size_t n : lengths) {
    if (n >= sealed.size()) continue;
    cuts.record(*open_as(lawyer, std::span(sealed).first(n), trust));
  }
  INFO("cuts at " << lengths.size() << " lengths:\n" << cuts.summary());
  CHECK(cuts.accepted == 0);
  CHECK(cuts.bad_discard == 0);
  CHECK(cuts.kept_staged == 0);
  // Show the distribution once, for the record.
  WARN("flips:\n" << flips.summary() << "cuts:\n" << cuts.summary());
}
