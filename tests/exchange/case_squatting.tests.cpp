// Issue 10, case-id squatting (docs/exchange.md "Case ids taken first"): a
// co-recipient who knows a case's id sends the receiver a decoy case under
// that id first. Today's behaviour, pinned: the owner's real bundle is then
// refused as a whole, loudly (content refused: its consent is not from the
// owner of the case held here), nothing of it is stored and nothing of the
// vault changes; deleting the decoy copy lets the real bundle import whole.
#include <catch2/catch_test_macros.hpp>

#include "desk_bundles.hpp"
#include "safehold/core/casework/notified_changes.hpp"
#include "safehold/core/exchange/record_files.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("squatting: a decoy case under the real case id makes the owner's bundle refused loudly, not lost",
          "[exchange][ownership][interop]") {
  TwoDesks w;
  Desk decoy{"Co Recipient"};
  add_verified(w.ngo, decoy, "ngo");
  // The decoy: the real case's id, a harmless title, owned by the co-recipient.
  storage::Record fake = w.the_case;
  fake.fields["title"] = "Nothing to see";
  const std::string decoy_key = decoy.v().identity().info().value().minisign_public_key;
  CaseSet set;
  set.case_ids = {w.the_case.id};
  set.files.push_back({"cases/" + w.the_case.id + "/" + w.the_case.id + ".json",
                       bytes_of(ex::encode_record_file(fake, {decoy_key, {1, bundle::random_uuid4(), {}}, {}}))});
  const auto decoy_file = seal_by(decoy, w.ngo, set, decoy.dir / "decoy.age");
  REQUIRE(ex::import_bundle(w.ngo.v(), decoy_file));
  REQUIRE(w.ngo.v().records().owner(w.the_case.id).value() == decoy_key);

  // The owner's real bundle: refused whole, with a reason; the vault unchanged.
  const auto real = w.caseworker.dir / "real.age";
  w.export_to(real);
  const auto before = snapshot(w.ngo);
  for (const char* command : {"verify", "import"}) {
    INFO(command);
    const auto r = w.ngo.cli({command, real.string()});
    CHECK(r.exit_code == 22);
    CHECK(r.err.find("not from the case owner") != std::string::npos);
  }
  CHECK(snapshot(w.ngo) == before);
  CHECK_FALSE(w.ngo.v().records().get(w.incident.id));

  // The receiver removes the decoy copy (a local delete; nothing travels) and
  // imports the real bundle whole.
  auto removed = core::casework::delete_record(w.ngo.v(), w.the_case.id);
  REQUIRE(removed);
  CHECK(removed->on_copy);
  auto done = ex::import_bundle(w.ngo.v(), real);
  INFO((done ? std::string() : done.error().detail));
  REQUIRE(done);
  CHECK(w.ngo.v().records().get(w.incident.id));
  CHECK(w.ngo.v().records().owner(w.the_case.id).value() ==
        w.caseworker.v().identity().info().value().minisign_public_key);
}
