// Export is refused unless each case's consent allows sharing with each
// recipient; the refusal names the case and the missing scope, and nothing is
// written: no file, no temporary, no audit entry, no custody event.
#include <catch2/catch_test_macros.hpp>

#include "exchange_world.hpp"
#include "vault_test_support.hpp"

using namespace safehold;
using namespace safehold::test;

namespace {

constexpr int kRefused = 4;

// Runs `safehold-cli export` and checks the refusal left nothing behind.
std::string expect_export_refused(TwoDesks& w, std::vector<std::string> extra, const std::string& scope) {
  const auto out = w.caseworker.dir / "refused.age";
  const auto reference = w.caseworker.v().records().get(w.the_case.id).value().fields.value("reference", "");
  REQUIRE_FALSE(reference.empty());
  const auto before = snapshot(w.caseworker);
  std::vector<std::string> args = {"export", "--case", w.the_case.id, "-o", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = w.caseworker.cli(args);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == kRefused);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.find(reference) != std::string::npos);  // the case, by its reference
  if (!scope.empty()) CHECK(r.err.find(scope) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(std::distance(std::filesystem::directory_iterator(w.caseworker.dir.path()),
                      std::filesystem::directory_iterator()) == 2);  // vault, passphrase: no temporary
  CHECK(snapshot(w.caseworker) == before);
  return r.err;
}

}  // namespace

TEST_CASE("export refused: the case's consent lacks the recipient's sharing scope", "[exchange][consent]") {
  TwoDesks w({"be_interviewed"});
  expect_export_refused(w, {"--to", "NGO Intake"}, "share_named_ngos");
  const auto plan = ex::check_export(w.caseworker.v(), w.request(false)).value();
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].case_id == w.the_case.id);
  CHECK(plan.problems[0].contact_id == w.ngo_at_caseworker);
  CHECK(plan.problems[0].scope == "share_named_ngos");
  const auto r = ex::export_bundle(w.caseworker.v(), w.request(false), w.caseworker.dir / "x.age");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ex::ExchangeError::consent_refused);
}

TEST_CASE("export refused: per recipient, one allowed and one not", "[exchange][consent]") {
  TwoDesks w({"be_interviewed", "share_named_ngos"});
  Desk lawyer("Lawyer Wu");
  const auto c = ex::ContactBook(w.caseworker.v()).add_card(bundle::as_bytes(lawyer.card()), {}, "lawyer").value();
  REQUIRE(ex::ContactBook(w.caseworker.v()).verify(c.id, "qr"));
  const auto err = expect_export_refused(w, {"--to", "NGO Intake", "--to", c.id}, "share_own_lawyer");
  CHECK(err.find("Lawyer Wu") != std::string::npos);
  // The NGO alone is fine.
  const auto ok = w.caseworker.cli({"export", "--case", w.the_case.id, "--to", "NGO Intake", "-o",
                                    (w.caseworker.dir / "ok.age").string()});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
}

TEST_CASE("export refused: consent withdrawn, naming whom it was already sent to", "[exchange][consent]") {
  TwoDesks w;
  w.export_to(w.caseworker.dir / "first.age");
  std::filesystem::remove(w.caseworker.dir / "first.age");
  auto fields = w.consent.fields;
  fields["withdrawal"] = {{"at", "2026-11-20T10:00:00Z"}, {"extent", "all"}};
  REQUIRE(w.caseworker.v().records().update(w.consent.id, fields));
  const auto err = expect_export_refused(w, {"--to", "NGO Intake"}, "");
  CHECK(err.find("withdrawn") != std::string::npos);
  CHECK(err.find("NGO Intake") != std::string::npos);  // already sent to
}

TEST_CASE("export refused: a recipient outside the consent's allowed recipients", "[exchange][consent]") {
  TwoDesks w;
  auto fields = w.consent.fields;
  fields["allowed_recipients"] = {{{"organisation", "Another NGO"}}};
  REQUIRE(w.caseworker.v().records().update(w.consent.id, fields));
  expect_export_refused(w, {"--to", "NGO Intake"}, "allowed recipients");
}

TEST_CASE("export refused: identifying fields asked for without consent to share them", "[exchange][consent]") {
  SECTION("scope store_real_identity not given") {
    TwoDesks w({"be_interviewed", "share_named_ngos"}, "named");
    expect_export_refused(w, {"--to", "NGO Intake", "--include-identifying"}, "store_real_identity");
  }
  SECTION("disclosure level pseudonym") {
    TwoDesks w({"be_interviewed", "share_named_ngos", "store_real_identity"}, "pseudonym");
    expect_export_refused(w, {"--to", "NGO Intake", "--include-identifying"}, "store_real_identity");
  }
}

TEST_CASE("export refused: a recipient whose fingerprint was never verified", "[exchange][consent]") {
  TwoDesks w;
  Desk other("Other NGO");
  const auto c = ex::ContactBook(w.caseworker.v()).add_card(bundle::as_bytes(other.card()), {}, "ngo").value();
  const auto out = w.caseworker.dir / "x.age";
  const auto r = w.caseworker.cli({"export", "--case", w.the_case.id, "--to", c.id, "-o", out.string()});
  CHECK(r.exit_code == kRefused);
  CHECK(r.err.find("not verified") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("export: an existing output file is never overwritten", "[exchange][export]") {
  TwoDesks w;
  const auto out = w.caseworker.dir / "exists.age";
  write_file(out, bytes_of("keep me"));
  const auto before = snapshot(w.caseworker);
  const auto r = w.caseworker.cli({"export", "--case", w.the_case.id, "--to", "NGO Intake", "-o", out.string()});
  CHECK(r.exit_code == 7);
  CHECK(read_file(out) == bytes_of("keep me"));
  CHECK(snapshot(w.caseworker) == before);
}

// Attachments are re-checked while they stream into the bundle: damaged
// content, or content that no longer matches the SHA-256 recorded at intake,
// stops the export with nothing written and no dispatch audited.
TEST_CASE("export stopped: attachment damaged on disk or not matching its recorded hash", "[exchange][export]") {
  for (const bool in_database : {false, true}) {
    INFO((in_database ? "recorded SHA-256 changed" : "encrypted file damaged"));
    TwoDesks w;
    const auto attachment = w.caseworker.v().attachments().for_evidence(w.evidence.id).value().value();
    w.caseworker.lock();
    if (in_database) {
      RawDb raw(w.caseworker.folder, kDeskPass);
      raw.exec("UPDATE attachments SET sha256 = zeroblob(32) WHERE id = '" + attachment.id + "'");
    } else {
      std::filesystem::path file;
      for (const auto& e : std::filesystem::directory_iterator(w.caseworker.folder / "attachments")) {
        if (std::filesystem::file_size(e.path()) > w.attachment.size()) file = e.path();
      }
      REQUIRE_FALSE(file.empty());
      auto bytes = read_file(file);
      bytes[bytes.size() / 2] ^= 0x01;
      write_file(file, bytes);
    }
    const auto before = snapshot(w.caseworker);
    const auto out = w.caseworker.dir / "case.age";
    const auto r = ex::export_bundle(w.caseworker.v(), w.request(), out);
    REQUIRE_FALSE(r);
    INFO(r.error().describe());
    CHECK(r.error().code == ex::ExchangeError::bundle_refused);
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK(std::distance(std::filesystem::directory_iterator(w.caseworker.dir.path()),
                        std::filesystem::directory_iterator()) == 2);  // no temporary
    const auto after = snapshot(w.caseworker);
    CHECK(after.records == before.records);
    CHECK(after.attachment_files == before.attachment_files);
    CHECK(after.audit_intact);
    // The audit keeps only that the content was opened for reading.
    const auto added = w.caseworker.v().audit().page(before.audit_entries, 100).value();
    CHECK(added.size() == static_cast<std::size_t>(after.audit_entries - before.audit_entries));
    for (const auto& e : added) CHECK(e.action == "attachment_read");
    CHECK(w.caseworker.v().consent().sent_to(w.the_case.id).value().empty());
  }
}
