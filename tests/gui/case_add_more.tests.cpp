// Adding from the case view what the first add-forms lacked: an evidence item
// described only (no file), an intervention, and a custody note a caseworker
// records on an evidence item. Driven headless through the real UI against a
// real SQLCipher vault seeded with the demo cases.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <string>

#include "seeded_case.hpp"

using namespace safehold;
using test::find_record;
using test::SeededCase;

namespace {

// Opens the collapsed header of record `id` in the current tab until `probe`
// (drawn only inside it) shows.
void expand_until(test::HeadlessUi& ui, const std::string& id, const std::string& probe) {
  if (!ui.Has(probe)) ui.Click("case.record." + id);
  REQUIRE(ui.Has(probe));
}

}  // namespace

TEST_CASE("Case view: evidence described only, an intervention and a custody note are stored as typed",
          "[gui][headless][case_add]") {
  SeededCase s;
  auto& ui = s.ui;

  // Evidence without a file: no file browser, no attachment.
  ui.Click("case.tab.evidence");
  ui.Click("case.add.evidence_nofile");
  REQUIRE(s.add().open());
  CHECK(s.add().entity() == "evidence_item");
  CHECK(s.add().file().empty());
  CHECK_FALSE(ui.Has("files.choose"));
  ui.Click("case.add.evidence_item.description");
  ui.Type("Police summons, kept by the mother; photographed only on her phone");
  const std::string evidence_id = s.save("evidence_item");
  CHECK(s.in_history(evidence_id));
  expand_until(ui, evidence_id, "case.custody.add." + evidence_id);
  CHECK_FALSE(s.f.app.case_view.attachment_for(evidence_id).has_value());

  // A custody note on it: the original went to the family's lawyer.
  ui.Click("case.custody.add." + evidence_id);
  REQUIRE(s.add().open());
  CHECK(s.add().custody_of() == evidence_id);
  CHECK_FALSE(ui.Has("case.add.custody_event.evidence"));  // fixed: the item it was opened under
  ui.Click("case.add.custody_event.action");
  ui.Click("case.add.custody_event.action.disclosed");
  ui.Click("case.add.custody_event.actor");
  ui.Type("Caseworker B");
  ui.Click("case.add.custody_event.note");
  ui.Type("Copy shown to the family's lawyer");
  ui.Click("case.add.custody_event.hash_verified.no");
  const std::string custody_id = s.save("custody_event");
  CHECK(s.in_history(custody_id));
  CHECK(ui.Has("case.custody.disclosed"));  // in the item's custody history at once

  // An intervention, on its own tab; the overview counts it as open.
  const auto open_before = s.f.app.case_view.overview().open_interventions;
  ui.Click("case.tab.interventions");
  ui.Click("case.add.intervention");
  ui.Click("case.add.intervention.type");
  ui.Click("case.add.intervention.type.un_special_procedures");
  ui.Click("case.add.intervention.date");
  ui.Type("2026-11");
  ui.Click("case.add.intervention.party");
  ui.Type("UN Working Group on Enforced Disappearances");
  ui.Click("case.add.intervention.response.na");
  ui.Click("case.add.intervention.response.na.unknown");
  ui.Click("case.add.intervention.status");
  ui.Click("case.add.intervention.status.submitted");
  const std::string intervention_id = s.save("intervention");
  CHECK(s.in_history(intervention_id));
  CHECK(s.f.app.case_view.overview().open_interventions == open_before + 1);

  // The real vault, reopened.
  auto v = s.lock_and_reopen();
  auto rs = v.records().list(s.case_id);
  REQUIRE(rs);
  const auto* evidence = find_record(*rs, evidence_id);
  REQUIRE(evidence != nullptr);
  CHECK(evidence->fields["description"] == "Police summons, kept by the mother; photographed only on her phone");
  CHECK_FALSE(evidence->fields.contains("media_type"));
  auto a = v.attachments().for_evidence(evidence_id);
  REQUIRE(a);
  CHECK_FALSE(a->has_value());
  const auto* custody = find_record(*rs, custody_id);
  REQUIRE(custody != nullptr);
  CHECK(custody->entity == "custody_event");
  CHECK(custody->fields["evidence"] == evidence_id);
  CHECK(custody->fields["action"] == "disclosed");
  CHECK(custody->fields["actor"] == "Caseworker B");
  CHECK(custody->fields["note"] == "Copy shown to the family's lawyer");
  CHECK(custody->fields["hash_verified"] == false);
  CHECK(custody->fields["at"].is_string());
  const auto* intervention = find_record(*rs, intervention_id);
  REQUIRE(intervention != nullptr);
  CHECK(intervention->fields["type"] == "un_special_procedures");
  CHECK(intervention->fields["date"]["value"] == "2026-11");
  CHECK(intervention->fields["party"] == "UN Working Group on Enforced Disappearances");
  CHECK(intervention->fields["response"] == appmodel::Json{{"not_answered", "unknown"}});
  CHECK(intervention->fields["status"] == "submitted");
  auto audit = v.audit().verify();
  REQUIRE(audit);
  CHECK(audit->intact);
}

TEST_CASE("Case view: one add-form at a time; a custody form is for its own evidence item only",
          "[gui][headless][case_add]") {
  SeededCase s;
  auto& ui = s.ui;
  ui.Click("case.tab.evidence");
  ui.Click("case.add.evidence_nofile");
  ui.Click("case.add.evidence_item.description");
  ui.Type("Letter kept by the cousin");
  const std::string first = s.save("evidence_item");
  expand_until(ui, first, "case.custody.add." + first);
  ui.Click("case.custody.add." + first);
  REQUIRE(s.add().custody_of() == first);
  // While it is open, the evidence buttons are disabled.
  CHECK_FALSE(ui.Enabled("case.add.evidence_nofile"));
  CHECK_FALSE(ui.Enabled("case.add.evidence_item"));
  // Only steps a person takes are offered: the vault and the exchange write
  // the others.
  ui.Click("case.add.custody_event.action");
  CHECK(ui.Has("case.add.custody_event.action.returned"));
  for (const char* automatic : {"hashed", "copied", "transferred", "received"}) {
    CHECK_FALSE(ui.Has("case.add.custody_event.action." + std::string(automatic)));
  }
  ui.Click("case.add.custody_event.action.returned");
  CHECK(s.add().fields()["action"] == "returned");
  // Cancel: nothing stored, the buttons come back.
  const auto custody_before = s.f.app.case_view.of("custody_event").size();
  ui.Click("case.add.cancel");
  CHECK_FALSE(s.add().open());
  CHECK(s.add().custody_of().empty());
  CHECK(s.f.app.case_view.of("custody_event").size() == custody_before);
  ui.Frame();  // the buttons above the form were drawn before Cancel took effect
  // The evidence tab stays in front (closing a form while the tabs are drawn
  // once selected History).
  REQUIRE(ui.Has("case.add.evidence_nofile"));
  CHECK(ui.Enabled("case.add.evidence_nofile"));
  CHECK(ui.Enabled("case.add.evidence_item"));
  CHECK(ui.Has("case.custody.add." + first));
}
