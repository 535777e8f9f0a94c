#include <catch2/catch_test_macros.hpp>
#include <functional>

#include "bundle_world.hpp"
#include "safehold/core/bundle/paths.hpp"
#include "safehold/base/file_io.hpp"

using namespace safehold::test;
using namespace safehold::core::bundle;
namespace base = safehold::base;

namespace {

void require_same_content(const Opened& o, const CaseSet& set) {
  REQUIRE(o.result);
  CHECK(o.consumer.discards == 0);
  CHECK(o.consumer.begins == 1);
  REQUIRE(o.consumer.staged.size() == set.files.size());
  for (const auto& f : set.files) {
    INFO(f.path);
    REQUIRE(o.consumer.staged.count(f.path) == 1);
    CHECK(o.consumer.staged.at(f.path) == f.bytes);
  }
  // Delivered in the canonical order the manifest lists.
  REQUIRE(o.consumer.order.size() == o.result->manifest.files.size());
  for (std::size_t i = 0; i < o.consumer.order.size(); ++i) {
    CHECK(o.consumer.order[i] == o.result->manifest.files[i].path);
  }
}

}  // namespace

TEST_CASE("bundle round trip: one recipient, multi-MB attachment", "[bundle][roundtrip]") {
  const Party sender, lawyer;
  const CaseSet set = CaseSet::sample(5 << 20);
  const auto sealed = seal(sender, set, recipients_of({&lawyer}));
  const auto opened = open_as(lawyer, sealed, trusting(sender.sign.public_key()));
  require_same_content(*opened, set);
  const Manifest& m = opened->result->manifest;
  CHECK(opened->result->signer == sender.sign.public_key());
  CHECK(m.sender.name == "Caseworker 林");
  CHECK(m.sender.age_recipient == sender.recipient());
  CHECK(m.recipients == recipients_of({&lawyer}));
  auto cases = set.case_ids;
  std::sort(cases.begin(), cases.end());
  CHECK(m.cases == cases);
}

TEST_CASE("bundle round trip: three recipients each open it, nobody else", "[bundle][roundtrip]") {
  const Party sender, a, b, c, outsider;
  const CaseSet set = CaseSet::sample(1 << 20);
  const auto sealed = seal(sender, set, recipients_of({&a, &b, &c}));
  for (const Party* p : {&a, &b, &c}) {
    const auto opened = open_as(*p, sealed, trusting(sender.sign.public_key()));
    require_same_content(*opened, set);
    CHECK(opened->result->manifest.recipients.size() == 3);
  }
  const auto refused = open_as(outsider, sealed, trusting(sender.sign.public_key()));
  REQUIRE_FALSE(refused->result);
  CHECK(refused->result.error().code == BundleError::not_addressed_to_us);
  CHECK(refused->consumer.discards == 1);
  CHECK(refused->consumer.begins == 0);
}

TEST_CASE("bundle payload: byte-identical tar for the same contents", "[bundle][roundtrip]") {
  const Party sender, lawyer;
  const CaseSet set = CaseSet::sample(200000);
  WriteOptions fixed;
  fixed.bundle_id = random_uuid4();
  fixed.created = 1795881600;
  auto tar_for = [&] {
    auto prepared =
        prepare_bundle(sender.sender_keys(), contents_for(set, recipients_of({&lawyer})), fixed);
    REQUIRE(prepared);
    base::VectorSink sink;
    REQUIRE(write_bundle_tar(*prepared, sink));
    return sink.bytes();
  };
  const auto first = tar_for();
  CHECK(first == tar_for());
  // The sealed file's payload is exactly that tar (age adds fresh randomness
  // around it, so the .age bytes themselves differ from run to run).
  const auto sealed1 = seal(sender, set, recipients_of({&lawyer}), fixed);
  const auto sealed2 = seal(sender, set, recipients_of({&lawyer}), fixed);
  CHECK(sealed1 != sealed2);
  CHECK(age_decrypt(sealed1, lawyer) == first);
  CHECK(age_decrypt(sealed2, lawyer) == first);
}

TEST_CASE("bundle writer: progress reaches the total, and cancel stops it", "[bundle][roundtrip]") {
  const Party sender, lawyer;
  const CaseSet set = CaseSet::sample(1 << 20);
  std::uint64_t expected_total = 0;
  for (const auto& f : set.files) expected_total += f.bytes.size();

  std::uint64_t last_done = 0, last_total = 0;
  WriteOptions watch;
  watch.progress = [&](std::uint64_t done, std::uint64_t total) {
    CHECK(done >= last_done);
    last_done = done;
    last_total = total;
    return true;
  };
  const auto sealed = seal(sender, set, recipients_of({&lawyer}), watch);
  CHECK(last_total == expected_total);
  CHECK(last_done == expected_total);

  // The reader reports the same way, and can be cancelled mid-way.
  last_done = 0;
  base::SpanSource src(sealed);
  BundleReader reader(lawyer.age, {trusting(sender.sign.public_key()), watch.progress});
  REQUIRE(reader.verify(src));
  CHECK(last_done == expected_total);

  StagingConsumer staging;
  base::SpanSource again(sealed);
  BundleReader cancelling(lawyer.age,
                          {trusting(sender.sign.public_key()),
                           [](std::uint64_t done, std::uint64_t) { return done < 100000; }});
  const auto r = cancelling.open(again, staging);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == BundleError::cancelled);
  CHECK(staging.discards == 1);

  base::VectorSink sink;
  WriteOptions cancel;
  cancel.progress = [](std::uint64_t done, std::uint64_t) { return done < 100000; };
  BundleWriter writer(sender.sender_keys(), contents_for(set, recipients_of({&lawyer})), cancel);
  const auto w = writer.write(sink);
  REQUIRE_FALSE(w);
  CHECK(w.error().code == BundleError::cancelled);
}

TEST_CASE("bundle writer: a file that changed since intake stops the export, nothing is published",
          "[bundle][roundtrip]") {
  const Party sender, lawyer;
  const std::vector<std::pair<const char*, std::function<void(std::vector<std::uint8_t>&)>>>
      changes = {{"one byte differs", [](auto& b) { b[123456] ^= 1; }},
                 {"the file grew", [](auto& b) { b.push_back(0); }},
                 {"the file shrank", [](auto& b) { b.pop_back(); }}};
  for (const auto& [name, change] : changes) {
    INFO(name);
    CaseSet set = CaseSet::sample(300000);
    auto contents = contents_for(set, recipients_of({&lawyer}));  // records the hashes
    StoredFile* big = nullptr;
    for (auto& f : set.files) {
      if (f.bytes.size() == 300000) big = &f;
    }
    REQUIRE(big != nullptr);
    change(big->bytes);  // then the stored file changes
    TempDir dir;
    {
      auto out = base::AtomicFileWriter::create(dir / "case.age");
      REQUIRE(out);
      BundleWriter writer(sender.sender_keys(), std::move(contents));
      const auto r = writer.write(*out);
      REQUIRE_FALSE(r);
      CHECK(r.error().code == BundleError::source_mismatch);
      CHECK(r.error().detail == big->path);
    }  // not committed: the temporary is removed
    CHECK(std::filesystem::is_empty(dir.path()));
  }
}

TEST_CASE("bundle writer: contents that break the spec are refused up front",
          "[bundle][roundtrip]") {
  const Party sender, lawyer;
  const CaseSet set = CaseSet::sample(1000);
  auto attempt = [&](BundleContents c, SenderKeys keys) {
    base::CountingSink sink;
    BundleWriter writer(std::move(keys), std::move(c));
    const auto r = writer.write(sink);
    REQUIRE_FALSE(r);
    CHECK(sink.count() == 0);  // nothing written at all
    return r.error().code;
  };
  auto c = contents_for(set, recipients_of({&lawyer, &lawyer}));
  CHECK(attempt(c, sender.sender_keys()) == BundleError::invalid_input);  // duplicate recipient
  c = contents_for(set, {"age1notakey"});
  CHECK(attempt(c, sender.sender_keys()) == BundleError::invalid_input);
  c = contents_for(set, {});
  CHECK(attempt(c, sender.sender_keys()) == BundleError::invalid_input);
  c = contents_for(set, recipients_of({&lawyer}));
  c.files[0].path = "../../etc/passwd";
  CHECK(attempt(c, sender.sender_keys()) == BundleError::invalid_input);
  c = contents_for(set, recipients_of({&lawyer}));
  c.case_ids.pop_back();  // files of that case remain
  CHECK(attempt(c, sender.sender_keys()) == BundleError::invalid_input);
  c = contents_for(set, recipients_of({&lawyer}));
  c.files.push_back(c.files.front());
  CHECK(attempt(c, sender.sender_keys()) == BundleError::invalid_input);
  c = contents_for(set, recipients_of({&lawyer}));
  c.files[0].size = 17ull << 20;  // a record over 16 MiB
  CHECK(attempt(c, sender.sender_keys()) == BundleError::too_large);
  c = contents_for(set, recipients_of({&lawyer}));
  CHECK(attempt(c, sender.sender_keys("bad\nname")) == BundleError::invalid_input);
}
