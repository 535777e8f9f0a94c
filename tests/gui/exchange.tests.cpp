// Contacts, export and import driven through the real UI: two real vaults,
// real card and bundle files, the in-app file browser.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdlib>

#include "headless_ui.hpp"
#include "home_at.hpp"
#include "safehold/appmodel/demo_data.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "vault_fixture.hpp"

using namespace safehold;
namespace ex = core::exchange;

namespace {

std::size_t audit_count(storage::Vault& v, const std::string& action) {
  auto page = v.audit().page(0, 5000);
  REQUIRE(page);
  return static_cast<std::size_t>(
      std::count_if(page->begin(), page->end(), [&](const storage::AuditEntry& e) { return e.action == action; }));
}

constexpr const char* kClinic = "Harbour Legal Clinic";

}  // namespace

TEST_CASE("Exchange through the UI: card, verify, export with a consent problem resolved, import elsewhere",
          "[gui][headless][exchange]") {
  test::TempDir home;
  test::HomeAt at(home.path());
  test::VaultFixture a;  // the caseworker's vault, driven through the UI
  test::VaultFixture b;  // the clinic's vault, imports at the end
  std::string case_id, reference, evidence_id;
  {
    auto va = a.open();
    REQUIRE(appmodel::seed_demo_cases(va, {.cases = 1, .rich = false}));
    auto rows = va.cases().list({});
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    case_id = rows->front().case_id;
    reference = rows->front().reference;
    // One evidence item with its file, so custody travels with the bundle.
    auto ev = va.records().create("evidence_item", case_id,
                                  {{"kind", "screenshot"}, {"acquisition", "interviewee_screenshot"},
                                   {"acquired_at", "2026-11-02T10:15:00Z"}, {"media_type", "image/png"},
                                   {"description", "fictional screenshot"}});
    REQUIRE(ev);
    evidence_id = ev->id;
    const auto bytes = test::pseudo_random_bytes(70'000, 3);
    base::SpanSource src(bytes);
    REQUIRE(va.attachments().import(ev->id, src, bytes.size()));
    auto vb = b.open();
    REQUIRE(vb.set_owner_name(kClinic));
    auto own = ex::own_identity(vb);
    REQUIRE(own);
    test::write_file(home / "clinic.card", test::as_bytes(own->card));
  }

  std::string contact_id;
  {
    test::HeadlessUi ui(a.app);
    a.unlock(ui);

    // The own card: fingerprint, QR code, saved to a file for the clinic.
    ui.Click("nav.contacts");
    REQUIRE(ui.Has("contacts.own.fingerprint"));
    REQUIRE(ui.Has("contacts.own.qr"));
    const auto& own = a.app.contacts.own();
    REQUIRE(own);
    CHECK(own->fingerprint.size() == 35);
    CHECK(a.app.contacts.own_qr().size >= 21);
    ui.Click("contacts.own.save");
    ui.Click("files.choose");  // the browser opened at HOME: save there
    REQUIRE(std::filesystem::exists(home / "safehold-contact-card.txt"));

    // Add the clinic from its card: previewed with its fingerprint first.
    ui.Click("contacts.add");
    ui.Click("files.row.clinic.card");
    ui.Click("files.choose");
    REQUIRE(a.app.contacts.preview());
    CHECK(a.app.contacts.preview()->card.name == kClinic);
    REQUIRE(ui.Has("contacts.preview.fingerprint"));
    ui.Click("contacts.kind");
    ui.Click("contacts.kind.host_authority");
    ui.Click("contacts.add.confirm");
    REQUIRE(a.app.contacts.contacts().size() == 1);
    const auto added = a.app.contacts.contacts().front();
    contact_id = added.id;
    CHECK(added.display_name == kClinic);
    CHECK(added.kind == "host_authority");
    CHECK_FALSE(added.verified);

    // Export before verifying: the check lists the problems, nothing written.
    // "Send this case…" in the case view opens the export with the case chosen.
    a.app.open_case(case_id);
    ui.Click("case.send");
    REQUIRE(a.app.screen() == appmodel::Screen::exchange);
    REQUIRE(a.app.exporter.cases().size() == 1);
    CHECK(a.app.exporter.cases()[0].reference == reference);
    REQUIRE(ui.Has("export.find_case"));  // the "send" tab is the one showing
    ui.Click("export.to." + std::string(kClinic));
    ui.Frames(2);
    REQUIRE(a.app.exporter.plan());
    REQUIRE(ui.Has("export.problems"));
    CHECK_FALSE(ui.Enabled("export.seal"));
    {
      const auto& problems = a.app.exporter.plan()->problems;
      REQUIRE(problems.size() == 2);  // not verified; consent has no "host authorities" yes
      CHECK(problems[0].case_id.empty());
      CHECK(problems[1].scope == "share_host_authorities");
    }
    // Identifying details: consent says no, so the choice is not offered.
    CHECK_FALSE(ui.Enabled("export.identifying"));

    // Verify the contact: compare the fingerprint, say how, record it.
    ui.Click("nav.contacts");
    ui.Click("contacts.verify." + std::string(kClinic));
    REQUIRE(ui.Has("contacts.verify.fingerprint"));
    ui.Click("contacts.verify.method.call");
    ui.Click("contacts.verify.match");
    REQUIRE(a.app.contacts.contacts().front().verified);
    CHECK(a.app.contacts.contacts().front().verification_method == "call");

    // One problem left: the consent. The caseworker records the person's
    // yes to sharing with host authorities in the case's consent.
    ui.Click("nav.exchange");
    REQUIRE(a.app.exporter.plan());
    REQUIRE(a.app.exporter.plan()->problems.size() == 1);
    CHECK(a.app.exporter.plan()->problems[0].scope == "share_host_authorities");
    a.app.open_case(case_id);
    ui.Click("case.tab.consent");
    ui.Click("case.edit.consent");
    ui.Click("case.form.consent.scopes.share_host_authorities.yes");
    ui.Click("case.save.consent");
    REQUIRE(a.app.case_view.error_key() == nullptr);

    ui.Click("nav.exchange");
    REQUIRE(a.app.exporter.plan());
    CHECK(a.app.exporter.plan()->ok());
    REQUIRE(ui.Has("export.check.ok"));
    REQUIRE(ui.Enabled("export.seal"));
    ui.Click("export.seal");
    ui.Click("files.choose");  // HOME
    REQUIRE(ui.FramesUntil([&] { return !a.app.exporter.running(); }));
    ui.Frames(2);
    if (a.app.exporter.error_key() != nullptr) FAIL(a.app.exporter.error_detail());
    REQUIRE(a.app.exporter.result());
    REQUIRE(ui.Has("export.done"));
    CHECK(a.app.exporter.written().parent_path() == std::filesystem::weakly_canonical(home.path()));
    // The evidence tab shows the transfer in the item's chain of custody.
    a.app.open_case(case_id);
    ui.Click("case.tab.evidence");
    REQUIRE(ui.Has("case.custody.hashed"));
    REQUIRE(ui.Has("case.custody.transferred"));
    ui.Click("nav.lock");
  }
  std::filesystem::path bundle;
  for (const auto& e : std::filesystem::directory_iterator(home.path())) {
    if (e.path().extension() == ".age") bundle = e.path();
  }
  REQUIRE_FALSE(bundle.empty());
  {
    auto va = a.open();
    CHECK(audit_count(va, "bundle_exported") == 1);
  }

  // The clinic opens the bundle: verified first, the signer unknown until
  // added from the caseworker's card, then accepted explicitly while not
  // yet verified, then imported.
  {
    test::HeadlessUi ui(b.app);
    b.unlock(ui);
    ui.Click("nav.exchange");
    ui.Click("exchange.tab.receive");
    ui.Click("import.choose");
    ui.Click("files.row." + bundle.filename().string());
    ui.Click("files.choose");
    REQUIRE(ui.FramesUntil([&] { return !b.app.importer.busy(); }));
    ui.Frames(2);
    using Stage = appmodel::ImportModel::Stage;
    REQUIRE(b.app.importer.stage() == Stage::failed);
    REQUIRE(b.app.importer.signer() != nullptr);
    CHECK(std::string(b.app.importer.error_key()) == "bundle.error.unknown_signer");
    REQUIRE(ui.Has("import.signer.fingerprint"));

    ui.Click("import.signer.add");
    ui.Click("files.row.safehold-contact-card.txt");
    ui.Click("files.choose");
    REQUIRE(b.app.contacts.preview());
    CHECK(b.app.contacts.preview()->fingerprint == b.app.importer.signer()->fingerprint);
    ui.Click("contacts.kind");
    ui.Click("contacts.kind.ngo");
    ui.Click("contacts.add.confirm");
    REQUIRE(ui.FramesUntil([&] { return !b.app.importer.busy(); }));
    ui.Frames(2);
    REQUIRE(b.app.importer.stage() == Stage::failed);
    CHECK(std::string(b.app.importer.error_key()) == "bundle.error.unverified_signer");
    REQUIRE(ui.Has("import.allow_unverified"));
    CHECK_FALSE(ui.Enabled("import.verify_again"));
    ui.Click("import.allow_unverified");
    ui.Click("import.verify_again");
    REQUIRE(ui.FramesUntil([&] { return !b.app.importer.busy(); }));
    ui.Frames(2);
    REQUIRE(b.app.importer.stage() == Stage::verified);
    const auto& report = *b.app.importer.report();
    CHECK(report.unverified_sender);
    REQUIRE(report.cases.size() == 1);
    CHECK(report.cases[0].reference == reference);
    REQUIRE(ui.Has("import.report.cases"));
    // The trust summary (issue 11): not verified, sealed for this vault
    // only, and what the import will create (from the rolled-back run).
    const auto* summary = b.app.importer.summary();
    REQUIRE(summary != nullptr);
    CHECK(summary->verified_at.empty());
    CHECK(summary->others.empty());
    CHECK(summary->created == report.cases[0].records);
    CHECK(summary->updated == 0);
    CHECK(summary->conflicts == 0);
    CHECK(ui.Has("import.summary.others"));
    CHECK(ui.Has("import.summary.changes"));

    ui.Click("import.go");
    REQUIRE(ui.FramesUntil([&] { return !b.app.importer.busy(); }));
    ui.Frames(2);
    if (b.app.importer.failure()) FAIL(b.app.importer.failure()->describe());
    REQUIRE(b.app.importer.stage() == Stage::imported);
    REQUIRE(ui.Has("import.done"));
    ui.Click("import.open_case." + reference);
    REQUIRE(b.app.screen() == appmodel::Screen::case_view);
    CHECK(b.app.current_case() == case_id);
    ui.Click("case.tab.evidence");
    REQUIRE(ui.Has("case.custody.received"));
    REQUIRE(ui.Has("case.evidence.sha256"));
    ui.Click("nav.lock");
  }
  auto vb = b.open();
  auto got = vb.cases().get(case_id);
  REQUIRE(got);
  CHECK(got->reference == reference);
  CHECK(audit_count(vb, "bundle_imported") == 1);
  auto attachment = vb.attachments().for_evidence(evidence_id);
  REQUIRE(attachment);
  REQUIRE(attachment->has_value());
  CHECK((*attachment)->size == 70'000);
  auto contacts = ex::ContactBook(vb).list();
  REQUIRE(contacts);
  REQUIRE(contacts->size() == 1);
  CHECK(contacts->front().display_name == "tester");
}

TEST_CASE("Contacts: a file that is not a card is refused in plain words; differing numbers warn; removal asks first",
          "[gui][headless][exchange]") {
  test::TempDir home;
  test::HomeAt at(home.path());
  test::VaultFixture a;
  test::VaultFixture b;
  {
    auto vb = b.open();
    REQUIRE(vb.set_owner_name(kClinic));
    auto own = ex::own_identity(vb);
    REQUIRE(own);
    test::write_file(home / "clinic.card", test::as_bytes(own->card));
    std::string altered = own->card;
    altered.replace(altered.find(kClinic), 7, "Harbor ");  // the name changed, the signature not
    test::write_file(home / "altered.card", test::as_bytes(altered));
    test::write_file(home / "notes.txt", test::as_bytes("not a card\n"));
  }
  test::HeadlessUi ui(a.app);
  a.unlock(ui);
  ui.Click("nav.contacts");
  auto pick = [&](const std::string& file) {
    ui.Click("contacts.add");
    ui.Click("files.row." + file);
    ui.Click("files.choose");
  };
  pick("notes.txt");
  CHECK_FALSE(a.app.contacts.preview());
  REQUIRE(ui.Has("contacts.error"));
  CHECK(std::string(a.app.contacts.error_key()) == "contacts.error.not_a_card");
  pick("altered.card");
  CHECK_FALSE(a.app.contacts.preview());
  CHECK(std::string(a.app.contacts.error_key()) == "contacts.error.card_signature");
  CHECK(a.app.contacts.contacts().empty());

  pick("clinic.card");
  REQUIRE(a.app.contacts.preview());
  CHECK(a.app.contacts.error_key() == nullptr);
  ui.Click("contacts.add.confirm");  // no kind chosen: allowed, but export will say so
  REQUIRE(a.app.contacts.contacts().size() == 1);
  CHECK(a.app.contacts.contacts().front().kind.empty());

  ui.Click("contacts.verify." + std::string(kClinic));
  ui.Click("contacts.verify.mismatch");
  REQUIRE(ui.Has("contacts.verify.match"));  // the panel stays, with the warning
  CHECK_FALSE(a.app.contacts.contacts().front().verified);

  ui.Click("contacts.remove." + std::string(kClinic));
  REQUIRE(a.app.contacts.contacts().size() == 1);  // not before confirming
  ui.Click("contacts.remove.confirm");
  CHECK(a.app.contacts.contacts().empty());
  ui.Click("nav.lock");
  auto va = a.open();
  auto left = ex::ContactBook(va).list();
  REQUIRE(left);
  CHECK(left->empty());
}
