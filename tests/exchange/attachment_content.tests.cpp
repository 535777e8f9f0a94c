// Issue 10: other attachment content for an evidence item that a bundle
// updates (or copies unchanged) no longer refuses the whole bundle (exit 21).
// An attachment follows its record (schema/bundle-v1.md 12.3): new content
// only for an evidence item that has none, the same content skipped, other
// content a conflict set aside with its record, the bytes not kept. (A copy
// holder's stripped copy with other bytes: ownership.tests.cpp.)
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "exchange_world.hpp"
#include "safehold/core/exchange/record_files.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

namespace fs = std::filesystem;

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("attachments: the owner's update of an evidence item with other content is set aside, the rest imports",
          "[exchange][revisions][regression]") {
  TwoDesks w;
  const auto first = w.caseworker.dir / "first.age";
  w.export_to(first);
  REQUIRE(ex::import_bundle(w.ngo.v(), first));
  const auto held = w.ngo.v().attachments().for_evidence(w.evidence.id).value();
  REQUIRE(held);

  // The caseworker destroys the content and puts other bytes in the same
  // evidence item (a new revision with the new size and SHA-256), and adds a note.
  auto& cw = w.caseworker.v();
  const auto old = cw.attachments().for_evidence(w.evidence.id).value();
  REQUIRE(old);
  REQUIRE(cw.attachments().remove(old->id));
  const auto other = pseudo_random_bytes(2048, 9);
  base::SpanSource src(other);
  REQUIRE(cw.attachments().import(w.evidence.id, src, other.size()));
  const auto note = w.add("intervention", w.the_case.id, intervention_fields());
  const auto second = w.caseworker.dir / "second.age";
  w.export_to(second);

  // Before: the whole bundle was refused (record conflict, exit 21) and the note never arrived.
  const auto evidence_before = w.ngo.v().records().get(w.evidence.id).value().to_json();
  auto verified = ex::verify_bundle(w.ngo.v(), second);
  INFO((verified ? std::string() : verified.error().detail));
  REQUIRE(verified);
  auto done = ex::import_bundle(w.ngo.v(), second);
  INFO((done ? std::string() : done.error().detail));
  REQUIRE(done);
  const auto& c = done->report.cases.at(0);
  CHECK(listed(c.conflicts, w.evidence.id));
  CHECK(listed(c.created, note.id));
  CHECK(w.ngo.v().records().get(note.id));
  // Ours stays as it was: the record and the bytes; theirs waits to be settled.
  CHECK(w.ngo.v().records().get(w.evidence.id).value().to_json() == evidence_before);
  const auto after = w.ngo.v().attachments().for_evidence(w.evidence.id).value();
  REQUIRE(after);
  CHECK(after->sha256 == held->sha256);
  const auto conflicts = w.ngo.v().bundles().conflicts(w.the_case.id).value();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].record_id == w.evidence.id);
}
