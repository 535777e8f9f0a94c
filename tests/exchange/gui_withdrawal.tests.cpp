// Issue 10: the GUI issues notices too. Its case view saves a record edit
// through core::casework::save_record_edit, so filling in the withdrawal of
// the own case's consent there issues the withdrawal notice to the case's
// earlier recipients in the same batch, as `consent withdraw` does. Drives
// the GUI's model (no window) on two real vaults.
#include <catch2/catch_test_macros.hpp>

#include "desk_bundles.hpp"
#include "safehold/appmodel/case_view_model.hpp"

using namespace safehold;
using namespace safehold::test;

TEST_CASE("GUI model: a consent withdrawal saved in the case view issues the notice to earlier recipients",
          "[exchange][notices][gui]") {
  TwoDesks w;
  const auto first = w.caseworker.dir / "first.age";
  w.export_to(first);
  import_into(w.ngo, first);

  auto& vault = w.caseworker.v();
  appmodel::Session session(vault);
  appmodel::CaseViewModel m(session);
  REQUIRE(m.load(w.the_case.id));
  REQUIRE(m.of("consent").size() == 1);
  m.begin_edit(m.of("consent")[0]);
  m.edit_fields()["withdrawal"] = {{"at", "2026-12-01T09:00:00Z"}, {"extent", "all"}};
  INFO(m.error_detail());
  REQUIRE(m.save_edit());

  CHECK(vault.consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
  const auto issued = vault.notices().issued(w.the_case.id).value();
  REQUIRE(issued.size() == 1);
  CHECK(issued[0].notice.kind == "withdrawal");
  CHECK(issued[0].notice.withdrawn_at == "2026-12-01T09:00:00Z");
  REQUIRE(issued[0].deliveries.size() == 1);
  CHECK(issued[0].deliveries[0].contact_id == w.ngo_at_caseworker);

  // The notice reaches the NGO with the next (notices-only) bundle.
  const auto file = w.caseworker.dir / "notice.age";
  ex::ExportRequest req{{w.the_case.id}, {w.ngo_at_caseworker}, false, true};
  REQUIRE(ex::export_bundle(vault, req, file));
  const auto done = import_into(w.ngo, file);
  REQUIRE(done.report.notices.size() == 1);
  CHECK(done.report.notices[0].outcome == "applied");
  CHECK(w.ngo.v().consent().state(w.the_case.id).value() == storage::ConsentState::withdrawn);
}
