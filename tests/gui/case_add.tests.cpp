// Adding records to an existing case from the case view (issue 5), driven
// headless through the real UI against a real SQLCipher vault seeded with
// the demo cases.
#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include <algorithm>
#include <set>
#include <string>

#include "home_at.hpp"
#include "safehold/crypto/sha256.hpp"
#include "seeded_case.hpp"

using namespace safehold;
using test::SeededCase;
using test::find_record;

namespace {

std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, bytes.data(), bytes.size());
  return test::to_hex(std::span<const std::uint8_t>(h, sizeof h));
}

std::size_t files_under(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) if (e.is_regular_file()) ++n;
  return n;
}
}  // namespace

TEST_CASE("Case view: lock while a large evidence file is being stored stops it; nothing is stored",
          "[gui][headless][case_add]") {
  test::TempDir home;
  // 512 MiB of zeros, sparse: seconds of encryption if it ran to the end.
  const auto video = home / "video.mp4";
  test::write_file(video, {});
  std::filesystem::resize_file(video, 512ull << 20);
  SeededCase s;
  storage::Vault& v = s.f.app.session().vault();
  const auto evidence_before = v.records().list(s.case_id, "evidence_item").value().size();
  const auto files_before = files_under(s.f.folder() / "attachments");
  s.add().begin_evidence(s.case_id, video.string());
  REQUIRE(s.add().save());
  REQUIRE(s.add().saving());
  s.ui.Click("nav.lock");  // must not wait for the whole file
  REQUIRE_FALSE(s.f.app.unlocked());
  CHECK_FALSE(s.add().open());

  auto reopened = s.f.open();
  CHECK(reopened.records().list(s.case_id, "evidence_item").value().size() == evidence_before);
  CHECK(reopened.audit().verify().value().intact);
  CHECK(files_under(s.f.folder() / "attachments") == files_before);  // no attachment file left behind
}

TEST_CASE("Case view: add a session, an incident, a person, a measure and an evidence file to a case",
          "[gui][headless][case_add]") {
  test::TempDir home;
  const auto content = test::pseudo_random_bytes(200'000, 11);
  test::write_file(home / "letter.pdf", content);
  test::HomeAt at(home.path());
  SeededCase s;
  auto& ui = s.ui;

  // Follow-up session, with a logged break.
  ui.Click("case.tab.sessions");
  ui.Click("case.add.interview_session");
  REQUIRE(s.add().open());
  ui.Click("case.add.interview_session.mode");
  ui.Click("case.add.interview_session.mode.video_call");
  ui.Click("case.add.pause");
  REQUIRE(s.add().paused());
  CHECK_FALSE(ui.Has("case.add.interview_session.notes"));  // nothing shown during a break
  CHECK_FALSE(ui.Has("case.heading"));                       // not even the case's title
  CHECK_FALSE(ui.Has("case.tab.sessions"));
  ui.Click("case.add.resume_after_pause");
  ui.Click("case.add.interview_session.notes");
  ui.Type("Follow-up: the summons letter arrived by post");
  const std::string session_id = s.save("interview_session");
  CHECK(s.in_history(session_id));

  // Incident with a tactic, a dated start and a declined channel.
  ui.Click("case.tab.incidents");
  ui.Click("case.add.incident");
  ui.Click("case.add.incident.title");
  ui.Type("Mother summoned again");
  ui.Click("case.add.incident.tactics.filter");
  ui.Type("D1");
  ui.Click("case.add.incident.tactics.D1");
  ui.Click("case.add.incident.start_date");
  ui.Type("2026-03");
  ui.Click("case.add.incident.channel.na");
  ui.Click("case.add.incident.channel.na.declined");
  const std::string incident_id = s.save("incident");
  CHECK(s.in_history(incident_id));

  // A relative.
  ui.Click("case.tab.people");
  ui.Click("case.add.person");
  ui.Click("case.add.person.pseudonym");
  ui.Type("Sample sister");
  ui.Click("case.add.person.roles.relative");
  const std::string person_id = s.save("person");
  CHECK(s.in_history(person_id));

  // A legal measure.
  ui.Click("case.tab.measures");
  ui.Click("case.add.legal_measure");
  ui.Click("case.add.legal_measure.type");
  ui.Click("case.add.legal_measure.type.passport_refused");
  const std::string measure_id = s.save("legal_measure");
  CHECK(s.in_history(measure_id));

  // An evidence file through the in-app browser.
  ui.Click("case.tab.evidence");
  ui.Click("case.add.evidence_item");
  ui.Click("files.row.letter.pdf");
  ui.Click("files.choose");
  REQUIRE(s.add().open());
  CHECK(s.add().file().ends_with("letter.pdf"));
  ui.Click("case.add.evidence_item.description");
  ui.Type("Summons letter, scanned");
  const std::string evidence_id = s.save("evidence_item");
  CHECK(s.in_history(evidence_id));
  REQUIRE(ui.Has("case.evidence.sha256"));

  // A risk reassessment: a second record, which the overview reads as the latest.
  ui.Click("case.tab.risk");
  ui.Click("case.add.risk_assessment");
  ui.Click("case.add.risk_assessment.rating");
  ui.Click("case.add.risk_assessment.rating.critical");
  const std::string risk_id = s.save("risk_assessment");
  CHECK(s.in_history(risk_id));
  CHECK(s.f.app.case_view.of("risk_assessment").size() == 2);
  CHECK(s.f.app.case_view.overview().risk_rating == "critical");

  // The real vault, reopened: typed values, the attachment, the audit.
  auto v = s.lock_and_reopen();
  auto rs = v.records().list(s.case_id);
  REQUIRE(rs);
  const auto* session = find_record(*rs, session_id);
  REQUIRE(session != nullptr);
  CHECK(session->fields["mode"] == "video_call");
  CHECK(session->fields["notes"] == "Follow-up: the summons letter arrived by post");
  REQUIRE(session->fields["breaks"].size() == 1);
  CHECK(session->fields["breaks"][0].contains("end"));
  CHECK(session->fields["breaks"][0]["requested_by"] == "interviewee");
  const auto* incident = find_record(*rs, incident_id);
  REQUIRE(incident != nullptr);
  CHECK(incident->fields["title"] == "Mother summoned again");
  CHECK(incident->fields["tactics"] == appmodel::Json::array({"D1"}));
  CHECK(incident->fields["start_date"]["value"] == "2026-03");
  CHECK(incident->fields["start_date"]["precision"] == "month");
  CHECK(incident->fields["channel"] == appmodel::Json{{"not_answered", "declined"}});
  const auto* person = find_record(*rs, person_id);
  REQUIRE(person != nullptr);
  CHECK(person->fields["pseudonym"] == "Sample sister");
  CHECK(person->fields["roles"] == appmodel::Json::array({"relative"}));
  const auto* measure = find_record(*rs, measure_id);
  REQUIRE(measure != nullptr);
  CHECK(measure->fields["type"] == "passport_refused");
  const auto* evidence = find_record(*rs, evidence_id);
  REQUIRE(evidence != nullptr);
  CHECK(evidence->fields["description"] == "Summons letter, scanned");
  CHECK(evidence->fields["media_type"] == "application/pdf");
  CHECK_FALSE(evidence->fields.contains("original_file_name"));  // consent: store_real_identity is "no"
  auto a = v.attachments().for_evidence(evidence_id);
  REQUIRE(a);
  REQUIRE(a->has_value());
  CHECK((*a)->size == content.size());
  CHECK(crypto::to_hex((*a)->sha256) == sha256_hex(content));
  auto audit = v.audit().for_case(s.case_id);
  REQUIRE(audit);
  CHECK(find_record(*rs, risk_id) != nullptr);
  for (const auto& id : {session_id, incident_id, person_id, measure_id, evidence_id, risk_id}) {
    const bool created = std::any_of(audit->begin(), audit->end(), [&](const storage::AuditEntry& e) {
      return e.object_id == id && e.action == "record_created";
    });
    CHECK(created);
  }
}

TEST_CASE("Case view: the vault refuses what consent does not allow; the form is kept, nothing stored",
          "[gui][headless][case_add]") {
  SeededCase s;
  auto& ui = s.ui;
  ui.Click("case.tab.people");
  const auto people_before = s.f.app.case_view.of("person").size();
  ui.Click("case.add.person");
  ui.Click("case.add.person.pseudonym");
  ui.Type("Sample cousin");
  // The real name needs consent to store the real identity; the demo
  // consent says no.
  ui.Click("case.add.person.legal_name.hanzi");
  ui.Type("Zhang Wei");
  ui.Click("case.add.save");
  REQUIRE(ui.FramesUntil([&] { return !s.add().saving(); }));
  ui.Frames(2);
  REQUIRE(s.add().error_key() != nullptr);
  CHECK(std::string(s.add().error_key()) == "case.add.refused");
  CHECK(s.add().error_detail().find("store_real_identity") != std::string::npos);
  CHECK(s.add().error_detail().find("Zhang") == std::string::npos);  // no record content
  CHECK(ui.Has("case.add.error"));
  REQUIRE(s.add().open());
  CHECK(s.add().fields()["pseudonym"] == "Sample cousin");  // what was typed is kept
  CHECK(s.f.app.case_view.of("person").size() == people_before);
  auto rs = s.f.app.session().vault().records().list(s.case_id);
  REQUIRE(rs);
  CHECK(std::none_of(rs->begin(), rs->end(), [](const storage::Record& r) {
    return appmodel::text_of(r.fields, "pseudonym") == "Sample cousin";
  }));

  // Cancel discards the form.
  ui.Click("case.add.cancel");
  CHECK_FALSE(s.add().open());
  CHECK(s.add().fields().empty());
  CHECK(s.add().error_key() == nullptr);
}

TEST_CASE("Case view: lock, or opening another case, keeps a half-filled add-form as an encrypted draft",
          "[gui][headless][case_add]") {
  SeededCase s;
  auto& ui = s.ui;
  ui.Click("case.tab.incidents");
  ui.Click("case.add.incident");
  const std::string typed = "Uncle followed home from the market twice";
  ui.Click("case.add.incident.title");
  ui.Type(typed);
  REQUIRE(s.add().fields()["title"] == typed);
  ui.Click("nav.lock");
  REQUIRE_FALSE(s.f.app.unlocked());
  CHECK_FALSE(s.add().open());
  CHECK(s.add().fields().empty());
  CHECK(s.add().case_id().empty());
  CHECK_FALSE(test::imgui_memory_holds(typed));
  // The draft is in the vault, encrypted: no file holds the typed words.
  for (const auto& e : std::filesystem::recursive_directory_iterator(s.f.folder())) {
    if (!e.is_regular_file()) continue;
    const auto bytes = test::read_file(e.path());
    CHECK(std::search(bytes.begin(), bytes.end(), typed.begin(), typed.end()) == bytes.end());
  }

  // Unlocked again, the case brings the form back as it was, and says so.
  const auto restored_here = [&] {
    return s.add().open() && s.add().entity() == "incident" && s.add().case_id() == s.case_id &&
           appmodel::text_of(s.add().fields(), "title") == typed;
  };
  s.f.unlock(ui);
  s.f.app.open_case(s.case_id);
  ui.Frames(2);
  CHECK(restored_here());
  CHECK(ui.Has("case.add.restored"));
  CHECK(ui.Has("case.add.incident.title"));
  const std::string key = appmodel::CaseAddModel::draft_key(s.case_id);
  CHECK_FALSE(s.f.app.session().vault().drafts().get(key).value().has_value());  // back in memory only

  // Opening another case keeps it as a draft too; coming back restores it.
  storage::CaseQuery all;
  all.limit = 10;
  std::string other;
  const auto listed = s.f.app.session().vault().cases().list(all);
  REQUIRE(listed);
  for (const auto& c : *listed) {
    if (c.case_id != s.case_id) other = c.case_id;
  }
  REQUIRE_FALSE(other.empty());
  s.f.app.open_case(other);
  ui.Frames(2);
  CHECK_FALSE(s.add().open());
  CHECK(s.f.app.session().vault().drafts().get(key).value().has_value());
  s.f.app.open_case(s.case_id);
  ui.Frames(2);
  CHECK(restored_here());

  // Cancel ends it: nothing stored, no draft left.
  ui.Click("case.add.cancel");
  CHECK_FALSE(s.add().open());
  s.f.app.open_case(other);
  ui.Frames(2);
  s.f.app.open_case(s.case_id);
  ui.Frames(2);
  CHECK_FALSE(s.add().open());
  CHECK_FALSE(s.f.app.session().vault().drafts().get(key).value().has_value());
  auto rs = s.f.app.session().vault().records().list(s.case_id);
  REQUIRE(rs);
  CHECK(std::none_of(rs->begin(), rs->end(),
                     [&](const storage::Record& r) { return appmodel::text_of(r.fields, "title") == typed; }));
}
